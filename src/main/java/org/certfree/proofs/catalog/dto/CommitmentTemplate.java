package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The notify-and-commit template (seed 四.(一)5: 证明义务、证明内容、不实承诺的法律后果). */
@Schema(name = "CommitmentTemplate", description = "告知承诺书格式文本 / commitment template")
public record CommitmentTemplate(
        @Schema(description = "证明义务 / proof obligation")
        @NotBlank(message = Messages.MATTER_PROOF_OBLIGATION_REQUIRED) @Size(max = 500, message = Messages.MATTER_PROOF_OBLIGATION_TOO_LONG)
        String proofObligation,
        @Schema(description = "证明内容 / proof content")
        @NotBlank(message = Messages.MATTER_PROOF_CONTENT_REQUIRED) @Size(max = 500, message = Messages.MATTER_PROOF_CONTENT_TOO_LONG)
        String proofContent,
        @Schema(description = "不实承诺的法律责任 / legal liability of a false pledge")
        @NotBlank(message = Messages.MATTER_LEGAL_LIABILITY_REQUIRED) @Size(max = 500, message = Messages.MATTER_LEGAL_LIABILITY_TOO_LONG)
        String legalLiability) {
}
