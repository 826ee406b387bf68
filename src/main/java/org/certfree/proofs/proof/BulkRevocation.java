package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccessBatch;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;
import org.hibernate.Session;

/**
 * Revokes a selection of one department's proofs in the caller's transaction, set-based: one statement
 * selects the proofs, revokes those VALID and not under dispute, and answers what became of each; the audit rows ({@code proof.revoked}, one per proof) and the holders' access-log rows
 * ({@link AccessKind#PROOF_REVOKED}) follow in a few array inserts; {@link ProofsRevoked} then has one
 * new status list published once the transaction commits. All or nothing: a failure anywhere rolls the
 * whole run back, and a repeat finds the revoked proofs REVOKED and revokes nothing twice.
 *
 * <p>The rules are those of a single revocation ({@code IssuanceService.revoke}): only documents of kind
 * PROOF (a pledge is revoked through its post-check), only VALID ones, never one under dispute (its
 * dispute decides it): those are skipped and reported. Runs of one department are serialised (an advisory
 * lock), so two runs never lock each other's rows in opposite orders.
 */
@ApplicationScoped
class BulkRevocation {

    /**
     * What to revoke and in whose name.
     *
     * @param at              stored as the proofs' {@code revoked_at}, and the logs' time
     * @param revokedBy       stored as the proofs' {@code revoked_by}
     * @param auditActor      the audit rows' actor; null: the current request's caller (or the service itself)
     * @param holderLogActor  the actor the holders' log shows
     * @param limit           most proofs the selection may match (else 422, nothing changes); null: no limit
     * @param evenDisputed    revoke proofs under dispute too (a key compromise: their signatures fail whatever the
     *                        dispute decides); otherwise they are skipped and reported
     * @param auditDetails    more key, value pairs for each audit row, beside the reason
     */
    record Order(String department, RevocationSelection selection, RevocationReason reason, String note, Instant at,
            String revokedBy, Caller auditActor, String holderLogActor, Integer limit, boolean evenDisputed, Object... auditDetails) {
    }

    /** A proof revoked (or, in a preview, to be revoked) and its holder's blind index (null in a preview). */
    record Revoked(String number, String holderIndex) {
    }

    /**
     * What became of the selected proofs, each list in no particular order; {@code changed}: those changed by
     * another action while the run read them, until {@link #settle} sorts them into the others.
     */
    record Outcome(List<Revoked> revoked, List<String> alreadyRevoked, List<String> superseded, List<String> disputed,
            List<String> changed) {

        int matched() {
            return revoked.size() + alreadyRevoked.size() + superseded.size() + disputed.size() + changed.size();
        }
    }

    /**
     * One statement: the selection (a snapshot), the update of those revocable in it — re-checked on each row as
     * it is locked, so a proof revoked, superseded or disputed meanwhile by a single action is left alone — and
     * what became of each selected proof: R revoked now, A already revoked, S superseded, D under dispute, C
     * revocable in the snapshot but changed meanwhile (read again after the statement, see {@link #settle}).
     */
    private static final String REVOKE = """
            WITH sel AS MATERIALIZED (
                SELECT p.id, p.number, p.status, p.status = 'VALID' AND (p.suspension_ref IS NULL OR ?) AS revocable
                FROM proof p
                WHERE p.issuer_dept = ? AND p.kind = 'PROOF' AND (%s)
                LIMIT ?),
            upd AS (
                UPDATE proof p SET status = 'REVOKED', revoked_at = ?, revocation_reason = ?, revocation_note = left(?, 500),
                       revoked_by = ?, version = p.version + 1
                FROM sel WHERE p.id = sel.id AND sel.revocable AND p.status = 'VALID' AND (p.suspension_ref IS NULL OR ?)
                RETURNING p.number, p.subject_id_index)
            SELECT 'R', number, subject_id_index FROM upd
            UNION ALL
            SELECT CASE WHEN s.revocable THEN 'C' WHEN s.status = 'REVOKED' THEN 'A' WHEN s.status = 'SUPERSEDED' THEN 'S'
                        ELSE 'D' END, s.number, NULL
            FROM sel s WHERE NOT s.revocable OR NOT EXISTS (SELECT 1 FROM upd u WHERE u.number = s.number)""";

    /** The proofs {@link #REVOKE} found changed meanwhile, as they are now. */
    private static final String SETTLE = """
            SELECT CASE WHEN status = 'REVOKED' THEN 'A' WHEN status = 'SUPERSEDED' THEN 'S' ELSE 'D' END, number, NULL
            FROM proof WHERE number = ANY(?::text[])""";

    private static final String PREVIEW = """
            SELECT CASE WHEN p.status = 'VALID' AND p.suspension_ref IS NULL THEN 'R' WHEN p.status = 'VALID' THEN 'D'
                        WHEN p.status = 'REVOKED' THEN 'A' ELSE 'S' END, p.number, NULL
            FROM proof p WHERE p.issuer_dept = ? AND p.kind = 'PROOF' AND (%s)
            LIMIT ?""";

    private static final String SELECT = """
            SELECT p.id, p.number, CASE WHEN p.status = 'VALID' AND p.suspension_ref IS NULL THEN 'R' WHEN p.status = 'VALID'
                                        THEN 'D' WHEN p.status = 'REVOKED' THEN 'A' ELSE 'S' END
            FROM proof p WHERE p.issuer_dept = ? AND p.kind = 'PROOF' AND (%s)
            LIMIT ?""";

    @Inject
    EntityManager em;

    @Inject
    StaffActions staffActions;

    @Inject
    HolderAccessLog holderLog;

    @Inject
    Event<ProofsRevoked> revokedEvents;

    /** What {@link #revoke} would do now, changing nothing (no locks either: a later run may find more or fewer). */
    Outcome preview(String department, RevocationSelection selection, Integer limit) {
        Outcome outcome = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(PREVIEW.formatted(selection.condition()))) {
                ps.setString(1, department);
                int next = selection.bind(c, ps, 2);
                limit(ps, next, limit);
                return read(ps);
            }
        });
        refuseBeyond(limit, outcome);
        return outcome;
    }

    /**
     * Revokes what {@code order} selects, in the caller's transaction, and has the status list republished after
     * its commit. Excludes the department's chunks of planned runs meanwhile (they take the lock shared).
     */
    Outcome revoke(Order order) {
        return revoke(order, false);
    }

    /**
     * Revokes one chunk of a planned run ({@link RevocationSelection.Ids}), in the caller's transaction. Chunks of
     * a department run side by side (their proofs are disjoint); the run republishes the status list once, at its end.
     */
    Outcome revokeChunk(Order order) {
        return revoke(order, true);
    }

    /** A proof a run's plan selected: R revocable now, A already revoked, S superseded, D under dispute. */
    record Selected(java.util.UUID id, String number, char kind) {
    }

    /**
     * What {@code selection} picks among the department's proofs now, at most {@code limit + 1} of them (so a caller
     * can tell "beyond the limit"), changing nothing: the plan of a run ({@link RevocationRuns}).
     */
    List<Selected> select(String department, RevocationSelection selection, int limit) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT.formatted(selection.condition()))) {
                ps.setString(1, department);
                int next = selection.bind(c, ps, 2);
                limit(ps, next, limit);
                ps.setFetchSize(10_000);
                List<Selected> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Selected(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3).charAt(0)));
                    }
                }
                return found;
            }
        });
    }

    private Outcome revoke(Order order, boolean chunk) {
        Instant now = order.at();
        long t0 = System.nanoTime();
        em.createNativeQuery(chunk ? "SELECT pg_advisory_xact_lock_shared(hashtext('bulk-revocation:' || :dept))"
                : "SELECT pg_advisory_xact_lock(hashtext('bulk-revocation:' || :dept))")
                .setParameter("dept", order.department()).getSingleResult();
        Outcome outcome = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(REVOKE.formatted(order.selection().condition()))) {
                ps.setBoolean(1, order.evenDisputed());
                ps.setString(2, order.department());
                int next = order.selection().bind(c, ps, 3);
                limit(ps, next++, order.limit());
                ps.setTimestamp(next++, Timestamp.from(now));
                ps.setString(next++, order.reason().name());
                ps.setString(next++, order.note());
                ps.setString(next++, order.revokedBy());
                ps.setBoolean(next, order.evenDisputed());
                Outcome read = read(ps);
                return read.changed().isEmpty() ? read : settle(c, read);
            }
        });
        refuseBeyond(order.limit(), outcome); // rolls the run back
        long t1 = System.nanoTime();
        List<Revoked> revoked = outcome.revoked();
        if (!revoked.isEmpty()) {
            record(order, now, revoked);
            if (!chunk) {
                revokedEvents.fire(new ProofsRevoked(order.department(), revoked.size()));
            }
        }
        long t2 = System.nanoTime();
        BusinessEvents.log("proofs.revoked", "dept", order.department(), "selector", order.selection().name(), "reason",
                order.reason(), "count", revoked.size(), "alreadyRevoked", outcome.alreadyRevoked().size(), "disputed",
                outcome.disputed().size(), "selectUpdateMs", (t1 - t0) / 1_000_000, "logsMs", (t2 - t1) / 1_000_000, "outcome", "ok");
        return outcome;
    }

    /** Each revocation in the audit log and in its holder's access log, as a single one would be. */
    private void record(Order order, Instant now, List<Revoked> revoked) {
        Object[] details = new Object[2 + order.auditDetails().length];
        details[0] = "reason";
        details[1] = order.reason();
        System.arraycopy(order.auditDetails(), 0, details, 2, order.auditDetails().length);
        List<String> numbers = revoked.stream().map(Revoked::number).toList();
        if (order.auditActor() == null) {
            staffActions.recordEach("proof.revoked", order.department(), "proof", numbers, details);
        } else {
            staffActions.recordEach(order.auditActor(), "proof.revoked", order.department(), "proof", numbers, details);
        }
        holderLog.recordAll(new HolderAccessBatch(now, AccessKind.PROOF_REVOKED, order.department(), order.holderLogActor(),
                order.reason().chinese(), Map.of("reason", order.reason().name()),
                revoked.stream().map(r -> new HolderAccessBatch.Entry(r.holderIndex(), r.number())).toList()));
    }

    private static void limit(PreparedStatement ps, int index, Integer limit) throws SQLException {
        if (limit == null) {
            ps.setNull(index, Types.BIGINT); // LIMIT NULL: no limit
        } else {
            ps.setLong(index, limit + 1L); // one more, to tell "exactly the limit" from "beyond it"
        }
    }

    private static void refuseBeyond(Integer limit, Outcome outcome) {
        if (limit != null && outcome.matched() > limit) {
            throw ApiException.unprocessable(Messages.BULK_REVOKE_TOO_MANY_PROOFS.formatted(limit));
        }
    }

    private static Outcome read(PreparedStatement ps) throws SQLException {
        List<Revoked> revoked = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> superseded = new ArrayList<>();
        List<String> disputed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String number = rs.getString(2);
                switch (rs.getString(1)) {
                    case "R" -> revoked.add(new Revoked(number, rs.getString(3)));
                    case "A" -> already.add(number);
                    case "S" -> superseded.add(number);
                    case "C" -> changed.add(number);
                    default -> disputed.add(number);
                }
            }
        }
        return new Outcome(revoked, already, superseded, disputed, changed);
    }

    /** {@code read} with its changed proofs sorted by what they are now (a later statement sees what committed since). */
    private static Outcome settle(Connection c, Outcome read) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SETTLE)) {
            ps.setArray(1, c.createArrayOf("text", read.changed().toArray()));
            Outcome now = read(ps);
            return new Outcome(read.revoked(), concat(read.alreadyRevoked(), now.alreadyRevoked()),
                    concat(read.superseded(), now.superseded()), concat(read.disputed(), now.disputed()), List.of());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
