package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.certfree.proofs.catalog.TimeLimitKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Statutory time limit of issuing: immediately, or within N working days. */
@Schema(name = "TimeLimit", description = "法定开具时限 / statutory time limit")
public record TimeLimit(
        @Schema(description = "IMMEDIATE 即时开具 / WORKING_DAYS N 个工作日内")
        @NotNull(message = "须指定时限类型 kind：IMMEDIATE 或 WORKING_DAYS")
        TimeLimitKind kind,
        @Schema(description = "工作日数（WORKING_DAYS 时必填，1–60）/ working days", examples = "5")
        @Min(value = 1, message = "工作日数须在 1 到 60 之间") @Max(value = 60, message = "工作日数须在 1 到 60 之间")
        Integer workingDays) {
}
