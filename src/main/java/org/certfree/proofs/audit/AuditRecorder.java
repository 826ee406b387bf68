package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.system.integrity.RowMac;
import org.certfree.proofs.system.audit.StaffAction;

/**
 * Writes every {@link StaffAction} to the audit log, synchronously and in the transaction of the action
 * (so it commits or rolls back with it); an action outside any transaction (a staff export on a GET)
 * gets a transaction of its own.
 */
@ApplicationScoped
public class AuditRecorder {

    @Inject
    RowMac macs;

    @Transactional(Transactional.TxType.REQUIRED)
    void record(@Observes StaffAction action) {
        row(action).persist();
    }

    /** The audit row of {@code action}, with its MAC, not yet stored. */
    AuditEvent row(StaffAction action) {
        AuditEvent e = new AuditEvent();
        e.id = UUID.randomUUID();
        e.at = action.at().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        e.actor = clip(action.actor(), 128);
        e.actorDepartment = clip(action.actorDepartment(), 32);
        e.action = action.action();
        e.department = clip(action.department(), 32);
        e.targetType = action.targetType();
        e.targetId = clip(action.targetId(), 128);
        e.outcome = action.outcome();
        e.details = new String(CanonicalJson.canonicalizeStrings(action.details()), StandardCharsets.UTF_8);
        e.correlationId = clip(action.correlationId(), 64);
        e.mac = macs.of(AuditRows.MAC_PURPOSE, columns(e));
        return e;
    }

    /** The row's columns as the sealing reads them back (text values, nulls left out). */
    private static Map<String, String> columns(AuditEvent e) {
        Map<String, String> c = new TreeMap<>();
        c.put("id", e.id.toString());
        c.put("at", e.at.toString());
        c.put("actor", e.actor);
        c.put("actor_department", e.actorDepartment);
        c.put("action", e.action);
        c.put("department", e.department);
        c.put("target_type", e.targetType);
        c.put("target_id", e.targetId);
        c.put("outcome", e.outcome);
        c.put("details", e.details);
        c.put("correlation_id", e.correlationId);
        c.values().removeIf(java.util.Objects::isNull);
        return c;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
