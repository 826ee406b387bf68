package org.certfree.proofs.system.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.certfree.proofs.department.DepartmentKind;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentInput;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cached data is dropped on every replica when it changes: a change committed by "another replica"
 * (here: a second connection that updates the table and sends the notice, as a replica's transaction
 * does) reaches this one's cache; a value loaded while a change was under way is not kept; and a
 * transaction of this replica that changes a topic reads around the cache until it completes.
 */
@QuarkusTest
class ChangeSignalsTest {

    @Inject
    ChangeSignals signals;

    @Inject
    DepartmentService departments;

    @BeforeEach
    void listening() {
        waitFor(signals::listening, "the replica listens for change signals");
    }

    @Test
    void anotherReplicasCommittedChangeReachesThisReplicasCache() throws SQLException {
        String code = newUnit();
        assertTrue(usingUnit(code));

        // behind the service's back and without a notice, the cache keeps its answer: it is really used
        sql("UPDATE department SET active = false WHERE code = ?", code, false);
        assertTrue(usingUnit(code), "served from the cache");

        // the same change as another replica makes it: update and notice in one transaction
        sql("UPDATE department SET active = true WHERE code = ?", code, false);
        sql("UPDATE department SET active = false WHERE code = ?", code, true);
        waitFor(() -> !usingUnit(code), "the deactivation reaches this replica");
    }

    @Test
    void aReplicaThatLostItsListeningConnectionListensAgainAndDropsWhatItHeld() throws SQLException {
        String code = newUnit();
        assertTrue(usingUnit(code));
        int before = listenerPid();
        sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'certfree-change-signals'", null,
                false);
        // a change whose notice may fall into the gap: made without one at all
        sql("UPDATE department SET active = false WHERE code = ?", code, false);
        waitFor(() -> signals.listening() && listenerPidOrZero() != before && listenerPidOrZero() != 0,
                "the replica listens again, on a new connection");
        assertFalse(usingUnit(code), "what was cached before the gap is not served after it");
    }

    private String newUnit() {
        String code = "CS" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> departments.create(new DepartmentInput(code, "缓存测试单位",
                DepartmentKind.SERVICE_CENTER, null, "652801", null, new java.util.TreeSet<>(java.util.Set.of(DepartmentRole.USING_UNIT)),
                null, null, true, null)));
        return code;
    }

    private static int listenerPid() throws SQLException {
        int pid = listenerPidOrZero();
        assertTrue(pid != 0, "a listening connection");
        return pid;
    }

    private static int listenerPidOrZero() {
        try (Connection c = connection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = 'certfree-change-signals'")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asked as a request would (a persistence context of its own, not this test's). */
    private boolean usingUnit(String code) {
        return QuarkusTransaction.requiringNew().call(() -> departments.hasRole(code, DepartmentRole.USING_UNIT));
    }

    @Test
    void aValueLoadedWhileAChangeWasUnderWayIsNotKept() {
        SharedCache<String, Integer> cache = signals.cache("test-overlap", 10, Duration.ofMinutes(1));
        AtomicInteger loads = new AtomicInteger();
        // the first load overlaps a change of its topic (committed by this replica while it loads)
        int first = cache.get("k", k -> {
            if (loads.get() == 0) {
                QuarkusTransaction.requiringNew().run(() -> signals.changed("test-overlap"));
            }
            return loads.incrementAndGet();
        });
        assertEquals(2, first, "what was loaded before the change is read again, after it");
        assertEquals(2, cache.get("k", k -> loads.incrementAndGet()), "and that second load, with no change under way, is kept");
    }

    @Test
    void aTransactionChangingATopicReadsAroundItsCache() {
        SharedCache<String, Integer> cache = signals.cache("test-open", 10, Duration.ofMinutes(1));
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", k -> loads.incrementAndGet());
        assertEquals(1, cache.get("k", k -> loads.incrementAndGet()));
        QuarkusTransaction.requiringNew().run(() -> {
            signals.changed("test-open");
            assertEquals(2, cache.get("k", k -> loads.incrementAndGet()), "not the cached value");
            assertEquals(3, cache.get("k", k -> loads.incrementAndGet()), "and nothing is cached meanwhile");
        });
        assertEquals(4, cache.get("k", k -> loads.incrementAndGet()), "dropped when the transaction completed");
        assertEquals(4, cache.get("k", k -> loads.incrementAndGet()));
    }

    @Test
    void aChangeOutsideATransactionIsRefused() {
        assertFalse(tryChange());
    }

    private boolean tryChange() {
        try {
            signals.changed("test-outside");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static Connection connection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    /** Runs one statement (with {@code code} as its parameter, if any) on a connection of its own, with the change notice in the same transaction if asked. */
    private static void sql(String statement, String code, boolean notify) throws SQLException {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                if (code != null) {
                    ps.setString(1, code);
                    assertEquals(1, ps.executeUpdate());
                } else {
                    ps.execute();
                }
            }
            if (notify) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ps.setString(1, ChangeSignals.CHANNEL);
                    ps.setString(2, "departments/another-replica");
                    ps.execute();
                }
            }
            c.commit();
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
