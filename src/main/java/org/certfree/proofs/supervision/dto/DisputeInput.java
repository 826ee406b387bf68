package org.certfree.proofs.supervision.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.supervision.DisputeClaim;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dispute on a published list entry. */
@Schema(name = "DisputeInput", description = "对清单条目提出异议 / dispute a list entry")
public record DisputeInput(
        @Schema(examples = "BZZJJ-C001") @NotBlank(message = Messages.DISPUTE_MATTER_REQUIRED) @Size(max = 48, message = Messages.DISPUTE_MATTER_REQUIRED)
        String matterCode,
        @NotNull(message = Messages.DISPUTE_CLAIM_REQUIRED) DisputeClaim claim,
        @Schema(description = "异议内容（加密保存）/ the claim (stored encrypted)", examples = "该证明的设定依据已于2024年废止。")
        @NotBlank(message = Messages.DISPUTE_TEXT_REQUIRED) @Size(max = 1000, message = Messages.DISPUTE_TEXT_REQUIRED)
        String text) {
}
