package org.certfree.proofs.keys.dto;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certificate of a department's SM2 signing key. */
@Schema(description = "部门 SM2 签名密钥的证书 / A certificate of a department's SM2 signing key")
public record CertificateView(
        @Schema(description = "DER 的 SHA-256（十六进制）/ SHA-256 of the DER, hex") String fingerprint,
        @Schema(description = "序列号（十六进制）/ serial number, hex") String serial,
        @Schema(description = "密钥标识 / key id") String kid,
        @Schema(description = "部门编码 / department code") String departmentCode,
        @Schema(description = "主体（RFC 4514）/ subject") String subject,
        @Schema(description = "签发者（RFC 4514）/ issuer") String issuer,
        @Schema(description = "生效时间 / not before") Instant notBefore,
        @Schema(description = "失效时间 / not after") Instant notAfter,
        @Schema(description = "来源：DEMO_ROOT 演示根签发，UPLOADED 管理员导入 / DEMO_ROOT or UPLOADED") String source,
        @Schema(description = "撤销登记时间 / revoked at") Instant revokedAt,
        @Schema(description = "自此时起不可信（泄露时间）/ invalid from (the compromise instant)") Instant invalidityDate,
        @Schema(description = "PEM：部门证书及中间证书 / PEM of the certificate and its intermediates") String pem) {
}
