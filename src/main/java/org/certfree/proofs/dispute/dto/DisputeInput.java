package org.certfree.proofs.dispute.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of opening a dispute on a proof or pledge document. */
@Schema(name = "DisputeInput")
public record DisputeInput(
        @Schema(description = "证明或告知承诺书编号 / the proof or pledge number") @NotBlank(message = Messages.DISPUTE_NUMBER_REQUIRED)
        @Size(max = 64, message = Messages.DISPUTE_NUMBER_REQUIRED) String proofNumber,
        @Schema(description = "异议理由（加密保存）/ why (stored encrypted)") @NotBlank(message = Messages.DISPUTE_REASON_REQUIRED)
        @Size(max = 2000, message = Messages.DISPUTE_REASON_TOO_LONG) String reason) {
}
