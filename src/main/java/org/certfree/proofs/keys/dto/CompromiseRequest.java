package org.certfree.proofs.keys.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Declares a key compromised from an instant. */
@Schema(description = "标记密钥泄露 / Declare a key compromised")
public record CompromiseRequest(
        @Schema(description = "泄露时间：此时及之后的签名一律无效 / signatures made at or after this instant fail verification",
                example = "2024-05-01T08:00:00Z")
        @NotNull(message = Messages.KEYS_COMPROMISED_AT_REQUIRED) Instant compromisedAt,
        @Schema(description = "原因 / reason", example = "签名服务器疑似被入侵")
        @NotBlank(message = Messages.KEYS_REASON_REQUIRED) @Size(max = 500, message = Messages.KEYS_REASON_REQUIRED) String reason) {
}
