package org.certfree.proofs.system.log;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Business events as log lines an operator can follow without reading the database: issuance,
 * revocation, re-issue, verification, publication, key changes, refusals by rule, overload. Logger
 * {@code certfree.events}; each line says {@code <event> key=value …}, and the same fields are in the
 * MDC of the record, so in production's JSON lines they are fields of their own ({@code mdc.event},
 * {@code mdc.dept}, {@code mdc.outcome}, …) beside the request's {@code correlationId}.
 *
 * <p>Never a holder's name, identifier, claim or verification code, nor a staff member's login: only
 * codes of departments and matters, proof numbers, outcomes and counts.
 */
public final class BusinessEvents {

    private static final Logger LOG = Logger.getLogger("certfree.events");

    private BusinessEvents() {
    }

    /** Logs {@code event} with its fields (null values are left out), in the given order. */
    public static void log(String event, Object... keysAndValues) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", event);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                fields.put(String.valueOf(keysAndValues[i]), String.valueOf(keysAndValues[i + 1]));
            }
        }
        StringBuilder line = new StringBuilder(event);
        fields.forEach((k, v) -> {
            if (!k.equals("event")) {
                line.append(' ').append(k).append('=').append(v);
            }
        });
        fields.forEach(MDC::put);
        try {
            LOG.info(line);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
