package org.certfree.proofs.stats.dto;

import java.time.LocalDate;
import java.util.List;
import org.certfree.proofs.publication.dto.SignalView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Supervision signals of a period: exact counts per unit (most first) over every signal, and one page of the
 * rows (newest first); {@code total} counts every row.
 */
public record SignalReport(LocalDate from, LocalDate to, String unit, List<UnitCount> perUnit,
        @Schema(description = "本页信号（最新在前）/ this page of signals, newest first") List<SignalView> rows,
        @Schema(description = "页码，从 0 开始 / page, 0-based") int page,
        @Schema(description = "每页条数 / page size") int size,
        @Schema(description = "期间内信号总条数 / every signal of the period") long total) {

    /** One unit's signals (distinct unit, matter, channel and day) and the attempts behind them. */
    public record UnitCount(String unit, long signals, long attempts) {
    }
}
