package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a corrected re-issue: the new proof supersedes the old, which points to it. */
@Schema(name = "ReissueRequest")
public record ReissueRequest(
        @Schema(description = "更正后的主体（可选，默认沿用）/ corrected subject (optional)") @Valid SubjectInput subject,
        @Schema(description = "更正后的证明内容 / corrected claims") @NotNull(message = Messages.REISSUE_CLAIMS_REQUIRED)
        @Size(min = 1, max = 50, message = Messages.CLAIMS_COUNT)
        Map<@NotBlank(message = Messages.CLAIM_NAME_REQUIRED) @Size(max = 64, message = Messages.CLAIM_NAME_TOO_LONG) String,
            @NotNull(message = Messages.CLAIM_VALUE_REQUIRED) @Size(max = 1000, message = Messages.CLAIM_VALUE_TOO_LONG) String> claims,
        @Schema(description = "更正原因 / why") @NotBlank(message = Messages.REISSUE_NOTE_REQUIRED) @Size(max = 500, message = Messages.PROOF_NOTE_TOO_LONG) String note,
        @Schema(description = "有效期至（可选）/ valid until (optional)") Instant validUntil) {
}
