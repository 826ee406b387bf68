package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a proof request: by a citizen about themselves, or by a using unit with the holder's consent. */
@Schema(name = "CreateProofRequest")
public record CreateProofRequest(
        @Schema(description = "证明事项编码 / matter code") @NotBlank(message = "须填写证明事项编码 matterCode")
        @Size(max = 64, message = "matterCode 最长 64 位") String matterCode,
        @Schema(description = "证明主体 / subject") @NotNull(message = "须填写证明主体 subject") @Valid SubjectInput subject,
        @Schema(description = "用途 / purpose", examples = "办理退休") @NotBlank(message = "须填写用途 purpose")
        @Size(max = 200, message = "用途最长 200 字") String purpose,
        @Schema(description = "持证人授权编号（用证单位申请时必填）/ holder's consent reference (using units)")
        @Size(max = 100, message = "consentRef 最长 100 位") String consentRef) {
}
