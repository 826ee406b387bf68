package org.certfree.proofs.publication.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One supervision signal: {@code unit} asked on {@code day} through {@code channel} for {@code matter}, which was
 * {@code listState} (CANCELLED or NOT_RETAINED) then, {@code attempts} times between {@code firstAt} and {@code lastAt}.
 */
public record SignalView(String unit, String matter, String channel, LocalDate day, String listState, int attempts,
        Instant firstAt, Instant lastAt) {
}
