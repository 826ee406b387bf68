package org.certfree.proofs.consent.dto;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's grant: this using unit may retrieve my proofs of this matter for this purpose until then. */
@Schema(name = "ConsentInput")
public record ConsentInput(
        @Schema(description = "用证单位编码 / using unit") @NotBlank(message = Messages.UNIT_REQUIRED) @Size(max = 32, message = Messages.UNIT_TOO_LONG) String unit,
        @Schema(description = "证明事项编码 / matter") @NotBlank(message = Messages.MATTER_CODE_REQUIRED) @Size(max = 64, message = Messages.MATTER_CODE_TOO_LONG) String matterCode,
        @Schema(description = "用途 / purpose") @NotBlank(message = Messages.PURPOSE_REQUIRED) @Size(max = 200, message = Messages.PURPOSE_TOO_LONG) String purpose,
        @Schema(description = "授权截止时间 / expiry") @NotNull(message = Messages.CONSENT_EXPIRES_REQUIRED) @Future(message = Messages.CONSENT_EXPIRES_PAST) Instant expiresAt) {
}
