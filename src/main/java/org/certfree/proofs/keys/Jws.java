package org.certfree.proofs.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certfree.proofs.keys.crypto.JoseAdapters;
import org.certfree.proofs.system.config.CertfreeConfig;

/**
 * Signs and verifies JWS (RFC 7515) with the departments' keys; what proofs, verification receipts,
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
 * <p>Parsing and serialization are Nimbus JOSE+JWT's; the signatures are BouncyCastle's (package {@code crypto}).
 */
@ApplicationScoped
public class Jws {

    /** Longest JWS accepted for verification, in characters. */
    public static final int MAX_LENGTH = 4 * 1024 * 1024;

    /** Most signatures accepted in one JSON-serialized JWS. */
    public static final int MAX_SIGNATURES = 8;

    /** Name of the signing-time header parameter. */
    public static final String IAT = "iat";

    @Inject
    KeyService keys;

    @Inject
    CertfreeConfig config;

    /**
     * SHA-256 of (kid, protected header, payload, signature) of signatures that verified, so the same
     * signature is not checked again (verification re-checks every stored proof). Only the mathematics
     * is remembered: the key's state (published, compromised) is judged anew on every call, and a
     * single changed byte is another entry. Its size is {@code certfree.keys.remembered-signatures}
     * (0: every signature is checked every time).
     */
    private Cache<ByteBuffer, Boolean> verified;

    @PostConstruct
    void init() {
        verified = Caffeine.newBuilder().maximumSize(config.keys().rememberedSignatures()).build();
    }

    @Inject
    Clock clock;

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
        KeyService.ActiveKey key = keys.activeKey(departmentCode, alg);
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
        Objects.requireNonNull(departmentCode, "departmentCode");
        Objects.requireNonNull(payload, "payload");
        JWSObjectJSON jws = new JWSObjectJSON(new Payload(payload));
        long iat = clock.instant().getEpochSecond();
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            KeyService.ActiveKey key = keys.activeKey(departmentCode, alg);
            try {
                jws.sign(header(key, typ, iat), key.signer());
            } catch (JOSEException e) {
                throw new IllegalStateException("Signing with " + key.kid() + " failed", e);
            }
        }
        return jws.serializeGeneral();
    }

    /**
     * Verifies a JWS in the compact or the JSON (general or flattened) serialization against the
     * published keys. Never throws on bad input: anything that is not a usable JWS is
     * {@link JwsOutcome#MALFORMED}. General JSON is VALID only if every signature is, and all come from
     * one department.
     */
    public JwsVerification verify(String jws) {
        if (jws == null || jws.isBlank()) {
            return JwsVerification.malformed("empty input");
        }
        if (jws.length() > MAX_LENGTH) {
            return JwsVerification.malformed("longer than " + MAX_LENGTH + " characters");
        }
        String text = jws.strip();
        Payload payload;
        List<Signed> signed = new ArrayList<>();
        try {
            if (text.startsWith("{")) {
                JWSObjectJSON json = JWSObjectJSON.parse(text);
                payload = json.getPayload();
                String payloadB64 = json.getPayload().toBase64URL().toString();
                for (JWSObjectJSON.Signature s : json.getSignatures()) {
                    signed.add(new Signed(s.getHeader(), s::verify, payloadB64, s.getSignature().toString()));
                }
            } else {
                JWSObject compact = JWSObject.parse(text);
                payload = compact.getPayload();
                signed.add(new Signed(compact.getHeader(), compact::verify, compact.getPayload().toBase64URL().toString(),
                        compact.getSignature().toString()));
            }
        } catch (ParseException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return JwsVerification.malformed("not a JWS: " + e.getMessage());
        }
        if (signed.isEmpty()) {
            return JwsVerification.malformed("no signature");
        }
        if (signed.size() > MAX_SIGNATURES) {
            return JwsVerification.malformed("more than " + MAX_SIGNATURES + " signatures");
        }

        List<JwsVerification.SignatureCheck> checks = new ArrayList<>();
        List<String> kids = new ArrayList<>();
        List<String> algs = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        JwsOutcome outcome = JwsOutcome.VALID;
        String department = null;
        String detail = null;
        for (Signed s : signed) {
            JwsVerification.SignatureCheck check = check(s);
            checks.add(check);
            kids.add(check.kid());
            algs.add(check.alg());
            headers.add(s.header() == null ? Map.of() : s.header().toJSONObject());
            if (check.departmentCode() != null) {
                if (department == null) {
                    department = check.departmentCode();
                } else if (!department.equals(check.departmentCode())) {
                    outcome = JwsOutcome.worse(outcome, JwsOutcome.INVALID_SIGNATURE);
                    detail = "signatures of different departments: " + department + ", " + check.departmentCode();
                }
            }
            if (JwsOutcome.worse(outcome, check.outcome()) != outcome) {
                outcome = check.outcome();
                detail = check.detail();
            }
        }
        return new JwsVerification(outcome, payload == null ? null : payload.toBytes(), department,
                Collections.unmodifiableList(kids), Collections.unmodifiableList(algs), List.copyOf(headers), List.copyOf(checks),
                detail == null ? (outcome == JwsOutcome.VALID ? "all signatures verify" : outcome.name()) : detail);
    }

    private JwsVerification.SignatureCheck check(Signed s) {
        JWSHeader h = s.header();
        if (h == null) {
            return failed(null, null, JwsOutcome.MALFORMED, null, "no protected header");
        }
        String alg = h.getAlgorithm() == null ? null : h.getAlgorithm().getName();
        String kid = h.getKeyID();
        if (!h.isBase64URLEncodePayload()) {
            return failed(kid, alg, JwsOutcome.MALFORMED, null, "unencoded payload (b64) is not accepted");
        }
        if (h.getCriticalParams() != null && !h.getCriticalParams().isEmpty()) {
            return failed(kid, alg, JwsOutcome.MALFORMED, null, "critical header parameters are not understood: "
                    + h.getCriticalParams());
        }
        Instant signedAt = null;
        Object iat = h.getCustomParam(IAT);
        if (iat != null) {
            if (!(iat instanceof Number n) || n.doubleValue() != Math.floor(n.doubleValue())) {
                return failed(kid, alg, JwsOutcome.MALFORMED, null, "iat is not a whole number of seconds");
            }
            signedAt = Instant.ofEpochSecond(n.longValue());
        }
        Optional<KeyAlgorithm> algorithm = KeyAlgorithm.fromJwsAlg(alg);
        if (algorithm.isEmpty()) {
            return failed(kid, alg, JwsOutcome.INVALID_SIGNATURE, null, "alg " + alg + " is not accepted");
        }
        if (kid == null || kid.isEmpty()) {
            return failed(kid, alg, JwsOutcome.UNKNOWN_KEY, null, "no kid in the protected header");
        }
        Optional<KeyService.PublishedKey> published = keys.published(kid);
        if (published.isEmpty()) {
            return failed(kid, alg, JwsOutcome.UNKNOWN_KEY, null, "kid " + kid + " is not a published key");
        }
        KeyService.PublishedKey key = published.get();
        String dept = key.departmentCode();
        if (key.algorithm() != algorithm.get()) {
            return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.INVALID_SIGNATURE, dept, signedAt,
                    "alg " + alg + " does not match key " + kid + " (" + key.algorithm().jwsAlg() + ")");
        }
        if (!cryptoValid(s, key)) {
            return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.INVALID_SIGNATURE, dept, signedAt,
                    "signature does not verify with key " + kid);
        }
        if (key.compromisedAt() != null
                && (signedAt == null || !signedAt.isBefore(KeyService.compromiseSecond(key.compromisedAt())))) {
            return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.KEY_COMPROMISED, dept, signedAt,
                    "key " + kid + " is compromised from " + key.compromisedAt() + "; signed at "
                            + (signedAt == null ? "an unknown time" : signedAt));
        }
        return new JwsVerification.SignatureCheck(kid, alg, JwsOutcome.VALID, dept, signedAt, "verifies with key " + kid);
    }

    /** Whether the signature verifies with the key; remembered when it does. */
    private boolean cryptoValid(Signed s, KeyService.PublishedKey key) {
        ByteBuffer id = ByteBuffer.wrap(fingerprint(key.kid(), s));
        if (verified.getIfPresent(id) != null) {
            return true;
        }
        boolean ok;
        try {
            ok = s.verification().verify(key.verifier());
        } catch (JOSEException | IllegalStateException | IllegalArgumentException e) {
            ok = false;
        }
        if (ok) {
            verified.put(id, Boolean.TRUE);
        }
        return ok;
    }

    private static byte[] fingerprint(String kid, Signed s) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String part : new String[] {kid, s.header().getParsedBase64URL().toString(), s.payload(), s.signature()}) {
            md.update(part.getBytes(StandardCharsets.US_ASCII));
            md.update((byte) '.');
        }
        return md.digest();
    }

    private static JwsVerification.SignatureCheck failed(String kid, String alg, JwsOutcome outcome, String dept,
            String detail) {
        return new JwsVerification.SignatureCheck(kid, alg, outcome, dept, null, detail);
    }

    private static JWSHeader header(KeyService.ActiveKey key, String typ, long iat) {
        JWSHeader.Builder header = new JWSHeader.Builder(JoseAdapters.jwsAlgorithm(key.algorithm())).keyID(key.kid());
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        return header.customParam(IAT, iat).build();
    }

    /** One signature to check: its protected header and how to run a verifier over it. */
    private record Signed(JWSHeader header, Verification verification, String payload, String signature) {
    }

    @FunctionalInterface
    private interface Verification {
        boolean verify(JWSVerifier verifier) throws JOSEException;
    }
}
