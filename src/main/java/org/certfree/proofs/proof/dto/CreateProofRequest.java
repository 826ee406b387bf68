package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.dto.AssistanceInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of a proof request: by a citizen about themselves, by a using unit with the holder's consent,
 * or in the holder's name (代办) by their authorised agent ({@code onBehalfOf}) or a window clerk
 * ({@code assistance}).
 */
@Schema(name = "CreateProofRequest")
public record CreateProofRequest(
        @Schema(description = "证明事项编码 / matter code") @NotBlank(message = Messages.MATTER_CODE_REQUIRED)
        @Size(max = 64, message = Messages.MATTER_CODE_TOO_LONG) String matterCode,
        @Schema(description = "证明主体 / subject") @NotNull(message = Messages.SUBJECT_REQUIRED) @Valid SubjectInput subject,
        @Schema(description = "用途 / purpose", examples = "办理退休") @NotBlank(message = Messages.PURPOSE_REQUIRED)
        @Size(max = 200, message = Messages.PURPOSE_TOO_LONG) String purpose,
        @Schema(description = "持证人授权编号（用证单位申请时必填）/ holder's consent reference (using units)")
        @Size(max = 100, message = Messages.CONSENT_REF_TOO_LONG) String consentRef,
        @Schema(description = "代办时持证人（即证明主体）的公民身份号码：授权代理人代为申请时必填 / the holder's (the subject's) resident ID when an authorised agent files in their name")
        @Size(max = 18, message = Messages.ON_BEHALF_OF_TOO_LONG) String onBehalfOf,
        @Schema(description = "窗口代办的身份核验记录（仅用证单位窗口工作人员，持证人本人到场）/ the window's identity check (window clerks only, holder present)")
        @Valid AssistanceInput assistance) {

    /** A request nobody files in another's name. */
    public CreateProofRequest(String matterCode, SubjectInput subject, String purpose, String consentRef) {
        this(matterCode, subject, purpose, consentRef, null, null);
    }
}
