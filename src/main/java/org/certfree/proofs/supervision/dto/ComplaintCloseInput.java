package org.certfree.proofs.supervision.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.supervision.ComplaintStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The justice bureau closes a complaint: FOUNDED (a finding against the unit) or DISMISSED (an answer). */
@Schema(name = "ComplaintCloseInput", description = "办结投诉 / close a complaint")
public record ComplaintCloseInput(
        @NotNull(message = Messages.COMPLAINT_OUTCOME_REQUIRED) ComplaintStatus outcome,
        @Schema(description = "认定或答复（加密保存）/ the finding or answer (stored encrypted)")
        @NotBlank(message = Messages.COMPLAINT_TEXT_REQUIRED) @Size(max = 1000, message = Messages.COMPLAINT_TEXT_REQUIRED)
        String text,
        @Schema(description = "乐观锁版本 / optimistic-lock version") Integer version) {
}
