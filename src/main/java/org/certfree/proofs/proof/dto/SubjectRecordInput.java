package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a department's system pushes about one subject for one matter, so requests are issued at once. */
@Schema(name = "SubjectRecordInput")
public record SubjectRecordInput(
        @Schema(description = "证明主体 / subject") @NotNull(message = "须填写证明主体 subject") @Valid SubjectInput subject,
        @Schema(description = "证明内容 / claims") @NotNull(message = "须填写证明内容 claims")
        @Size(min = 1, max = 50, message = "证明内容 claims 须有 1 到 50 项")
        Map<@NotBlank(message = "字段名不能为空") @Size(max = 64, message = "字段名最长 64 字") String,
            @NotNull(message = "字段值不能为空") @Size(max = 1000, message = "字段值最长 1000 字") String> claims) {
}
