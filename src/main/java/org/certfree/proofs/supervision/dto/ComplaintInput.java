package org.certfree.proofs.supervision.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.supervision.ComplaintGround;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A citizen's complaint that a unit demanded a proof (违规索要证明). */
@Schema(name = "ComplaintInput", description = "投诉违规索要证明 / complain that a unit demanded a proof")
public record ComplaintInput(
        @Schema(description = "被投诉单位编码 / the unit", examples = "BZZWZX")
        @NotBlank(message = Messages.COMPLAINT_UNIT_REQUIRED) @Size(max = 32, message = Messages.COMPLAINT_UNIT_REQUIRED)
        String departmentCode,
        @Schema(description = "事项编码（目录中有时）/ matter code, if in the catalogue", examples = "BZZJJ-C001")
        @Size(max = 48, message = Messages.COMPLAINT_MATTER_REQUIRED) String matterCode,
        @Schema(description = "证明名称（目录中没有时）/ the proof's name, if not in the catalogue")
        @Size(max = 200, message = Messages.COMPLAINT_MATTER_NAME_TOO_LONG) String matterName,
        @NotNull(message = Messages.COMPLAINT_GROUND_REQUIRED) ComplaintGround ground,
        @Schema(description = "索要证明的日期 / the date of the demand", examples = "2024-08-01")
        @NotNull(message = Messages.COMPLAINT_DATE_REQUIRED) LocalDate demandedOn,
        @Schema(description = "经过（加密保存）/ what happened (stored encrypted)")
        @NotBlank(message = Messages.COMPLAINT_DESCRIPTION_REQUIRED) @Size(max = 1000, message = Messages.COMPLAINT_DESCRIPTION_REQUIRED)
        String description) {
}
