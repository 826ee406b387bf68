package org.certfree.proofs.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;

/** Which audit events to list: each given field must match; {@code from} inclusive, {@code to} exclusive. */
public record AuditFilter(String actor, String action, String department, Instant from, Instant to) {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The filter of query parameters; 400 for a time that is not an ISO-8601 instant or offset date-time. */
    public static AuditFilter of(String actor, String action, String department, String from, String to) {
        AuditFilter f = new AuditFilter(blankToNull(actor), blankToNull(action), blankToNull(department),
                instant("from", from), instant("to", to));
        if (f.from != null && f.to != null && !f.from.isBefore(f.to)) {
            throw ApiException.badParameter("from", Messages.AUDIT_RANGE);
        }
        return f;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, Messages.AUDIT_BAD_INSTANT.formatted(name));
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw ApiException.badParameter(name, Messages.PARAMETER_TIME_OUT_OF_RANGE.formatted(name));
        }
        return at;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
