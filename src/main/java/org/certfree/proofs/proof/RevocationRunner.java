package org.certfree.proofs.proof;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.security.Caller;
import org.jboss.logging.Logger;

/**
 * Does the open chunks of a planned bulk revocation ({@link RevocationRuns}) on {@code certfree.revocations.workers}
 * threads of this replica, each chunk in a transaction of its own: claim (SKIP LOCKED), revoke its proofs with their
 * audit and holders'-log rows ({@link BulkRevocation#revokeChunk}), mark it done, commit. Returns once no chunk of the
 * run is open — waiting, if another replica holds one, for that replica's commit — and throws the first failure
 * (the chunks not done stay open for a repeat of the request).
 */
@ApplicationScoped
class RevocationRunner {

    private static final Logger LOG = Logger.getLogger(RevocationRunner.class);

    /** Longest a chunk's transaction may run (a chunk of 5,000 proofs takes about a second on a quiet machine). */
    private static final int TIMEOUT_SECONDS = 600;

    /** Times a chunk that lost a deadlock to another run of the department is tried again. */
    private static final int DEADLOCK_RETRIES = 5;

    @Inject
    BulkRevocation bulk;

    @Inject
    RevocationRuns runs;

    @Inject
    CertfreeConfig config;

    @Inject
    Clock clock;

    private ExecutorService pool;

    private final AtomicInteger threads = new AtomicInteger();

    /** Test seam: runs when a chunk is revoked and marked done, before its transaction commits (throw to fail it). */
    private volatile IntConsumer beforeCommit = seq -> {
    };

    @PostConstruct
    void start() {
        // threads of their own for each run (reused once idle): a run never waits for another run's chunks
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "revocation-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /** Tests: what runs before each chunk's commit (a crash there is simulated by throwing). */
    void beforeCommit(IntConsumer hook) {
        beforeCommit = hook == null ? seq -> {
        } : hook;
    }

    /** Does every open chunk of {@code run} as {@code actor} (a caller that is not a request: it acts on other threads). */
    void complete(RevocationRuns.Run run, Caller actor) {
        while (true) {
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < config.revocations().workers(); i++) {
                workers.add(pool.submit(() -> work(run, actor, failed)));
            }
            RuntimeException failure = null;
            int chunks = 0;
            for (Future<Integer> w : workers) {
                try {
                    chunks += w.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while revoking run " + run.id(), e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            LOG.debugf("Revocation run %s: %d chunks done here", run.id(), chunks);
            // none left to claim: the open ones, if any, are another replica's; wait for its commits
            int open = QuarkusTransaction.requiringNew().call(() -> runs.awaitOpen(run.id()));
            if (open == 0) {
                return;
            }
        }
    }

    /** One worker: chunk after chunk until none is left to claim, or another worker failed. Answers how many it did. */
    private int work(RevocationRuns.Run run, Caller actor, AtomicBoolean failed) {
        int done = 0;
        try {
            while (!failed.get()) {
                if (!chunkRetrying(run, actor)) {
                    return done;
                }
                done++;
            }
            return done;
        } catch (RuntimeException e) {
            failed.set(true);
            throw e;
        }
    }

    private boolean chunkRetrying(RevocationRuns.Run run, Caller actor) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> chunk(run, actor));
            } catch (RuntimeException e) {
                if (attempt > DEADLOCK_RETRIES || !deadlock(e)) {
                    throw e;
                }
                LOG.infof("A chunk of revocation run %s lost a deadlock to another run of %s; trying again", run.id(),
                        run.department());
            }
        }
    }

    /** In the caller's (new) transaction: false when no chunk of the run is left to claim. */
    private boolean chunk(RevocationRuns.Run run, Caller actor) {
        Optional<RevocationRuns.Chunk> claimed = runs.claim(run.id());
        if (claimed.isEmpty()) {
            return false;
        }
        RevocationRuns.Chunk c = claimed.get();
        Instant now = clock.instant();
        BulkRevocation.Outcome outcome = bulk.revokeChunk(new BulkRevocation.Order(run.department(),
                new RevocationSelection.Ids(run.selector(), c.ids(), run.also()), run.reason(), run.note(), now, actor.subject(), actor,
                actor.actor(), null, false, "revocation", run.id()));
        runs.done(run.id(), c.seq(), now, outcome, BulkRevocationService.MAX_LISTED);
        beforeCommit.accept(c.seq());
        return true;
    }

    private static boolean deadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
