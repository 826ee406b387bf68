package org.certfree.proofs.proof;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.certfree.proofs.system.background.Periodic;
import org.jboss.logging.Logger;

/**
 * Folds the rows of {@code status_change} (V49) into one per department, so {@link StatusSlots#unusableCount} reads a
 * few index entries however many revocations came before. One statement deletes the rows this transaction sees and
 * inserts their sums: readers see the sum before or after, never a part; rows appended meanwhile are not seen, so
 * they stay. One replica folds at a time (advisory lock); another skips its turn.
 */
@ApplicationScoped
public class StatusChanges {

    private static final Logger LOG = Logger.getLogger(StatusChanges.class);

    /** Pause between two folds. */
    static final long PERIOD_MILLIS = 30_000;

    /** The advisory lock of folding ("stchgfld" in ASCII). */
    private static final long LOCK = 0x73746368_67666c64L;

    @Inject
    EntityManager em;

    private volatile Periodic loop;

    void onStart(@Observes StartupEvent event) {
        loop = Periodic.start("status-change-folder", "Folding the status change counts", PERIOD_MILLIS, this::fold, LOG);
    }

    void onStop(@Observes ShutdownEvent event) {
        Periodic p = loop;
        if (p != null) {
            p.stop();
        }
    }

    /** Folds now; the number of rows folded (0 when another replica holds the lock). */
    public int fold() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", LOCK).getSingleResult();
            if (!mine) {
                return 0;
            }
            return ((Number) em.createNativeQuery("""
                    WITH folded AS (DELETE FROM status_change RETURNING issuer_dept, n),
                         summed AS (INSERT INTO status_change (issuer_dept, n)
                                    SELECT issuer_dept, sum(n) FROM folded GROUP BY issuer_dept RETURNING 1)
                    SELECT count(*) FROM folded""").getSingleResult()).intValue();
        });
    }
}
