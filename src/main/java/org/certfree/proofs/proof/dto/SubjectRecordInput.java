package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a department's system pushes about one subject for one matter, so requests are issued at once. */
@Schema(name = "SubjectRecordInput")
public record SubjectRecordInput(
        @Schema(description = "证明主体 / subject") @NotNull(message = Messages.SUBJECT_REQUIRED) @Valid SubjectInput subject,
        @Schema(description = "证明内容 / claims") @NotNull(message = Messages.CLAIMS_FIELD_REQUIRED)
        @Size(min = 1, max = 50, message = Messages.CLAIMS_COUNT)
        Map<@NotBlank(message = Messages.CLAIM_NAME_REQUIRED) @Size(max = 64, message = Messages.CLAIM_NAME_TOO_LONG) String,
            @NotNull(message = Messages.CLAIM_VALUE_REQUIRED) @Size(max = 1000, message = Messages.CLAIM_VALUE_TOO_LONG) String> claims) {
}
