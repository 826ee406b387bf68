package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The durable record of a chunked bulk revocation (V46): the run (request, actor, reason, note, state) and its chunks
 * (the ids to revoke, then what became of them). Each method works in the caller's transaction.
 */
@ApplicationScoped
class RevocationRuns {

    /**
     * A run as stored; {@code also}: what each chunk selects among its proofs (null: all of them), see
     * {@link RevocationSelection#candidates()}.
     */
    record Run(UUID id, String department, String requestedBy, String selector, RevocationReason reason, String note,
            boolean done, Instant createdAt, Integer listed, Integer notFound, List<String> notFoundNumbers,
            RevocationSelection.SignedBy also) {
    }

    /** A chunk claimed by a worker: its proofs' ids. */
    record Chunk(int seq, List<UUID> ids) {
    }

    /** What a run's done chunks say together; the numbers lists hold the first {@code max} of each kind, in number order. */
    record Totals(int open, int revoked, int alreadyRevoked, int superseded, int disputed, List<String> alreadyNumbers,
            List<String> disputedNumbers) {

        int matched() {
            return revoked + alreadyRevoked + superseded + disputed;
        }
    }

    private static final String COLUMNS = "id, department, requested_by, selector, reason, note, state, created_at, listed, "
            + "not_found, not_found_numbers, key_kid, key_from";

    @Inject
    EntityManager em;

    /**
     * The run {@code request} repeats: with an idempotency key, the caller's run of that key and fingerprint (whatever
     * its state); otherwise (or if there is none) the department's unfinished run of that fingerprint.
     */
    Optional<Run> repeated(String department, String requestedBy, String idempotencyKey, String fingerprint) {
        return work(c -> {
            if (idempotencyKey != null) {
                Optional<Run> keyed = one(c, "SELECT " + COLUMNS + " FROM revocation_run WHERE department = ? AND requested_by = ?"
                        + " AND idempotency_key = ? AND fingerprint = ? ORDER BY created_at DESC LIMIT 1",
                        department, requestedBy, idempotencyKey, fingerprint);
                if (keyed.isPresent()) {
                    return keyed;
                }
            }
            return one(c, "SELECT " + COLUMNS + " FROM revocation_run WHERE department = ? AND fingerprint = ? AND state = 'RUNNING'"
                    + " ORDER BY created_at DESC LIMIT 1", department, fingerprint);
        });
    }

    /**
     * Stores a new RUNNING run: chunk 0 (done at once) with what the plan found not to revoke, and a chunk per
     * {@code chunkSize} of {@code toRevoke}.
     */
    void create(Run run, String idempotencyKey, String fingerprint, List<UUID> toRevoke, int chunkSize,
            BulkRevocation.Outcome notRevocable, int maxListed) {
        int chunks = (toRevoke.size() + chunkSize - 1) / chunkSize;
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO revocation_run (id, department, requested_by, idempotency_key, fingerprint, selector, reason,
                        note, state, chunks, listed, not_found, not_found_numbers, created_at, key_kid, key_from)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setObject(1, run.id());
                ps.setString(2, run.department());
                ps.setString(3, run.requestedBy());
                ps.setString(4, idempotencyKey);
                ps.setString(5, fingerprint);
                ps.setString(6, run.selector());
                ps.setString(7, run.reason().name());
                ps.setString(8, run.note());
                ps.setInt(9, chunks);
                ps.setObject(10, run.listed());
                ps.setObject(11, run.notFound());
                ps.setArray(12, run.notFoundNumbers() == null ? null : c.createArrayOf("text", run.notFoundNumbers().toArray()));
                ps.setTimestamp(13, Timestamp.from(run.createdAt()));
                ps.setString(14, run.also() == null ? null : run.also().kid());
                ps.setTimestamp(15, run.also() == null ? null : Timestamp.from(run.also().fromSecond()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO revocation_chunk (run_id, seq, proof_ids, done_at, already_revoked, superseded, disputed,
                        already_numbers, disputed_numbers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                bindChunk(c, ps, run.id(), 0, null, run.createdAt(), notRevocable, maxListed);
                ps.addBatch();
                for (int k = 0; k < chunks; k++) {
                    List<UUID> ids = toRevoke.subList(k * chunkSize, Math.min(toRevoke.size(), (k + 1) * chunkSize));
                    bindChunk(c, ps, run.id(), k + 1, ids, null, null, maxListed);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void bindChunk(Connection c, PreparedStatement ps, UUID run, int seq, List<UUID> ids, Instant done,
            BulkRevocation.Outcome o, int maxListed) throws SQLException {
        ps.setObject(1, run);
        ps.setInt(2, seq);
        ps.setArray(3, ids == null ? null : c.createArrayOf("uuid", ids.toArray()));
        ps.setTimestamp(4, done == null ? null : Timestamp.from(done));
        ps.setInt(5, o == null ? 0 : o.alreadyRevoked().size());
        ps.setInt(6, o == null ? 0 : o.superseded().size());
        ps.setInt(7, o == null ? 0 : o.disputed().size());
        ps.setArray(8, o == null ? null : c.createArrayOf("text", first(o.alreadyRevoked(), maxListed).toArray()));
        ps.setArray(9, o == null ? null : c.createArrayOf("text", first(o.disputed(), maxListed).toArray()));
    }

    /**
     * The next chunk of the run still to do that no other transaction holds, locked until the caller's transaction
     * ends ({@code FOR UPDATE SKIP LOCKED}: two workers, on one replica or two, never take the same chunk).
     */
    Optional<Chunk> claim(UUID run) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT seq, proof_ids FROM revocation_chunk WHERE run_id = ? AND done_at IS NULL
                    ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED""")) {
                ps.setObject(1, run);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    UUID[] ids = (UUID[]) rs.getArray(2).getArray();
                    return Optional.of(new Chunk(rs.getInt(1), Arrays.asList(ids)));
                }
            }
        });
    }

    /** Marks a claimed chunk done with what became of its proofs, and drops its ids. */
    void done(UUID run, int seq, Instant at, BulkRevocation.Outcome o, int maxListed) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE revocation_chunk SET proof_ids = NULL, done_at = ?, revoked = ?, already_revoked = ?, superseded = ?,
                        disputed = ?, already_numbers = ?, disputed_numbers = ?
                    WHERE run_id = ? AND seq = ? AND done_at IS NULL""")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setInt(2, o.revoked().size());
                ps.setInt(3, o.alreadyRevoked().size());
                ps.setInt(4, o.superseded().size());
                ps.setInt(5, o.disputed().size());
                ps.setArray(6, c.createArrayOf("text", first(o.alreadyRevoked(), maxListed).toArray()));
                ps.setArray(7, c.createArrayOf("text", first(o.disputed(), maxListed).toArray()));
                ps.setObject(8, run);
                ps.setInt(9, seq);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("chunk " + seq + " of revocation run " + run + " was not open");
                }
            }
            return null;
        });
    }

    /**
     * Waits until no other transaction holds an open chunk of the run (another replica's worker doing it): locks the
     * open chunks, blocking, in the caller's transaction. Answers how many are still open once they are free.
     */
    int awaitOpen(UUID run) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq FROM revocation_chunk WHERE run_id = ? AND done_at IS NULL FOR UPDATE")) {
                ps.setObject(1, run);
                int open = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        open++;
                    }
                }
                return open;
            }
        });
    }

    /**
     * Marks the run DONE; true for the one transaction that does (a concurrent finisher waits on the row and finds
     * it done), which then records the run and has the status list republished.
     */
    boolean finish(UUID run, Instant at) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE revocation_run SET state = 'DONE', finished_at = ? WHERE id = ? AND state = 'RUNNING'")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setObject(2, run);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The run's chunks summed up. */
    Totals totals(UUID run, int maxListed) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE done_at IS NULL), sum(revoked), sum(already_revoked), sum(superseded),
                           sum(disputed),
                           (SELECT array_agg(n ORDER BY n) FROM (SELECT unnest(already_numbers) n FROM revocation_chunk
                                WHERE run_id = ? ORDER BY 1 LIMIT ?) a),
                           (SELECT array_agg(n ORDER BY n) FROM (SELECT unnest(disputed_numbers) n FROM revocation_chunk
                                WHERE run_id = ? ORDER BY 1 LIMIT ?) d)
                    FROM revocation_chunk WHERE run_id = ?""")) {
                ps.setObject(1, run);
                ps.setInt(2, maxListed);
                ps.setObject(3, run);
                ps.setInt(4, maxListed);
                ps.setObject(5, run);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), strings(rs.getArray(6)),
                            strings(rs.getArray(7)));
                }
            }
        });
    }

    private static Optional<Run> one(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Run(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        RevocationReason.valueOf(rs.getString(5)), rs.getString(6), "DONE".equals(rs.getString(7)),
                        rs.getTimestamp(8).toInstant(), (Integer) rs.getObject(9), (Integer) rs.getObject(10),
                        rs.getArray(11) == null ? null : strings(rs.getArray(11)), rs.getString(12) == null ? null
                                : new RevocationSelection.SignedBy(rs.getString(12), rs.getTimestamp(13).toInstant())));
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<String> first(List<String> numbers, int max) {
        return numbers.stream().sorted().limit(max).toList();
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> w) {
        return em.unwrap(Session.class).doReturningWork(w);
    }
}
