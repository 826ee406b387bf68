package org.certfree.proofs.dispute.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.dispute.DisputeOutcome;
import org.certfree.proofs.proof.RevocationReason;
import org.certfree.proofs.proof.dto.SubjectInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of the issuing department's decision on a dispute. */
@Schema(name = "DisputeDecisionInput")
public record DecisionInput(
        @Schema(description = "DISMISSED 不成立（解除暂停）/ REISSUE 更正重开 / REVOKE 撤销") @NotNull(message = Messages.DISPUTE_OUTCOME_REQUIRED)
        DisputeOutcome outcome,
        @Schema(description = "处理说明（加密保存）/ the decision's reasons (stored encrypted)") @NotBlank(message = Messages.DISPUTE_NOTE_REQUIRED)
        @Size(max = 2000, message = Messages.DISPUTE_NOTE_TOO_LONG) String note,
        @Schema(description = "REISSUE：更正后的证明内容 / corrected claims") @Size(min = 1, max = 50, message = Messages.CLAIMS_COUNT)
        Map<@NotBlank(message = Messages.CLAIM_NAME_REQUIRED) @Size(max = 64, message = Messages.CLAIM_NAME_TOO_LONG) String,
            @NotNull(message = Messages.CLAIM_VALUE_REQUIRED) @Size(max = 1000, message = Messages.CLAIM_VALUE_TOO_LONG) String> claims,
        @Schema(description = "REISSUE：更正后的主体（可选）/ corrected subject (optional)") @Valid SubjectInput subject,
        @Schema(description = "REVOKE：撤销原因 / why revoked") RevocationReason revocationReason) {
}
