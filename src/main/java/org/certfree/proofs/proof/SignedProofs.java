package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.system.log.BusinessEvents;

/**
 * Reads a stored proof's content from what its department signed: the compact JWS is verified (its
 * mathematics is remembered by {@link JwsVerifier}, so a proof read again costs a hash) and must be
 * over the stored payload, signed by the payload's issuer. A record that fails is never served: the
 * caller gets a 500 problem naming the proof, and the operators an error line ({@code proof.integrity}).
 * A key whose publication has ended cannot be checked any more; its payload is read as stored.
 */
@ApplicationScoped
public class SignedProofs {

    @Inject
    JwsVerifier verifier;

    /** The content of the proof stored as {@code payload} and {@code jwsCompact}, or a 500 problem if they do not match. */
    public SignedProof read(String number, String payload, String jwsCompact) {
        Checked checked = check(payload, jwsCompact);
        if (checked.problem() != null) {
            BusinessEvents.log("proof.integrity", "number", number, "problem", checked.problem(), "outcome", "failed");
            throw new ApiException(ProblemType.RECORD_INTEGRITY, Messages.PROOF_INTEGRITY.formatted(number));
        }
        return checked.content();
    }

    /** A stored proof checked against its signature: its content, or why it does not match (then no content). */
    record Checked(SignedProof content, String problem) {
    }

    /** Checks the stored payload and JWS of a proof once, for reads and the transparency check. */
    Checked check(String payload, String jwsCompact) {
        JwsVerification v = verifier.verify(jwsCompact);
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
        return new Checked(content, null);
    }
}
