package org.certfree.proofs.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.StorableTime;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;

/**
 * The {@code asOf} parameter: a date means the end of that day in China Standard Time (every batch
 * published that day counts), a date-time with offset means that instant; absent means now.
 */
final class AsOf {

    private AsOf() {
    }

    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant at;
        try {
            at = v.length() == 10
                    ? LocalDate.parse(v).plusDays(1).atStartOfDay(ControllableClock.ZONE).toInstant().minusNanos(1000)
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("asOf", Messages.AS_OF_INVALID);
        }
        if (!StorableTime.storable(at)) {
            throw ApiException.badParameter("asOf", Messages.PARAMETER_TIME_OUT_OF_RANGE.formatted("asOf"));
        }
        return at;
    }
}
