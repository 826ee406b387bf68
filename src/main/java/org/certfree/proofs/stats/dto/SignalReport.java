package org.certfree.proofs.stats.dto;

import java.time.LocalDate;
import java.util.List;
import org.certfree.proofs.publication.dto.SignalView;

/** Supervision signals of a period: counts per unit (most first) and the rows (newest first, at most 10,000). */
public record SignalReport(LocalDate from, LocalDate to, String unit, List<UnitCount> perUnit, List<SignalView> rows) {

    /** One unit's signals (distinct unit, matter, channel and day) and the attempts behind them. */
    public record UnitCount(String unit, long signals, long attempts) {
    }
}
