package org.certfree.proofs.proof;

import java.time.Instant;
import java.util.UUID;

/**
 * What online verification needs of a proof — the issuer's record and its signed form, without the
 * encrypted subject and claims (a projection: read on every verification, never changed by it).
 */
public record ProofRecordRow(UUID id, String number, String codeEnc, String matterCode, String matterName, String issuerDept,
        String issuerName, String subjectIdIndex, String subjectNameMasked, Instant issuedAt, Instant validUntil,
        ProofStatus status, RevocationReason revocationReason, String supersededBy, String payload, String jwsCompact) {

    /** The status at {@code now} (see {@link ProofStatus#at}). */
    public ProofStatus statusAt(Instant now) {
        return ProofStatus.at(status, validUntil, now);
    }
}
