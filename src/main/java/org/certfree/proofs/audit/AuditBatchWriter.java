package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.certfree.proofs.system.audit.StaffActionBatch;
import org.hibernate.Session;

/**
 * Writes a {@link StaffActionBatch} — one action on many targets — to the audit log in the action's
 * transaction: each row exactly as {@link AuditRecorder} writes a single action (its own id, the same
 * MAC rule), inserted {@link #CHUNK} rows per statement from arrays ({@code INSERT … SELECT … unnest}),
 * so 100,000 rows cost a few statements rather than 100,000 events and inserts. Sealing needs nothing
 * more: the rows carry the transaction's id like any other and are sealed with it.
 */
@ApplicationScoped
class AuditBatchWriter {

    /** Rows per INSERT: large enough to amortise the round trip, small enough to keep the arrays modest. */
    static final int CHUNK = 10_000;

    private static final String INSERT = """
            INSERT INTO audit_event (id, at, actor, actor_department, action, department, target_type, target_id, outcome,
                                     details, correlation_id, mac)
            SELECT u.id, ?, ?, ?, ?, ?, ?, u.target_id, ?, ?, ?, u.mac
            FROM unnest(?::uuid[], ?::text[], ?::text[]) AS u(id, target_id, mac)""";

    @Inject
    AuditRecorder recorder;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes StaffActionBatch batch) {
        List<String> targets = batch.targetIds();
        // the next chunk's rows (MACs) are made while this one is inserted: the database and the JVM work at once
        CompletableFuture<List<AuditEvent>> next = rows(batch, targets, 0);
        for (int from = 0; from < targets.size(); from += CHUNK) {
            List<AuditEvent> rows = next.join();
            if (from + CHUNK < targets.size()) {
                next = rows(batch, targets, from + CHUNK);
            }
            insert(rows);
        }
    }

    private CompletableFuture<List<AuditEvent>> rows(StaffActionBatch batch, List<String> targets, int from) {
        List<String> chunk = targets.subList(from, Math.min(targets.size(), from + CHUNK));
        return CompletableFuture.supplyAsync(() -> chunk.stream().map(t -> recorder.row(batch.row(t))).toList());
    }

    private void insert(List<AuditEvent> rows) {
        AuditEvent first = rows.get(0); // the columns every row shares
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setObject(1, OffsetDateTime.ofInstant(first.at, ZoneOffset.UTC));
                ps.setString(2, first.actor);
                ps.setString(3, first.actorDepartment);
                ps.setString(4, first.action);
                ps.setString(5, first.department);
                ps.setString(6, first.targetType);
                ps.setString(7, first.outcome);
                ps.setString(8, first.details);
                ps.setString(9, first.correlationId);
                Array ids = c.createArrayOf("uuid", rows.stream().map(r -> r.id).toArray());
                Array targets = c.createArrayOf("text", rows.stream().map(r -> r.targetId).toArray());
                Array macs = c.createArrayOf("text", rows.stream().map(r -> r.mac).toArray());
                ps.setArray(10, ids);
                ps.setArray(11, targets);
                ps.setArray(12, macs);
                int inserted = ps.executeUpdate();
                if (inserted != rows.size()) {
                    throw new IllegalStateException("audit batch: " + inserted + " of " + rows.size() + " rows written");
                }
            }
        });
    }
}
