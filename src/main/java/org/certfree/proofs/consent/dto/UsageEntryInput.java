package org.certfree.proofs.consent.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of the 用证清单. */
@Schema(name = "UsageEntryInput")
public record UsageEntryInput(
        @Schema(description = "用证单位编码 / using unit") @NotBlank(message = "须填写用证单位 unit") @Size(max = 32, message = "unit 最长 32 位") String unit,
        @Schema(description = "办理事项 / handling matter", examples = "义务教育入学登记") @NotBlank(message = "须填写办理事项 serviceMatter")
        @Size(max = 200, message = "办理事项最长 200 字") String serviceMatter,
        @Schema(description = "业务系统 / business system", examples = "巴州教育入学服务平台") @NotBlank(message = "须填写业务系统 businessSystem")
        @Size(max = 200, message = "业务系统最长 200 字") String businessSystem,
        @Schema(description = "所用证明事项编码 / proof matter used") @NotBlank(message = "须填写所用证明事项 proofMatterCode")
        @Size(max = 64, message = "proofMatterCode 最长 64 位") String proofMatterCode) {
}
