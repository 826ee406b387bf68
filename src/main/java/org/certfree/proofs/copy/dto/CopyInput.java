package org.certfree.proofs.copy.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a purpose-bound copy (加注件) of one proof, for one using unit and one purpose. */
@Schema(name = "CopyInput")
public record CopyInput(
        @Schema(description = "证明编号 / the proof's number") @NotBlank(message = Messages.COPY_NUMBER_REQUIRED)
        @Size(max = 32, message = Messages.COPY_NUMBER_TOO_LONG) String proofNumber,
        @Schema(description = "加注件限定的用证单位编码 / the using unit the copy is bound to") @NotBlank(message = Messages.UNIT_REQUIRED)
        @Size(max = 32, message = Messages.UNIT_TOO_LONG) String unit,
        @Schema(description = "用途（加注内容，最长 200 字，不含控制字符）/ the purpose written on the copy (≤ 200 characters, no control characters)")
        @NotBlank(message = Messages.PURPOSE_REQUIRED) @Size(max = 200, message = Messages.PURPOSE_TOO_LONG)
        @Pattern(regexp = "[^\\p{Cc}]*", message = Messages.COPY_PURPOSE_CONTROL) String purpose,
        @Schema(description = "有效期截止（不超过 90 天，不晚于证明有效期）；不填为 30 天 / expiry (at most 90 days ahead, not after the proof's validity); absent: 30 days")
        Instant expiresAt,
        @Schema(description = "加注件披露的内容：subject.name、subject.id、claims.<证明内容名称>；不填表示全部"
                + " / the disclosures the copy carries: subject.name, subject.id, claims.<claim name>; absent: all",
                examples = "[\"subject.name\", \"claims.户籍地址\"]")
        @Size(min = 1, max = 52, message = Messages.CONSENT_DISCLOSE_COUNT)
        List<@NotNull(message = Messages.CONSENT_DISCLOSE_INVALID)
            @Pattern(regexp = "subject\\.(name|id)|claims\\..{1,64}", message = Messages.CONSENT_DISCLOSE_INVALID) String> disclose) {
}
