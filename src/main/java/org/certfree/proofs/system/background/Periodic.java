package org.certfree.proofs.system.background;

import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * A task run over and over on a daemon thread of its own, a pause between two runs, until {@link #stop}: the
 * background work of a replica (sealing the logs, folding the statistics). A run that fails is logged once per
 * failing streak, not once a period, and its recovery once; the next run comes after the same pause. The task
 * itself decides what one run does across replicas (an advisory lock, for example).
 */
public final class Periodic {

    private final String what;
    private final long pauseMillis;
    private final Runnable task;
    private final Logger log;
    private final Thread thread;
    private volatile boolean stopping;

    private Periodic(String threadName, String what, long pauseMillis, Runnable task, Logger log) {
        this.what = Objects.requireNonNull(what, "what");
        this.pauseMillis = pauseMillis;
        this.task = Objects.requireNonNull(task, "task");
        this.log = Objects.requireNonNull(log, "log");
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /**
     * Starts running {@code task} now and then every {@code pauseMillis} after the previous run ends, on a daemon thread
     * named {@code threadName}; {@code what} names the work in log lines ("Sealing the logs").
     */
    public static Periodic start(String threadName, String what, long pauseMillis, Runnable task, Logger log) {
        Periodic p = new Periodic(threadName, what, pauseMillis, task, log);
        p.thread.start();
        return p;
    }

    /** Stops after the run under way, if any (its pause is cut short). */
    public void stop() {
        stopping = true;
        thread.interrupt();
    }

    private void run() {
        boolean failing = false;
        while (!stopping) {
            try {
                task.run();
                if (failing) {
                    log.infof("%s works again", what);
                }
                failing = false;
            } catch (RuntimeException e) {
                if (!failing && !stopping) { // once per failing streak, not once a period
                    log.warnf(e, "%s failed; retrying every %d ms", what, pauseMillis);
                }
                failing = true;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
