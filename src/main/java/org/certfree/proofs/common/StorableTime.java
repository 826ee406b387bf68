package org.certfree.proofs.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The times the service accepts: years 1 to 9999. PostgreSQL's timestamptz and date end earlier than
 * Java's (year 294276, and 4713 BC), so a time outside them would pass validation and fail at the
 * INSERT; no proof, list or calendar day has any business outside this range either.
 */
public final class StorableTime {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StorableTime() {
    }

    public static boolean storable(Instant t) {
        return t == null || !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
    }

    public static boolean storable(LocalDate d) {
        return d == null || d.getYear() >= 1 && d.getYear() <= 9999;
    }
}
