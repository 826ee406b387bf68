package org.certfree.proofs.calendar.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.calendar.DayKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of setting a calendar exception. */
@Schema(name = "CalendarDayInput")
public record CalendarDayInput(
        @Schema(description = "HOLIDAY 放假 / WORKDAY 调休上班") @NotNull(message = "须指定 kind：HOLIDAY 或 WORKDAY") DayKind kind,
        @Schema(description = "名称 / name", examples = "春节") @NotBlank(message = "须填写名称 name") @Size(max = 50, message = "名称最长 50 字") String name,
        @Schema(description = "依据 / source", examples = "国办发明电〔2024〕12号") @NotBlank(message = "须填写依据 source（如国务院办公厅通知文号）")
        @Size(max = 100, message = "依据最长 100 字") String source) {
}
