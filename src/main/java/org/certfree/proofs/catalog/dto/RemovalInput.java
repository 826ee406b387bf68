package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department's request to take its matter off the list (reviewed like any version). */
@Schema(name = "RemovalInput", description = "申请移出清单 / request to take the matter off its list")
public record RemovalInput(
        @Schema(description = "移出理由 / reason", examples = "已通过数据共享实现免提交，申请移出保留清单")
        @NotBlank(message = Messages.MATTER_REMOVAL_REASON_REQUIRED)
        @Size(min = 5, max = 500, message = Messages.MATTER_REMOVAL_REASON_LENGTH)
        String reason) {
}
