package org.certfree.proofs.system.cache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every replica that data it may hold in memory has changed, through PostgreSQL: a writer calls
 * {@link #changed(String)} in its transaction, which sends {@code NOTIFY certfree_changes, '<topic>/<replica>'}
 * (delivered by PostgreSQL only when the transaction commits); each replica LISTENs on a connection
 * of its own and drops its {@link SharedCache}s of that topic when the notice arrives. On the writing
 * replica the caches are dropped synchronously when the transaction completes.
 *
 * <p>A cache is trusted only as far as the signals are: while this replica's listening connection is
 * down, a cached value lives at most {@link SharedCache#UNSIGNALLED_MAX_AGE} (and everything is dropped
 * when it is back, since notices may have been missed); while a transaction of this replica that
 * changes the topic is open, the cache is read around (nobody caches what it has not committed).
 * Another replica's change reaches this one as fast as PostgreSQL delivers the notice, typically
 * within milliseconds; the listening connection proves every few seconds that notices still arrive.
 */
@ApplicationScoped
public class ChangeSignals {

    private static final Logger LOG = Logger.getLogger(ChangeSignals.class);

    static final String CHANNEL = "certfree_changes";
    private static final char SEPARATOR = '/';
    private static final Object TOPICS_IN_TRANSACTION = new Object();
    private static final Duration RECONNECT = Duration.ofSeconds(1);
    /** How often the listening connection proves, by a round trip of a notice, that notices still arrive. */
    private static final Duration PROBE = Duration.ofSeconds(5);
    private static final Duration PROBE_ANSWER = Duration.ofSeconds(5);
    private static final String PROBE_TOPIC = "_probe";

    @Inject
    DataSource db;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Marks this replica's own notices, which its caches have already acted on when they arrive. */
    private final String replica = UUID.randomUUID().toString();

    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean stopping;
    private Thread listener;

    /** The shared state of one topic's caches. */
    static final class Topic {
        private final AtomicLong generation = new AtomicLong();
        private final AtomicInteger openWriters = new AtomicInteger();
        private final ChangeSignals signals;

        Topic(ChangeSignals signals) {
            this.signals = signals;
        }

        /** Increases on every change: a value loaded before the current generation is stale. */
        long generation() {
            return generation.get();
        }

        /** Whether a transaction of this replica that changes the topic is open (its view must not be cached). */
        boolean changing() {
            return openWriters.get() > 0;
        }

        /** Whether changes of the topic on every replica reach this one now. */
        boolean signalled() {
            return signals.listening;
        }

        void changed() {
            generation.incrementAndGet();
        }
    }

    /** A cache of {@code topic}, dropped when the topic changes on any replica. */
    public <K, V> SharedCache<K, V> cache(String topic, long maximumSize, Duration maxAge) {
        return new SharedCache<>(topic(topic), maximumSize, maxAge);
    }

    /**
     * Announces, in the caller's transaction, that data of {@code topic} changes: every replica drops
     * its caches of it once the transaction has committed (this one as soon as it has completed).
     *
     * @throws IllegalStateException outside a transaction
     */
    public void changed(String topic) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("a change of " + topic + " must be announced inside its transaction");
        }
        Topic t = topic(topic);
        @SuppressWarnings("unchecked")
        Set<Topic> announced = (Set<Topic>) transactions.getResource(TOPICS_IN_TRANSACTION);
        if (announced == null) {
            Set<Topic> fresh = new HashSet<>();
            transactions.putResource(TOPICS_IN_TRANSACTION, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    for (Topic done : fresh) {
                        done.openWriters.decrementAndGet();
                        done.changed();
                    }
                }
            });
            announced = fresh;
        }
        if (announced.add(t)) {
            t.openWriters.incrementAndGet();
            t.changed();
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, topic + SEPARATOR + replica);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot announce a change of " + topic, e);
        }
    }

    private Topic topic(String name) {
        return topics.computeIfAbsent(name, n -> new Topic(this));
    }

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "certfree-change-signals");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Whether this replica is listening (its caches follow every change); also the gauge {@code certfree_change_signals_listening}. */
    public boolean listening() {
        return listening;
    }

    void gauge(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("certfree.change.signals.listening", this, s -> s.listening ? 1 : 0)
                .description("1 while this replica receives change signals (its caches follow every change), else 0")
                .register(registry);
    }

    private void listen() {
        boolean warned = false;
        while (!stopping) {
            try (Connection c = connect()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                topics.values().forEach(Topic::changed); // anything may have changed while nobody listened
                listening = true;
                if (warned) {
                    LOG.info("Listening for changes of cached data again");
                    warned = false;
                }
                deliver(c);
            } catch (Throwable e) { // an Error too: the thread must not die with the caches bypassed for good
                if (!stopping && !warned) {
                    LOG.warnf("Not listening for changes of cached data (cached values live at most %s meanwhile): %s",
                            SharedCache.UNSIGNALLED_MAX_AGE, e.toString());
                    warned = true;
                } else if (!stopping) {
                    LOG.debugf("Still not listening for changes of cached data: %s", e.toString());
                }
            } finally {
                listening = false;
                topics.values().forEach(Topic::changed);
            }
            try {
                Thread.sleep(RECONNECT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Hands the notices arriving on {@code c} to the topics until the connection fails. Every
     * {@link #PROBE} it sends itself a probe notice and gives up unless the probe comes back within
     * {@link #PROBE_ANSWER}: a connection that died without a word (a half-open socket after a
     * fail-over) or that never delivers notices (a transaction-mode pooler) is not taken for a live one.
     */
    private void deliver(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long probeDue = System.nanoTime() + PROBE.toNanos();
        long probeSent = 0;
        while (!stopping) {
            PGNotification[] notices = pg.getNotifications(500);
            if (notices != null) {
                for (PGNotification n : notices) {
                    if ((PROBE_TOPIC + SEPARATOR + replica).equals(n.getParameter())) {
                        probeSent = 0;
                    } else {
                        received(n.getParameter());
                    }
                }
            }
            long now = System.nanoTime();
            if (probeSent != 0 && now - probeSent > PROBE_ANSWER.toNanos()) {
                throw new SQLException("the probe notice did not come back within " + PROBE_ANSWER);
            }
            if (probeSent == 0 && now > probeDue) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ps.setString(1, CHANNEL);
                    ps.setString(2, PROBE_TOPIC + SEPARATOR + replica);
                    ps.execute();
                }
                probeSent = now;
                probeDue = now + PROBE.toNanos();
            }
        }
    }

    /** A notice {@code <topic>} or {@code <topic>/<replica>}: another replica's change drops this one's caches of the topic. */
    private void received(String notice) {
        int at = notice.lastIndexOf(SEPARATOR);
        String topic = at < 0 ? notice : notice.substring(0, at);
        if (at >= 0 && notice.substring(at + 1).equals(replica)) {
            return; // ours: dropped when our transaction completed
        }
        Topic t = topics.get(topic);
        if (t != null) {
            t.changed();
        }
    }

    /** A connection of its own (not the pool's: it stays open for as long as the replica runs). */
    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Properties props = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> props.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "certfree-change-signals");
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "10"); // seconds
        props.setProperty("socketTimeout", "30"); // seconds: a statement on a dead socket fails instead of hanging
        return DriverManager.getConnection(url, props);
    }
}
