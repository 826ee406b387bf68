package org.certfree.proofs.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.Payload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.certfree.proofs.keys.crypto.JoseAdapters;

/**
 * Signs JWS (RFC 7515) with the departments' keys (verification: {@link JwsVerifier}); what proofs, verification receipts,
 * status lists and publication manifests are signed with.
 *
 * <p>Every signature's protected header is {@code {"alg", "kid", "typ"?, "iat"}}: {@code kid} is the
 * RFC 7638 thumbprint of the key (see {@code /.well-known/jwks.json}), {@code iat} the signing time in
 * seconds since the epoch (RFC 7519 NumericDate, carried as a header parameter so it is covered by the
 * signature of any payload). {@code alg} is {@code SM2SM3} or {@code EdDSA} (see {@link KeyAlgorithm}).
 *
 * <p>Compromise: a key declared compromised from an instant makes every signature whose {@code iat}
 * is at or after that instant fail ({@link JwsOutcome#KEY_COMPROMISED}). Earlier signatures keep
 * verifying — but {@code iat} is chosen by whoever holds the key, so someone who stole a key can
 * back-date it. A compromised key's pre-compromise signatures are therefore only as good as a
 * server-side record of the same issuance: online verification must check that record (the proof,
 * receipt or batch row with its issuing time), and only offline verifiers rely on {@code iat} alone.
 *
 * <p>A key signs only while the database calls it ACTIVE: before signing, the key rows are confirmed
 * and locked in the caller's transaction (see {@link KeyService#stillActive}), so once a rotation or
 * compromise has committed on any replica, no replica signs with the old key again.
 *
 * <p>Parsing and serialization are Nimbus JOSE+JWT's; the signatures are BouncyCastle's (package {@code crypto}).
 */
@ApplicationScoped
public class Jws {

    /** Name of the signing-time header parameter. */
    public static final String IAT = "iat";

    @Inject
    KeyDirectory keys;

    @Inject
    Clock clock;

    @Inject
    JwsVerifier verifier;

    /**
     * Compact serialization (RFC 7515 §7.1) with one signature by the department's ACTIVE key of {@code alg};
     * creates the department's keys on first use.
     *
     * @param typ the {@code typ} header (media type of the whole JWS, e.g. {@code "proof+jws"}), or null
     */
    public String signCompact(String departmentCode, KeyAlgorithm alg, byte[] payload, String typ) {
        Objects.requireNonNull(departmentCode, "departmentCode");
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(payload, "payload");
        KeyDirectory.ActiveKey key = keys.confirmedActive(departmentCode, List.of(alg)).get(0);
        JWSObject jws = new JWSObject(header(key, typ, clock.instant().getEpochSecond()), new Payload(payload));
        try {
            jws.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing with " + key.kid() + " failed", e);
        }
        return jws.serialize();
    }

    /**
     * General JSON serialization (RFC 7515 §7.2.1) with two signatures, SM2-SM3 then Ed25519, each with
     * its own protected header (same {@code typ} and {@code iat}).
     */
    public String signGeneralJson(String departmentCode, byte[] payload, String typ) {
        return signBoth(departmentCode, payload, typ).generalJson();
    }

    /** The compact and the general JSON serialization of one payload, sharing one SM2-SM3 signature. */
    public record SignedForms(String compact, String generalJson) {
    }

    /**
     * Both serializations at once: the general JSON one as {@link #signGeneralJson}, and the compact one
     * made of its SM2-SM3 signature (the same protected header, payload and signature — RFC 7515 §7.1),
     * so the payload is signed with SM2 once, not twice.
     */
    public SignedForms signBoth(String departmentCode, byte[] payload, String typ) {
        return signing(departmentCode).signBoth(payload, typ);
    }

    /**
     * The department's signing for many payloads in the caller's transaction: its ACTIVE keys are confirmed (and
     * held, see {@link KeyService#stillActive}) once, here; {@link Signing#signBoth} then touches no database and
     * may run on any thread, so a bulk issuance signs a chunk on every core under one confirmation.
     */
    public Signing signing(String departmentCode) {
        Objects.requireNonNull(departmentCode, "departmentCode");
        return new Signing(keys.confirmedActive(departmentCode, List.of(KeyAlgorithm.values())));
    }

    /** The confirmed keys of one department, for the transaction that confirmed them; thread-safe. */
    public final class Signing {

        private final List<KeyDirectory.ActiveKey> signers;

        private Signing(List<KeyDirectory.ActiveKey> signers) {
            this.signers = signers;
        }

        /**
         * Both serializations at once: the general JSON one (SM2-SM3 then Ed25519), and the compact one made of
         * its SM2-SM3 signature (the same protected header, payload and signature — RFC 7515 §7.1), so the
         * payload is signed with SM2 once, not twice.
         */
        public SignedForms signBoth(byte[] payload, String typ) {
            JWSObjectJSON jws = signAll(payload, typ);
            JWSObjectJSON.Signature sm2 = sm2Of(jws);
            String compact = sm2.toJWSObject().serialize();
            verifier.signedHere(sm2.getHeader().getKeyID(), compact);
            return new SignedForms(compact, jws.serializeGeneral());
        }

        /**
         * The same signatures as {@link #signBoth}, without the payload ({@link DetachedJws}, the SM2-SM3 one — the
         * compact form's — first): what a stored proof keeps beside its payload. Neither serialization is kept; the
         * compact one is made once, only to remember its signature as good.
         */
        public String signDetached(byte[] payload, String typ) {
            JWSObjectJSON jws = signAll(payload, typ);
            JWSObjectJSON.Signature sm2 = sm2Of(jws);
            // the stored proof is read back at once (the issuance's answer) and at its first verification: signed here
            // with our own key, so its signature need not be verified again (the key's state still is, each time)
            verifier.signedHere(sm2.getHeader().getKeyID(), sm2.toJWSObject().serialize());
            List<DetachedJws.Signature> detached = new ArrayList<>();
            detached.add(detachedOf(sm2));
            jws.getSignatures().stream().filter(s -> s != sm2).forEach(s -> detached.add(detachedOf(s)));
            return DetachedJws.of(detached);
        }

        private JWSObjectJSON signAll(byte[] payload, String typ) {
            Objects.requireNonNull(payload, "payload");
            JWSObjectJSON jws = new JWSObjectJSON(new Payload(payload));
            long iat = clock.instant().getEpochSecond();
            for (KeyDirectory.ActiveKey key : signers) {
                try {
                    jws.sign(header(key, typ, iat), key.signer());
                } catch (JOSEException e) {
                    throw new IllegalStateException("Signing with " + key.kid() + " failed", e);
                }
            }
            return jws;
        }

    }

    private static JWSObjectJSON.Signature sm2Of(JWSObjectJSON jws) {
        return jws.getSignatures().stream()
                .filter(s -> KeyAlgorithm.SM2_SM3.jwsAlg().equals(s.getHeader().getAlgorithm().getName()))
                .findFirst().orElseThrow();
    }

    private static DetachedJws.Signature detachedOf(JWSObjectJSON.Signature s) {
        return new DetachedJws.Signature(s.getHeader().toBase64URL().toString(), s.getSignature().toString());
    }

    private static JWSHeader header(KeyDirectory.ActiveKey key, String typ, long iat) {
        JWSHeader.Builder header = new JWSHeader.Builder(JoseAdapters.jwsAlgorithm(key.algorithm())).keyID(key.kid());
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        return header.customParam(IAT, iat).build();
    }
}
