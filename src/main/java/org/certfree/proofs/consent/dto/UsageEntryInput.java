package org.certfree.proofs.consent.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of the 用证清单. */
@Schema(name = "UsageEntryInput")
public record UsageEntryInput(
        @Schema(description = "用证单位编码 / using unit") @NotBlank(message = Messages.UNIT_REQUIRED) @Size(max = 32, message = Messages.UNIT_TOO_LONG) String unit,
        @Schema(description = "办理事项 / handling matter", examples = "义务教育入学登记") @NotBlank(message = Messages.USAGE_SERVICE_MATTER_REQUIRED)
        @Size(max = 200, message = Messages.SERVICE_MATTER_TOO_LONG) String serviceMatter,
        @Schema(description = "业务系统 / business system", examples = "巴州教育入学服务平台") @NotBlank(message = Messages.USAGE_BUSINESS_SYSTEM_REQUIRED)
        @Size(max = 200, message = Messages.USAGE_BUSINESS_SYSTEM_TOO_LONG) String businessSystem,
        @Schema(description = "所用证明事项编码 / proof matter used") @NotBlank(message = Messages.USAGE_PROOF_MATTER_REQUIRED)
        @Size(max = 64, message = Messages.USAGE_PROOF_MATTER_TOO_LONG) String proofMatterCode) {
}
