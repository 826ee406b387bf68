package org.certfree.proofs.verification.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a using unit presents: the signed proof (compact or JSON JWS), or the QR payload, or the
 * number and verification code — exactly one of the three — plus what it is handling.
 */
@Schema(name = "VerifyRequest")
public record VerifyRequest(
        @Schema(description = "签名证明（JWS 紧凑或 JSON 形式）/ the signed proof (compact or JSON JWS)")
        @Size(max = 65536, message = "jws 过长") String jws,
        @Schema(description = "二维码内容（核验页地址）/ the QR payload (status-page URL)")
        @Size(max = 500, message = "qr 过长") String qr,
        @Schema(description = "证明编号 / proof number") @Size(max = 40, message = "number 过长") String number,
        @Schema(description = "核验码 / verification code") @Size(max = 10, message = "code 过长") String code,
        @Schema(description = "用途 / purpose", examples = "办理入学") @NotBlank(message = "须填写用途 purpose")
        @Size(max = 200, message = "用途最长 200 字") String purpose,
        @Schema(description = "办理事项 / the handling matter (用证清单)", examples = "义务教育入学登记")
        @Size(max = 200, message = "办理事项最长 200 字") String serviceMatter,
        @Schema(description = "持证人证件号（核对本人）/ holder's ID to match") @Size(max = 18, message = "证件号最长 18 位") String holderId,
        @Schema(description = "是否调取证明全文（须持证人授权）/ retrieve the full content (needs the holder's consent)")
        Boolean retrieve) {
}
