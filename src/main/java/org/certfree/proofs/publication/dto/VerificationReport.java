package org.certfree.proofs.publication.dto;

import java.time.Instant;
import java.util.List;
import org.certfree.proofs.system.integrity.IntegrityFindings;

/**
 * Result of recomputing the published record: every batch's manifest from its stored rows, each
 * manifest hash, the hash chain, the Merkle root against every stored tree head, the signatures and
 * the materialised current lists; then every other signed or sealed record ({@code records}: one
 * {@link IntegrityFindings} per {@link org.certfree.proofs.system.integrity.IntegrityCheck}).
 * {@code consistent} is true when {@code problems} and every record's problems are empty.
 * {@code signaturesPending} counts signatures that are missing — possible only by tampering, since
 * publishing always signs; each is also a problem (the name stays for compatibility).
 */
public record VerificationReport(boolean consistent, Instant checkedAt, int batches, int treeSize, String rootHash,
        int signaturesChecked, int signaturesPending, List<Problem> problems, List<IntegrityFindings> records) {

    /** One mismatch; {@code check} names what failed (MANIFEST_HASH, MANIFEST_CONTENT, ENTRY_FIELDS, CHAIN, LOG_INDEX, MERKLE_ROOT, SIGNATURE, CURRENT_LIST). */
    public record Problem(String check, Long batchId, String batchNumber, Integer treeSize, String matterCode,
            String detail) {
    }
}
