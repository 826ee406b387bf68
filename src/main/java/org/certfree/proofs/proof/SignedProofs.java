package org.certfree.proofs.proof;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.log.BusinessEvents;

/**
 * Reads a stored proof's content from what its department signed: the compact JWS of the stored payload and
 * signatures ({@link JwsVerifier#verifyDetached}) is verified (its
 * mathematics is remembered by {@link JwsVerifier}, so a proof read again costs a hash) and must be
 * over the stored payload, signed by the payload's issuer; the stored disclosures are decrypted and
 * each must be one the payload's digests name, all of them there. A record that fails is never served:
 * the caller gets a 500 problem naming the proof, and the operators an error line ({@code proof.integrity}).
 * A key whose publication has ended cannot be checked any more; its payload is read as stored.
 * <p>
 * A read remembers its result for the proof, with the exact stored strings it checked: the check is a
 * function of those strings alone, so a proof read again with the same row costs three string
 * comparisons, and a row changed in any byte is checked afresh (and refused). The memory holds decrypted
 * disclosures of recently read proofs, in this process only, bounded ({@link #REMEMBERED}) and forgotten
 * after {@link #FORGET_AFTER} unread; the transparency check ({@link #check}) never uses it.
 */
@ApplicationScoped
public class SignedProofs {

    /** Separates stored disclosures, as in an SD-JWT (a disclosure is base64url: it never holds one). */
    static final String SEPARATOR = "~";

    /** How many recently read proofs are remembered. */
    static final int REMEMBERED = 10_000;

    /** How long an unread proof stays remembered. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(5);

    /** A read's result, with the stored strings it was checked from. */
    private record Remembered(String payload, String signatures, String disclosuresEnc, SignedProof content) {
        boolean of(String payload, String signatures, String disclosuresEnc) {
            return this.payload.equals(payload) && this.signatures.equals(signatures) && this.disclosuresEnc.equals(disclosuresEnc);
        }
    }

    private final Cache<String, Remembered> remembered = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .expireAfterAccess(FORGET_AFTER).build();

    @Inject
    JwsVerifier verifier;

    @Inject
    PersonalDataProtector protector;

    /** The content of a stored proof with every disclosure, or a 500 problem if the record does not match its signature. */
    public SignedProof read(String number, String payload, String signatures, String disclosuresEnc) {
        Remembered known = remembered.getIfPresent(number);
        if (known != null && known.of(payload, signatures, disclosuresEnc)) {
            return known.content();
        }
        Checked checked = check(payload, signatures, disclosuresEnc, false);
        if (checked.problem() != null) {
            BusinessEvents.log("proof.integrity", "number", number, "problem", checked.problem(), "outcome", "failed");
            throw new ApiException(ProblemType.RECORD_INTEGRITY, Messages.PROOF_INTEGRITY.formatted(number));
        }
        remembered.put(number, new Remembered(payload, signatures, disclosuresEnc, checked.content()));
        return checked.content();
    }

    /** A stored proof checked against its signature: its content, or why it does not match (then no content). */
    record Checked(SignedProof content, String problem) {
    }

    /**
     * Checks the stored payload, signatures and disclosures of a proof once, for reads and the transparency check: a
     * read checks the compact form's signature (SM2-SM3, the one every verification relies on), the transparency
     * check every stored signature ({@code everySignature}: the general JSON form, Ed25519 too), so a changed
     * signature that only the JSON form serves is found as well.
     */
    Checked check(String payload, String signatures, String disclosuresEnc, boolean everySignature) {
        JwsVerification v = verifier.verifyDetached(payload, signatures, everySignature);
        if (v.outcome() == JwsOutcome.MALFORMED || v.outcome() == JwsOutcome.INVALID_SIGNATURE) {
            return new Checked(null, "signature " + v.outcome().name().toLowerCase());
        }
        byte[] stored = payload.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(v.payload(), stored)) {
            return new Checked(null, "payload differs from the signed one");
        }
        SignedProof content;
        try {
            content = SignedProof.parse(stored);
        } catch (IllegalArgumentException e) {
            return new Checked(null, "payload unreadable");
        }
        if (v.departmentCode() != null && !v.departmentCode().equals(content.issuerDept())) {
            return new Checked(null, "signed by " + v.departmentCode() + ", not by the issuer " + content.issuerDept());
        }
        String disclosures;
        try {
            disclosures = protector.decrypt(disclosuresEnc, IssuanceService.DISCLOSURES);
        } catch (RuntimeException e) {
            return new Checked(null, "disclosures do not decrypt");
        }
        try {
            content = content.disclose(split(disclosures));
        } catch (IllegalArgumentException e) {
            return new Checked(null, e.getMessage());
        }
        if (!content.complete()) {
            return new Checked(null, "disclosures missing");
        }
        return new Checked(content, null);
    }

    /** The stored form of a list of disclosures. */
    static String join(List<String> disclosures) {
        return String.join(SEPARATOR, disclosures);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR, -1));
    }
}
