package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of direct issuance by an ISSUER of the matter's department. */
@Schema(name = "IssueProofRequest")
public record IssueProofRequest(
        @Schema(description = "证明事项编码（须在保留清单上）/ matter code on the retained list") @NotBlank(message = "须填写证明事项编码 matterCode")
        @Size(max = 64, message = "matterCode 最长 64 位") String matterCode,
        @Schema(description = "证明主体 / subject") @NotNull(message = "须填写证明主体 subject") @Valid SubjectInput subject,
        @Schema(description = "证明内容（字段名 → 值）/ claims") @NotNull(message = "须填写证明内容 claims")
        @Size(min = 1, max = 50, message = "证明内容 claims 须有 1 到 50 项")
        Map<@NotBlank(message = "字段名不能为空") @Size(max = 64, message = "字段名最长 64 字") String,
            @NotNull(message = "字段值不能为空") @Size(max = 1000, message = "字段值最长 1000 字") String> claims,
        @Schema(description = "用途 / purpose", examples = "办理入学") @NotBlank(message = "须填写用途 purpose")
        @Size(max = 200, message = "用途最长 200 字") String purpose,
        @Schema(description = "有效期至（可选，不得晚于事项默认有效期）/ valid until (optional, at most the default)")
        @Future(message = "有效期须晚于现在") Instant validUntil) {
}
