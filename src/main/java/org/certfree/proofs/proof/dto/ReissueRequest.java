package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a corrected re-issue: the new proof supersedes the old, which points to it. */
@Schema(name = "ReissueRequest")
public record ReissueRequest(
        @Schema(description = "更正后的主体（可选，默认沿用）/ corrected subject (optional)") @Valid SubjectInput subject,
        @Schema(description = "更正后的证明内容 / corrected claims") @NotNull(message = "须填写更正后的证明内容 claims")
        @Size(min = 1, max = 50, message = "证明内容 claims 须有 1 到 50 项")
        Map<@NotBlank(message = "字段名不能为空") @Size(max = 64, message = "字段名最长 64 字") String,
            @NotNull(message = "字段值不能为空") @Size(max = 1000, message = "字段值最长 1000 字") String> claims,
        @Schema(description = "更正原因 / why") @NotBlank(message = "须说明更正原因 note") @Size(max = 500, message = "说明最长 500 字") String note,
        @Schema(description = "有效期至（可选）/ valid until (optional)") Instant validUntil) {
}
