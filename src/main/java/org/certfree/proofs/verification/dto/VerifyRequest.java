package org.certfree.proofs.verification.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a using unit presents: the signed proof (compact or JSON JWS), or the QR payload, or the
 * number and verification code — exactly one of the three — plus what it is handling.
 */
@Schema(name = "VerifyRequest")
public record VerifyRequest(
        @Schema(description = "签名证明（JWS 紧凑或 JSON 形式）/ the signed proof (compact or JSON JWS)")
        @Size(max = 65536, message = Messages.VERIFY_JWS_TOO_LONG) String jws,
        @Schema(description = "二维码内容（核验页地址）/ the QR payload (status-page URL)")
        @Size(max = 500, message = Messages.VERIFY_QR_TOO_LONG) String qr,
        @Schema(description = "证明编号 / proof number") @Size(max = 40, message = Messages.VERIFY_NUMBER_TOO_LONG) String number,
        @Schema(description = "核验码 / verification code") @Size(max = 10, message = Messages.VERIFY_CODE_TOO_LONG) String code,
        @Schema(description = "用途 / purpose", examples = "办理入学") @NotBlank(message = Messages.PURPOSE_REQUIRED)
        @Size(max = 200, message = Messages.PURPOSE_TOO_LONG) String purpose,
        @Schema(description = "办理事项 / the handling matter (用证清单)", examples = "义务教育入学登记")
        @Size(max = 200, message = Messages.SERVICE_MATTER_TOO_LONG) String serviceMatter,
        @Schema(description = "持证人证件号（核对本人）/ holder's ID to match") @Size(max = 18, message = Messages.VERIFY_HOLDER_ID_TOO_LONG) String holderId,
        @Schema(description = "是否调取证明全文（须持证人授权）/ retrieve the full content (needs the holder's consent)")
        Boolean retrieve) {
}
