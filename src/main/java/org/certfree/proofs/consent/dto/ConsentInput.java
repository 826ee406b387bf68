package org.certfree.proofs.consent.dto;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's grant: this using unit may retrieve my proofs of this matter for this purpose until then. */
@Schema(name = "ConsentInput")
public record ConsentInput(
        @Schema(description = "用证单位编码 / using unit") @NotBlank(message = Messages.UNIT_REQUIRED) @Size(max = 32, message = Messages.UNIT_TOO_LONG) String unit,
        @Schema(description = "证明事项编码 / matter") @NotBlank(message = Messages.MATTER_CODE_REQUIRED) @Size(max = 64, message = Messages.MATTER_CODE_TOO_LONG) String matterCode,
        @Schema(description = "用途 / purpose") @NotBlank(message = Messages.PURPOSE_REQUIRED) @Size(max = 200, message = Messages.PURPOSE_TOO_LONG) String purpose,
        @Schema(description = "授权截止时间 / expiry") @NotNull(message = Messages.CONSENT_EXPIRES_REQUIRED) @Future(message = Messages.CONSENT_EXPIRES_PAST) Instant expiresAt,
        @Schema(description = "单位可见的披露项：subject.name（姓名）、subject.id（证件号）、claims.<证明内容名称>；不填表示全部"
                + " / the disclosures the unit may see: subject.name, subject.id, claims.<claim name>; absent: all",
                examples = "[\"subject.name\", \"claims.户籍地址\"]")
        @Size(min = 1, max = 52, message = Messages.CONSENT_DISCLOSE_COUNT)
        List<@NotNull(message = Messages.CONSENT_DISCLOSE_INVALID)
            @Pattern(regexp = "subject\\.(name|id)|claims\\..{1,64}", message = Messages.CONSENT_DISCLOSE_INVALID) String> disclose) {
}
