package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The notify-and-commit template (seed 四.(一)5: 证明义务、证明内容、不实承诺的法律后果). */
@Schema(name = "CommitmentTemplate", description = "告知承诺书格式文本 / commitment template")
public record CommitmentTemplate(
        @Schema(description = "证明义务 / proof obligation")
        @NotBlank(message = "须写明证明义务 proofObligation") @Size(max = 500, message = "证明义务最长 500 字")
        String proofObligation,
        @Schema(description = "证明内容 / proof content")
        @NotBlank(message = "须写明证明内容 proofContent") @Size(max = 500, message = "证明内容最长 500 字")
        String proofContent,
        @Schema(description = "不实承诺的法律责任 / legal liability of a false pledge")
        @NotBlank(message = "须写明不实承诺的法律责任 legalLiability") @Size(max = 500, message = "法律责任最长 500 字")
        String legalLiability) {
}
