package org.certfree.proofs.stats.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Figures per department for the days {@code from}..{@code to} (Asia/Shanghai, inclusive), read from the daily
 * rollup that triggers keep in the same transaction as each record: {@code asOf} is the answer's time and there
 * is no lag.
 */
public record StatisticsReport(LocalDate from, LocalDate to, Instant asOf, String source, List<StatisticsRow> departments) {
}
