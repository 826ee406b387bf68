package org.certfree.proofs.consent.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A citizen's grant: this using unit may retrieve my proofs of this matter for this purpose until then —
 * or the same grant in the holder's name (代办) by their authorised agent ({@code onBehalfOf}) or a
 * window clerk of that unit ({@code onBehalfOf} and {@code assistance}).
 */
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
            @Pattern(regexp = "subject\\.(name|id)|claims\\..{1,64}", message = Messages.CONSENT_DISCLOSE_INVALID) String> disclose,
        @Schema(description = "代办时持证人的公民身份号码：授权代理人代为授权，或窗口代办时必填 / the holder's resident ID when an agent or a window grants in their name")
        @Size(max = 18, message = Messages.ON_BEHALF_OF_TOO_LONG) String onBehalfOf,
        @Schema(description = "窗口代办的身份核验记录（仅用证单位窗口工作人员）/ the window's identity check (window clerks only)")
        @Valid AssistanceInput assistance) {

    /** A consent the holder grants themselves, to see everything. */
    public ConsentInput(String unit, String matterCode, String purpose, Instant expiresAt) {
        this(unit, matterCode, purpose, expiresAt, null, null, null);
    }

    /** A consent the holder grants themselves, to see the disclosures named. */
    public ConsentInput(String unit, String matterCode, String purpose, Instant expiresAt, List<String> disclose) {
        this(unit, matterCode, purpose, expiresAt, disclose, null, null);
    }
}
