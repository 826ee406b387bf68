package org.certfree.proofs.proof;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * The replica's workers of bulk issuance jobs ({@code certfree.issuance-jobs.workers} threads). Each takes chunk after
 * chunk ({@link IssuanceJobChunks}) while there is work, and sleeps otherwise until a job is submitted on this
 * replica or the poll interval passes — so a job left unfinished by a crash (its items are simply still PENDING: there
 * is no lease to expire) resumes as soon as any replica starts, and the replicas share a job's chunks.
 *
 * <p>A chunk that fails other than by its items' 4xx (a database error, a bug) rolls back whole; the worker then
 * takes the next chunk's items one at a time, and an item that fails alone is marked FAILED with an internal error,
 * so a poisoned item cannot stall its job, and a passing fault (the database restarting) costs only a retry.
 */
@ApplicationScoped
public class IssuanceJobWorker {

    private static final Logger LOG = Logger.getLogger(IssuanceJobWorker.class);

    @Inject
    IssuanceJobChunks chunks;

    @Inject
    CertfreeConfig config;

    @Inject
    IssuanceJobPurge purge;

    /** How often an idle worker deletes the jobs finished longer ago than {@code certfree.issuance-jobs.keep-finished}. */
    private static final long PURGE_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);

    /** When this replica last purged: at the first idle moment after the start, then hourly. */
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime() - PURGE_EVERY_NANOS);

    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean paused;
    private long wakeups;

    void onStart(@Observes StartupEvent event) {
        int n = config.issuanceJobs().workers();
        for (int i = 1; i <= n; i++) {
            Thread t = new Thread(this::run, "issuance-job-worker-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        if (n > 0) {
            LOG.debugf("%d issuance job worker(s) started", n);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        threads.forEach(Thread::interrupt);
    }

    /** Wakes this replica's idle workers: a job was just stored. */
    public void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    /** Tests: stops taking chunks (a chunk under way finishes) until {@link #resume}. */
    void pause() {
        paused = true;
    }

    /** Tests: takes chunks again, as a restarted replica does. */
    void resume() {
        paused = false;
        wake();
    }

    private void run() {
        int isolate = 0; // after a failed chunk: items to take one at a time
        boolean failing = false;
        while (!stopping) {
            long seen;
            synchronized (signal) {
                seen = wakeups;
            }
            boolean worked = false;
            if (!paused) {
                try {
                    worked = chunks.processNext(isolate > 0 ? 1 : config.issuanceJobs().chunkSize());
                    if (isolate > 0 && worked) {
                        isolate--;
                    }
                    if (failing) {
                        LOG.info("Issuing job items works again");
                    }
                    failing = false;
                } catch (IssuanceJobChunks.ChunkFailed e) {
                    if (e.seqs.size() == 1) {
                        LOG.errorf(e, "Item at line %d of issuance job %s failed alone: marked FAILED", e.seqs.get(0), e.job);
                        failSafely(e);
                    } else {
                        LOG.warnf(e, "A chunk of issuance job %s failed; taking its items one at a time", e.job);
                        isolate = e.seqs.size();
                    }
                    worked = true;
                } catch (RuntimeException e) {
                    if (!failing && !stopping) {
                        LOG.warnf(e, "Looking for issuance job items failed; retrying every %s", config.issuanceJobs().poll());
                    }
                    failing = true;
                }
            }
            if (!worked) {
                purgeNowAndThen();
                synchronized (signal) {
                    if (wakeups == seen && !stopping) {
                        try {
                            signal.wait(config.issuanceJobs().poll().toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        }
    }

    private void purgeNowAndThen() {
        long now = System.nanoTime();
        long last = lastPurge.get();
        if (now - last < PURGE_EVERY_NANOS || !lastPurge.compareAndSet(last, now)) {
            return; // not yet, or another worker of this replica does it
        }
        try {
            int jobs = purge.purge();
            if (jobs > 0) {
                LOG.infof("%d issuance jobs finished before %s ago deleted with their items", jobs,
                        config.issuanceJobs().keepFinished());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Deleting finished issuance jobs failed; trying again in an hour");
        }
    }

    private void failSafely(IssuanceJobChunks.ChunkFailed e) {
        try {
            chunks.fail(e.job, e.seqs.get(0), IssuanceJobIntake.problem(ProblemType.INTERNAL, Messages.BULK_ISSUE_INTERNAL, null));
        } catch (RuntimeException again) { // the database itself fails: the item stays PENDING and is tried again
            LOG.warnf(again, "Could not mark line %d of issuance job %s FAILED", e.seqs.get(0), e.job);
        }
    }
}
