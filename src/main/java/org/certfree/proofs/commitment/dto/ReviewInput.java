package org.certfree.proofs.commitment.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's decision on a recorded finding. */
@Schema(name = "ReviewInput", description = "复核核查结论 / review a finding")
public record ReviewInput(
        @Schema(description = "true 确认结论并办结；false 退回重新核查 / confirm and close, or send back")
        @NotNull(message = Messages.CHECK_APPROVE_REQUIRED)
        Boolean approve,
        @Schema(description = "复核意见 / comment", examples = "证据充分，同意。")
        @Size(max = 500, message = Messages.CHECK_COMMENT_TOO_LONG)
        String comment) {
}
