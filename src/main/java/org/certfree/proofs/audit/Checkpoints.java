package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.department.DepartmentKind;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;

/** The stored checkpoints of the sealed logs, on the calling transaction's connection. */
@ApplicationScoped
class Checkpoints {

    private static final String COLUMNS = "log, seq, horizon_from, horizon_to, row_count, merkle_root, previous_hash,"
            + " authority_code, signed_at, payload, jws";

    @Inject
    DataSource db;

    @Inject
    DepartmentService departments;

    /**
     * The sealing authority: the justice bureau, an active REVIEWER department — of kind JUSTICE_BUREAU
     * before any other, and {@code previous} (the last checkpoint's signer) while it still qualifies, so
     * the signer stays the same from one checkpoint to the next; else the first by code. Empty when there
     * is none (nothing can be sealed yet).
     */
    Optional<String> authority(String previous) {
        return departments.list(DepartmentRole.REVIEWER, null, true, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items()
                .stream()
                .sorted(Comparator.comparing((DepartmentView d) -> d.kind() != DepartmentKind.JUSTICE_BUREAU)
                        .thenComparing(d -> !d.code().equals(previous)).thenComparing(DepartmentView::code))
                .map(DepartmentView::code).findFirst();
    }

    /** Every checkpoint of {@code log}, in sequence order. */
    List<Checkpoint> all(String log) {
        return query("SELECT " + COLUMNS + " FROM seal_checkpoint WHERE log = ? ORDER BY seq", log);
    }

    /** The last checkpoint of {@code log}. */
    Optional<Checkpoint> last(String log) {
        return query("SELECT " + COLUMNS + " FROM seal_checkpoint WHERE log = ? ORDER BY seq DESC LIMIT 1", log).stream()
                .findFirst();
    }

    void insert(Checkpoint c) {
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO seal_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, c.log());
            ps.setLong(2, c.seq());
            ps.setLong(3, c.horizonFrom());
            ps.setLong(4, c.horizonTo());
            ps.setLong(5, c.size());
            ps.setString(6, c.root());
            ps.setString(7, c.previous());
            ps.setString(8, c.authority());
            ps.setTimestamp(9, Timestamp.from(c.signedAt()));
            ps.setString(10, c.storedPayload());
            ps.setString(11, c.jws());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Storing checkpoint " + c.seq() + " of " + c.log() + " failed", e);
        }
    }

    /**
     * Takes the sealing lock of this transaction (one sealer at a time over all replicas) — waiting
     * for it, or only if it is free — and answers the horizon: every transaction with a lower id has
     * ended. Empty when the lock is taken elsewhere.
     */
    Optional<Long> lockAndHorizon(boolean wait) {
        try (Connection conn = db.getConnection()) {
            try (PreparedStatement ps = conn.prepareStatement(
                    wait ? "SELECT true FROM (SELECT pg_advisory_xact_lock(?)) l" : "SELECT pg_try_advisory_xact_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            // a statement of its own: its snapshot is taken after the lock is ours
            try (PreparedStatement ps = conn.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Taking the sealing lock failed", e);
        }
    }

    /** The advisory lock of sealing ("seal" in ASCII). */
    static final long LOCK_KEY = 0x7365616cL;

    private List<Checkpoint> query(String sql, String log) {
        List<Checkpoint> out = new ArrayList<>();
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, log);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Checkpoint(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10), rs.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the checkpoints of " + log + " failed", e);
        }
        return out;
    }
}
