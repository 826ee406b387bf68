package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.catalog.ReplacementWay;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields of a matter on the cancelled list. */
@Schema(name = "CancelledFields", description = "取消证明事项的内容 / cancelled-list fields")
public record CancelledFields(
        @Schema(description = "替代方式 / replacement way")
        @NotNull(message = "须指定替代方式 replacement")
        ReplacementWay replacement,
        @Schema(description = "办理单位改为怎样办理 / what the handling unit does instead",
                examples = "办理单位通过全员人口信息库核查申请人亲属关系，不再要求申请人提交证明。")
        @NotBlank(message = "须说明取消后办理单位如何办理 handlingInstead")
        @Size(min = 5, max = 500, message = "取消后的办理方式须为 5 到 500 字")
        String handlingInstead,
        @Schema(description = "共享数据来源（替代方式为 DATA_SHARING 时必填）/ shared data source", examples = "全国人口基础信息库")
        @Size(max = 200, message = "共享数据来源最长 200 字")
        String sharedDataSource) {
}
