package org.certfree.proofs.copy.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purpose-bound copy's token as a using unit received it, to be checked online. */
@Schema(name = "CopyCheckInput")
public record CopyCheckInput(
        @Schema(description = "加注件令牌（紧凑 JWS 或 JSON 通用序列化）/ the copy token (compact JWS or general JSON serialization)")
        @NotBlank(message = Messages.COPY_TOKEN_REQUIRED) @Size(max = 65536, message = Messages.COPY_TOKEN_TOO_LONG) String token) {
}
