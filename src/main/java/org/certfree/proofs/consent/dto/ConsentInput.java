package org.certfree.proofs.consent.dto;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's grant: this using unit may retrieve my proofs of this matter for this purpose until then. */
@Schema(name = "ConsentInput")
public record ConsentInput(
        @Schema(description = "用证单位编码 / using unit") @NotBlank(message = "须填写用证单位 unit") @Size(max = 32, message = "unit 最长 32 位") String unit,
        @Schema(description = "证明事项编码 / matter") @NotBlank(message = "须填写证明事项 matterCode") @Size(max = 64, message = "matterCode 最长 64 位") String matterCode,
        @Schema(description = "用途 / purpose") @NotBlank(message = "须填写用途 purpose") @Size(max = 200, message = "用途最长 200 字") String purpose,
        @Schema(description = "授权截止时间 / expiry") @NotNull(message = "须填写授权截止时间 expiresAt") @Future(message = "授权截止时间须晚于现在") Instant expiresAt) {
}
