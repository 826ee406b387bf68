package org.certfree.proofs.commitment.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The holder's objection (异议) to a FALSE finding. */
@Schema(name = "ObjectionInput", description = "对不实承诺认定提出异议 / object to a FALSE finding")
public record ObjectionInput(
        @Schema(description = "异议理由（加密保存）/ why (stored encrypted)", examples = "该场所已于核查前签订租赁合同，附合同复印件。")
        @NotBlank(message = Messages.OBJECTION_REASON_REQUIRED) @Size(max = 500, message = Messages.OBJECTION_REASON_REQUIRED)
        String reason) {
}
