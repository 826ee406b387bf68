package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.catalog.ReplacementWay;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields of a matter on the cancelled list. */
@Schema(name = "CancelledFields", description = "取消证明事项的内容 / cancelled-list fields")
public record CancelledFields(
        @Schema(description = "替代方式 / replacement way")
        @NotNull(message = Messages.MATTER_REPLACEMENT_REQUIRED)
        ReplacementWay replacement,
        @Schema(description = "办理单位改为怎样办理 / what the handling unit does instead",
                examples = "办理单位通过全员人口信息库核查申请人亲属关系，不再要求申请人提交证明。")
        @NotBlank(message = Messages.MATTER_HANDLING_INSTEAD_REQUIRED)
        @Size(min = 5, max = 500, message = Messages.MATTER_HANDLING_INSTEAD_LENGTH)
        String handlingInstead,
        @Schema(description = "共享数据来源（替代方式为 DATA_SHARING 时必填）/ shared data source", examples = "全国人口基础信息库")
        @Size(max = 200, message = Messages.MATTER_SHARED_SOURCE_TOO_LONG)
        String sharedDataSource) {
}
