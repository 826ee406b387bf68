package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The proofs' slots in their department's status list: handing out a free slot at issuance, and
 * what a published list must say (its size and the slots of proofs no longer valid). The size rule
 * lives here once: at least {@link #MIN_SIZE} entries, doubling past half full, and never smaller
 * than a slot already handed out.
 */
@ApplicationScoped
public class StatusSlots {

    /** Bitstring status lists hold at least this many entries per department (herd privacy). */
    public static final int MIN_SIZE = 131_072;

    /** How often a replica recounts a department's proofs to size the list (the count only sizes it). */
    private static final Duration RECOUNT = Duration.ofSeconds(30);

    /** Largest bitstring (bytes) a stored list may decode to: 2^27 entries, far beyond any department's proofs. */
    public static final int MAX_LIST_BYTES = 1 << 24;

    /** A proof's number and its slot. */
    public record Slot(String number, int index) {
    }

    /**
     * What a department's status list says now: its size, the slots of proofs that are not VALID, the slots
     * of VALID ones suspended while disputed, and the {@link #suspensionMark} the suspensions were read at.
     */
    public record Snapshot(int size, List<Integer> unusable, List<Integer> suspended, String suspensionMark) {
    }

    @Inject
    EntityManager em;

    private final SecureRandom random = new SecureRandom();

    private final ConcurrentHashMap<String, IssuedCount> issued = new ConcurrentHashMap<>();

    private record IssuedCount(long count, Instant countedAt) {
    }

    /**
     * The size of a list for {@code issued} proofs whose highest slot is {@code highest} (-1: none):
     * grows in powers of two past half full, and always holds the highest slot.
     */
    static int size(long issued, long highest) {
        int size = MIN_SIZE;
        while (issued * 2 >= size || highest >= size) {
            size *= 2;
        }
        return size;
    }

    /**
     * A random free slot of the department's list, in the caller's transaction: random so that a bit
     * says nothing about issuance order (herd privacy). See {@link #take(String, int)}.
     */
    int take(String dept) {
        return take(dept, 1).get(0);
    }

    /**
     * {@code count} distinct random free slots of the department's list, in the caller's transaction, in two
     * statements whatever the count. Candidates are first locked with transaction-scoped advisory locks on
     * (department, slot), so two concurrent issuances never pick the same slot; then, in a statement of its own
     * (a snapshot taken after the locks, so a slot used by a transaction that held its lock and has committed
     * since is seen), those already used are dropped and others tried.
     */
    List<Integer> take(String dept, int count) {
        // sized from a count each replica keeps for a while: it can run ahead after rolled-back
        // issuances, which is why a published list also covers the highest slot in use
        int size = size(issuedCount(dept) + count - 1, -1);
        List<Integer> taken = new ArrayList<>(count);
        Set<Integer> tried = new HashSet<>();
        for (int round = 0; taken.size() < count; round++) {
            if (round == 32) {
                throw new IllegalStateException("no free status-list slot found for " + dept);
            }
            int wanted = count - taken.size();
            List<Integer> candidates = new ArrayList<>();
            while (candidates.size() < wanted + wanted / 4 + 1 && tried.size() < size) {
                int candidate = random.nextInt(size);
                if (tried.add(candidate)) {
                    candidates.add(candidate);
                }
            }
            @SuppressWarnings("unchecked")
            List<Number> locked = em.createNativeQuery("""
                    SELECT c FROM unnest(CAST(:slots AS int[])) AS c
                    WHERE pg_try_advisory_xact_lock(hashtext('status-slot:' || :dept), c)""")
                    .setParameter("dept", dept).setParameter("slots", intArray(candidates)).getResultList();
            if (locked.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Number> free = em.createNativeQuery("""
                    SELECT c FROM unnest(CAST(:slots AS int[])) AS c
                    WHERE NOT EXISTS (SELECT 1 FROM proof WHERE issuer_dept = :dept AND status_list_index = c)""")
                    .setParameter("dept", dept)
                    .setParameter("slots", intArray(locked.stream().map(Number::intValue).toList())).getResultList();
            for (Number n : free) {
                if (taken.size() < count) {
                    taken.add(n.intValue());
                }
            }
        }
        issued.computeIfPresent(dept, (d, c) -> new IssuedCount(c.count() + count, c.countedAt()));
        return taken;
    }

    private static String intArray(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** The list the department publishes now, read in the caller's transaction. */
    public Snapshot snapshot(String dept) {
        // the mark first: a suspend or lift committed while the bits are read makes this list stale, never fresh
        String mark = suspensionMark(dept);
        // the highest slot from the slot index (one entry read); the number of proofs from the count issuance sizes
        // the list by (kept per replica, see take): an exact count(*) scanned all of the department's index entries
        // on every publication, 1.8 s at 3 M proofs (bench/scale.sh)
        long highest = ((Number) em.createNativeQuery(
                "SELECT coalesce(max(status_list_index), -1) FROM proof WHERE issuer_dept = :dept")
                .setParameter("dept", dept).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Number> set = em.createNativeQuery("""
                SELECT status_list_index FROM proof WHERE issuer_dept = :dept AND status <> 'VALID'""")
                .setParameter("dept", dept).getResultList();
        @SuppressWarnings("unchecked")
        List<Number> suspended = em.createNativeQuery("""
                SELECT status_list_index FROM proof
                WHERE issuer_dept = :dept AND status = 'VALID' AND suspended_at IS NOT NULL""")
                .setParameter("dept", dept).getResultList();
        int size = size(issuedCount(dept), highest);
        return new Snapshot(size, set.stream().map(Number::intValue).toList(),
                suspended.stream().map(Number::intValue).toList(), mark);
    }

    /**
     * Where the department's suspensions stand: a counter every suspend and lift moves in its own transaction
     * ({@link Suspensions}, V44). A suspension is reversible, so a count of suspended proofs cannot tell a list
     * is stale, and the time of the last change depends on the replica's clock; a list is stale while this moves.
     */
    public String suspensionMark(String dept) {
        List<?> changes = em.createNativeQuery("SELECT changes FROM suspension_mark WHERE issuer_dept = :dept")
                .setParameter("dept", dept).getResultList();
        return "c:" + (changes.isEmpty() ? 0 : ((Number) changes.get(0)).longValue());
    }

    /** The department's proofs that are VALID now although their slot is among {@code indexes} (ordered by slot). */
    public List<Slot> validAmong(String dept, List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT number, status_list_index FROM proof
                WHERE issuer_dept = :dept AND status = 'VALID' AND status_list_index = ANY(CAST(:indexes AS int[]))
                ORDER BY status_list_index""")
                .setParameter("dept", dept)
                .setParameter("indexes", indexes.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        return rows.stream().map(r -> new Slot((String) r[0], ((Number) r[1]).intValue())).toList();
    }

    /**
     * How many of the department's proofs are no longer VALID (revoked or superseded): a list is stale when this moves.
     * Kept as it changes (V49: each statement that makes proofs non-VALID appends a row, {@link StatusChanges} folds
     * them), so asking costs a few index entries, not one per revoked proof.
     */
    public long unusableCount(String dept) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(n), 0) FROM status_change WHERE issuer_dept = :dept")
                .setParameter("dept", dept).getSingleResult()).longValue();
    }

    private long issuedCount(String dept) {
        Instant now = Instant.now();
        IssuedCount c = issued.get(dept);
        if (c == null || c.countedAt().plus(RECOUNT).isBefore(now)) {
            c = new IssuedCount(Proof.count("issuerDept", dept), now);
            issued.put(dept, c);
        }
        return c.count();
    }
}
