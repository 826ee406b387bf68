package org.certfree.proofs.commitment.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The department's decision on an objection. */
@Schema(name = "ObjectionDecisionInput", description = "处理异议 / decide an objection")
public record ObjectionDecisionInput(
        @Schema(description = "true 异议成立（撤销不实认定）；false 异议不成立 / uphold (withdraw the finding) or dismiss")
        @NotNull(message = Messages.OBJECTION_UPHOLD_REQUIRED)
        Boolean uphold,
        @Schema(description = "答复 / the answer", examples = "经复查，租赁合同真实有效，异议成立。")
        @NotBlank(message = Messages.OBJECTION_ANSWER_REQUIRED) @Size(max = 500, message = Messages.OBJECTION_ANSWER_REQUIRED)
        String answer) {
}
