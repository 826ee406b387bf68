package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.certfree.proofs.system.access.HolderAccessBatch;
import org.hibernate.Session;

/**
 * Writes a {@link HolderAccessBatch} — one action on many holders' proofs — to the holders' access log in
 * the action's transaction: each row exactly as {@link HolderAccessRecorder} writes a single access (its
 * own id, the same MAC rule), {@link #CHUNK} rows per {@code INSERT … SELECT … unnest} statement. The rows
 * are sealed with their transaction like any other.
 */
@ApplicationScoped
class HolderAccessBatchWriter {

    /** Rows per INSERT. */
    static final int CHUNK = 10_000;

    private static final String INSERT = """
            INSERT INTO holder_access (id, at, subject_id_index, kind, unit_code, actor, proof_number, purpose, details, mac)
            SELECT u.id, ?, u.holder, ?, ?, ?, u.number, ?, ?, u.mac
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) AS u(id, holder, number, mac)""";

    @Inject
    HolderAccessRecorder recorder;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes HolderAccessBatch batch) {
        List<HolderAccessBatch.Entry> entries = batch.entries();
        // the next chunk's rows (MACs) are made while this one is inserted: the database and the JVM work at once
        CompletableFuture<List<HolderAccessRecord>> next = rows(batch, entries, 0);
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<HolderAccessRecord> rows = next.join();
            if (from + CHUNK < entries.size()) {
                next = rows(batch, entries, from + CHUNK);
            }
            insert(rows);
        }
    }

    private CompletableFuture<List<HolderAccessRecord>> rows(HolderAccessBatch batch, List<HolderAccessBatch.Entry> entries,
            int from) {
        List<HolderAccessBatch.Entry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
        return CompletableFuture.supplyAsync(() -> chunk.stream().map(e -> recorder.row(batch.access(e))).toList());
    }

    private void insert(List<HolderAccessRecord> rows) {
        HolderAccessRecord first = rows.get(0); // the columns every row shares
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setObject(1, OffsetDateTime.ofInstant(first.at, ZoneOffset.UTC));
                ps.setString(2, first.kind.name());
                ps.setString(3, first.unitCode);
                ps.setString(4, first.actor);
                ps.setString(5, first.purpose);
                ps.setString(6, first.details);
                ps.setArray(7, c.createArrayOf("uuid", rows.stream().map(r -> r.id).toArray()));
                ps.setArray(8, c.createArrayOf("text", rows.stream().map(r -> r.subjectIdIndex).toArray()));
                ps.setArray(9, c.createArrayOf("text", rows.stream().map(r -> r.proofNumber).toArray()));
                ps.setArray(10, c.createArrayOf("text", rows.stream().map(r -> r.mac).toArray()));
                int inserted = ps.executeUpdate();
                if (inserted != rows.size()) {
                    throw new IllegalStateException("holder access batch: " + inserted + " of " + rows.size() + " rows written");
                }
            }
        });
    }
}
