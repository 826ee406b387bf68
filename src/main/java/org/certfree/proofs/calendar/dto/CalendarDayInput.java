package org.certfree.proofs.calendar.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.calendar.DayKind;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of setting a calendar exception. */
@Schema(name = "CalendarDayInput")
public record CalendarDayInput(
        @Schema(description = "HOLIDAY 放假 / WORKDAY 调休上班") @NotNull(message = Messages.CALENDAR_KIND_REQUIRED) DayKind kind,
        @Schema(description = "名称 / name", examples = "春节") @NotBlank(message = Messages.CALENDAR_NAME_REQUIRED) @Size(max = 50, message = Messages.CALENDAR_NAME_TOO_LONG) String name,
        @Schema(description = "依据 / source", examples = "国办发明电〔2024〕12号") @NotBlank(message = Messages.CALENDAR_SOURCE_REQUIRED)
        @Size(max = 100, message = Messages.CALENDAR_SOURCE_TOO_LONG) String source) {
}
