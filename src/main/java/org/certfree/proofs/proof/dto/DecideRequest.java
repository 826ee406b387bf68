package org.certfree.proofs.proof.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ISSUER's decision on a pending request: ISSUE with the claims, or REJECT with a reason. */
@Schema(name = "DecideRequest")
public record DecideRequest(
        @Schema(description = "ISSUE 开具 / REJECT 不予开具") @NotNull(message = "须指定 decision：ISSUE 或 REJECT") Decision decision,
        @Schema(description = "开具时的证明内容 / claims when issuing")
        @Size(max = 50, message = "证明内容 claims 最多 50 项")
        Map<@Size(max = 64, message = "字段名最长 64 字") String, @Size(max = 1000, message = "字段值最长 1000 字") String> claims,
        @Schema(description = "有效期至（可选）/ valid until (optional)") Instant validUntil,
        @Schema(description = "不予开具的理由 / reason when rejecting") @Size(max = 500, message = "理由最长 500 字") String reason) {

    /** What the ISSUER decided. */
    public enum Decision {
        ISSUE, REJECT
    }
}
