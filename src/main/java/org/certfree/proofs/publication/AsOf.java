package org.certfree.proofs.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.certfree.proofs.common.ControllableClock;
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
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).plusDays(1).atStartOfDay(ControllableClock.ZONE).toInstant().minusNanos(1000);
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("asOf", Messages.AS_OF_INVALID);
        }
    }
}
