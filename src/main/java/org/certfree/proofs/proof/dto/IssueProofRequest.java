package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of direct issuance by an ISSUER of the matter's department. */
@Schema(name = "IssueProofRequest")
public record IssueProofRequest(
        @Schema(description = "证明事项编码（须在保留清单上）/ matter code on the retained list") @NotBlank(message = Messages.MATTER_CODE_REQUIRED)
        @Size(max = 64, message = Messages.MATTER_CODE_TOO_LONG) String matterCode,
        @Schema(description = "证明主体 / subject") @NotNull(message = Messages.SUBJECT_REQUIRED) @Valid SubjectInput subject,
        @Schema(description = "证明内容（字段名 → 值）/ claims") @NotNull(message = Messages.CLAIMS_FIELD_REQUIRED)
        @Size(min = 1, max = 50, message = Messages.CLAIMS_COUNT)
        Map<@NotBlank(message = Messages.CLAIM_NAME_REQUIRED) @Size(max = 64, message = Messages.CLAIM_NAME_TOO_LONG) String,
            @NotNull(message = Messages.CLAIM_VALUE_REQUIRED) @Size(max = 1000, message = Messages.CLAIM_VALUE_TOO_LONG) String> claims,
        @Schema(description = "用途 / purpose", examples = "办理入学") @NotBlank(message = Messages.PURPOSE_REQUIRED)
        @Size(max = 200, message = Messages.PURPOSE_TOO_LONG) String purpose,
        @Schema(description = "有效期至（可选，不得晚于事项默认有效期）/ valid until (optional, at most the default)")
        @Future(message = Messages.VALID_UNTIL_PAST) Instant validUntil) {
}
