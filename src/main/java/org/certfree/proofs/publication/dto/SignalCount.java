package org.certfree.proofs.publication.dto;

/** One unit's supervision signals in a period: distinct (matter, channel, day) rows and the attempts behind them. */
public record SignalCount(String unit, long signals, long attempts) {
}
