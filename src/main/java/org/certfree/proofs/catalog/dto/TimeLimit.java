package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.certfree.proofs.catalog.TimeLimitKind;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Statutory time limit of issuing: immediately, or within N working days. */
@Schema(name = "TimeLimit", description = "法定开具时限 / statutory time limit")
public record TimeLimit(
        @Schema(description = "IMMEDIATE 即时开具 / WORKING_DAYS N 个工作日内")
        @NotNull(message = Messages.MATTER_TIME_LIMIT_KIND_REQUIRED)
        TimeLimitKind kind,
        @Schema(description = "工作日数（WORKING_DAYS 时必填，1–60）/ working days", examples = "5")
        @Min(value = 1, message = Messages.MATTER_WORKING_DAYS_RANGE) @Max(value = 60, message = Messages.MATTER_WORKING_DAYS_RANGE)
        Integer workingDays) {
}
