package org.certfree.proofs.proof;

import java.time.Instant;
import org.certfree.proofs.keys.DetachedJws;

/**
 * What the public status check needs of a proof: its code, status and signed form (its content is
 * read through {@link ProofLookup#signed(ProofStatusRow)} once the code has matched); {@code suspendedAt}
 * is set while a dispute on it is open.
 */
public record ProofStatusRow(String number, DocumentKind kind, String codeEnc, ProofStatus status,
        RevocationReason revocationReason, Instant falseFindingWithdrawnAt, String supersededBy, String payload,
        String jwsSignatures, String disclosuresEnc, Instant suspendedAt) {

    /** The compact JWS as signed, rebuilt from the stored payload and signatures ({@link DetachedJws}). */
    public String jwsCompact() {
        return DetachedJws.compact(payload, jwsSignatures);
    }

}
