package org.certfree.proofs.stats;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.certfree.proofs.system.background.Periodic;
import org.jboss.logging.Logger;

/**
 * Folds the statistics deltas (V44) into the rollup: the triggers on the source tables append one delta row per
 * counted record (no key, so recording transactions never wait on each other), and every {@link #PERIOD_MILLIS}
 * one replica — the one holding the advisory lock — moves them into {@code stats_daily} and
 * {@code stats_issue_latency}, summed per key and upserted in key order. The reports read rollup and deltas in one
 * statement ({@code stats_daily_all}), so folding changes no figure: it keeps the delta tables small.
 */
@ApplicationScoped
public class StatsFolder {

    private static final Logger LOG = Logger.getLogger(StatsFolder.class);

    /** Pause between two folds. */
    static final long PERIOD_MILLIS = 2000;

    /** The advisory lock of folding ("statsfld" in ASCII): one folder over all replicas. */
    private static final long LOCK = 0x73746174_73666c64L;

    /** Deltas folded at once above which the delta tables are vacuumed right away. */
    static final int VACUUM_AFTER = 1_000;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    private volatile Periodic loop;

    void onStart(@Observes StartupEvent event) {
        loop = Periodic.start("stats-folder", "Folding the statistics deltas", PERIOD_MILLIS, this::fold, LOG);
    }

    void onStop(@Observes ShutdownEvent event) {
        Periodic p = loop;
        if (p != null) {
            p.stop();
        }
    }

    /**
     * One fold ({@link #move}); after a large one (a bulk load) the delta tables are vacuumed at once, as the
     * reports scan them and their dead rows would otherwise slow every report until autovacuum comes by.
     */
    public long fold() {
        long moved = move();
        if (moved >= VACUUM_AFTER) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true); // VACUUM runs outside a transaction block
                s.execute("VACUUM (SKIP_LOCKED) stats_delta, stats_latency_delta");
            } catch (SQLException e) {
                LOG.warnf(e, "Vacuuming the statistics deltas after folding %d rows failed", moved);
            }
        }
        return moved;
    }

    /**
     * One move, in its own transaction: the delta rows this transaction sees are deleted and added to the rollup.
     * Rows committed meanwhile are not in its snapshot, so they stay for the next fold. Returns the delta rows
     * moved (0 when another replica is folding).
     */
    long move() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", LOCK).getSingleResult())) {
                return 0L;
            }
            // data-modifying CTEs run to completion whether read or not: the count is of the deltas moved
            long daily = ((Number) em.createNativeQuery("""
                    WITH moved AS (DELETE FROM stats_delta RETURNING department, day, metric, n),
                    folded AS (INSERT INTO stats_daily (department, day, metric, n)
                        SELECT department, day, metric, sum(n) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (department, day, metric) DO UPDATE SET n = stats_daily.n + EXCLUDED.n)
                    SELECT count(*) FROM moved""").getSingleResult()).longValue();
            long latency = ((Number) em.createNativeQuery("""
                    WITH moved AS (DELETE FROM stats_latency_delta RETURNING department, day, minutes, n),
                    folded AS (INSERT INTO stats_issue_latency (department, day, minutes, n)
                        SELECT department, day, minutes, sum(n) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (department, day, minutes) DO UPDATE SET n = stats_issue_latency.n + EXCLUDED.n)
                    SELECT count(*) FROM moved""").getSingleResult()).longValue();
            return daily + latency;
        });
    }
}
