package org.certfree.proofs.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.StorableTime;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;

/** A period of whole days (Asia/Shanghai), both ends included; the current month when neither end is given. */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period one query covers (a bit more than a year, to compare a year with the last). */
    static final int MAX_DAYS = 400;

    static Period parse(String from, String to, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ControllableClock.ZONE));
        LocalDate f = from == null || from.isBlank() ? null : date("from", from);
        LocalDate t = to == null || to.isBlank() ? null : date("to", to);
        if (f == null) {
            f = (t == null ? today : t).withDayOfMonth(1);
        }
        if (t == null) {
            t = f.plusMonths(1).withDayOfMonth(1).minusDays(1);
        }
        if (f.isAfter(t)) {
            throw ApiException.badParameter("from", Messages.STATS_FROM_AFTER_TO.formatted(f, t));
        }
        if (ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
            throw ApiException.badParameter("to", Messages.STATS_PERIOD_TOO_LONG.formatted(MAX_DAYS));
        }
        return new Period(f, t);
    }

    /** A date (YYYY-MM-DD) in the years 1 to 9999, which PostgreSQL can compare with; 400 otherwise. */
    static LocalDate date(String field, String value) {
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(field, Messages.STATS_BAD_DATE.formatted(value));
        }
        if (!StorableTime.storable(day)) {
            throw ApiException.badParameter(field, Messages.PARAMETER_TIME_OUT_OF_RANGE.formatted(field));
        }
        return day;
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(ControllableClock.ZONE).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ControllableClock.ZONE).toInstant();
    }
}
