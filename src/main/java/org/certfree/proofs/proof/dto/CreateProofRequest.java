package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a proof request: by a citizen about themselves, or by a using unit with the holder's consent. */
@Schema(name = "CreateProofRequest")
public record CreateProofRequest(
        @Schema(description = "证明事项编码 / matter code") @NotBlank(message = Messages.MATTER_CODE_REQUIRED)
        @Size(max = 64, message = Messages.MATTER_CODE_TOO_LONG) String matterCode,
        @Schema(description = "证明主体 / subject") @NotNull(message = Messages.SUBJECT_REQUIRED) @Valid SubjectInput subject,
        @Schema(description = "用途 / purpose", examples = "办理退休") @NotBlank(message = Messages.PURPOSE_REQUIRED)
        @Size(max = 200, message = Messages.PURPOSE_TOO_LONG) String purpose,
        @Schema(description = "持证人授权编号（用证单位申请时必填）/ holder's consent reference (using units)")
        @Size(max = 100, message = Messages.CONSENT_REF_TOO_LONG) String consentRef) {
}
