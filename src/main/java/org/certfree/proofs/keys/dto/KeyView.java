package org.certfree.proofs.keys.dto;

import java.time.Instant;
import java.util.Map;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.keys.KeyState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Public metadata of a signing key (never the private key). */
@Schema(description = "签名密钥的公开信息（不含私钥）/ Public metadata of a signing key (never the private key)")
public record KeyView(
        @Schema(description = "RFC 7638 指纹 / RFC 7638 thumbprint") String kid,
        @Schema(description = "部门编码 / department code") String departmentCode,
        @Schema(description = "算法 / algorithm") KeyAlgorithm algorithm,
        @Schema(description = "JWS alg 名称（SM2SM3 或 EdDSA）/ JWS alg name") String alg,
        @Schema(description = "状态 / state") KeyState state,
        @Schema(description = "启用时间 / activated at") Instant activatedAt,
        @Schema(description = "停用（轮换）时间 / retired at") Instant retiredAt,
        @Schema(description = "公布截止时间（之后不再用于核验）/ published for verification until") Instant publishUntil,
        @Schema(description = "泄露时间：此后签名一律无效 / compromised from") Instant compromisedAt,
        @Schema(description = "泄露原因 / compromise reason") String compromiseReason,
        @Schema(description = "公钥 JWK / public JWK") Map<String, Object> jwk) {
}
