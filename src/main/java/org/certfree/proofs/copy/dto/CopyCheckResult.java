package org.certfree.proofs.copy.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.verification.Indication;
import org.certfree.proofs.verification.SubIndication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The verdict of an online check of a purpose-bound copy (加注件), in the vocabulary of verification; the proof's
 * disclosed content only when it passed at the unit it is bound to.
 */
@Schema(name = "CopyCheckResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CopyCheckResult(Indication indication, String indicationUri, SubIndication subIndication, String subIndicationUri,
        String message, UUID copyId, String unit, String purpose, Instant expiresAt, Instant withdrawnAt, String proofNumber,
        ProofStatus proofStatus, String matterCode, String matterName, String issuerDept, String issuerName,
        @Schema(description = "持证人为此用途披露的内容（仅通过时）/ what the holder disclosed for this purpose (only when passed)")
        Disclosed disclosed, Instant checkedAt) {

    /** The disclosed subject and claims. */
    @Schema(name = "CopyDisclosed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Disclosed(String subjectName, String subjectId, Map<String, String> claims) {
    }
}
