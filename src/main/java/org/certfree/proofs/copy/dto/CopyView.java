package org.certfree.proofs.copy.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purpose-bound copy (加注件) as its holder and its unit see it, with its signed token. */
@Schema(name = "CopyView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CopyView(UUID id, String proofNumber, String matterCode, String issuerDept,
        @Schema(description = "限定的用证单位 / the unit it is bound to") String unit,
        @Schema(description = "用途 / purpose") String purpose,
        @Schema(description = "披露项 / the disclosures it carries") List<String> disclose,
        Instant madeAt, Instant expiresAt,
        @Schema(description = "撤回时间；撤回只能在线核验时看出，离线核验只看有效期和状态列表 / withdrawal; only an online check sees it, an offline check sees only the expiry and the status list")
        Instant withdrawnAt,
        @Schema(description = "未过期且未撤回 / neither expired nor withdrawn") boolean valid,
        @Schema(description = "依据的持证人授权（用证单位制作时）/ the consent it was made under (made by the unit)") UUID consentId,
        @Schema(description = "加注件令牌：开具部门以 SM2-SM3 签名的紧凑 JWS（typ certfree-copy+jwt）/ the copy token: compact JWS signed by the issuing department with SM2-SM3")
        String token,
        @Schema(description = "同一令牌的 JSON 通用序列化（SM2-SM3 与 Ed25519 两个签名）/ the same token in the general JSON serialization (SM2-SM3 and Ed25519)")
        String tokenJson) {
}
