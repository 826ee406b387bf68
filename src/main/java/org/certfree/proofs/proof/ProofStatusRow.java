package org.certfree.proofs.proof;

import java.time.Instant;

/**
 * The few columns the public status check needs, read without the signed forms and claims (a
 * projection: the check is public and frequent, the full row is large).
 */
public record ProofStatusRow(String number, String codeEnc, ProofStatus status, Instant validUntil, String matterName,
        String issuerName, Instant issuedAt, String subjectNameMasked, String supersededBy) {

    /** The status at {@code now} (see {@link ProofStatus#at}). */
    public ProofStatus statusAt(Instant now) {
        return ProofStatus.at(status, validUntil, now);
    }
}
