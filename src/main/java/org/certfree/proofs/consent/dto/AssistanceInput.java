package org.certfree.proofs.consent.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.IdentityCheck;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a service-window clerk records when acting in a holder's name (代办): how they checked the
 * identity of the person in front of them, and the SHA-256 of the scanned paper form that person
 * signed. The form itself stays in the unit's files; the service keeps only its hash.
 */
@Schema(name = "AssistanceInput", description = "窗口代办的身份核验记录 / how the window checked identity, and the signed form's hash")
public record AssistanceInput(
        @Schema(description = "身份核验方式：ID_CARD_READER 身份证读卡器核验，FACE_CHECK 人脸识别核验，DOCUMENT 证件人工核验"
                + " / identity check: card reader, face check, or a document inspected by hand")
        @NotNull(message = Messages.ASSIST_IDENTITY_CHECK_REQUIRED) IdentityCheck identityCheck,
        @Schema(description = "持证人（或代理人）签字的纸质表格扫描件的 SHA-256，64 位十六进制 / SHA-256 of the scanned signed paper form, hex",
                examples = "9f2c6e1d8b7a4c3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e")
        @NotBlank(message = Messages.ASSIST_FORM_REQUIRED)
        @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = Messages.ASSIST_FORM_NOT_SHA256) String formSha256) {
}
