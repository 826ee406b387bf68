package org.certfree.proofs.system.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Group commit: callers hand their work to one thread, which takes whatever is waiting, handles it as one lot
 * (typically one transaction and one commit for all) and answers each caller after that. Nothing waits for a lot
 * to fill: one item alone is handled at once; under load, what arrives while one lot is in hand forms the next,
 * so commits per second stay near the database's own rate however many callers there are.
 *
 * <p>The protocol every user of it shares (receipts of verifications, single issuances): the line is bounded and
 * a caller beyond it is refused at once ({@code busy}, a 503 with {@code Retry-After}); a caller not taken into a
 * lot within {@code waitSeconds}, or interrupted before, is refused the same way and its item is then never
 * handled ({@link Entry} has one owner: the thread or the caller giving up); a caller whose item was taken is
 * answered only by the outcome of its lot, never 503 — it waits for it even when interrupted, and gets a 500 after
 * {@link #WRITE_WAIT} should the database hang. Stopping refuses new and waiting items, and finishes the lot in hand.
 *
 * <p>The handler gets the items taken, in arrival order, and completes each ({@link Entry#complete},
 * {@link Entry#fail}); any it leaves open, or all when it throws, fail with what it threw. {@link #allOrEachAlone}
 * is the usual way to write them: together, and when that fails each on its own, so one item the database
 * refuses fails only its own caller.
 *
 * @param <T> what a caller hands over
 * @param <R> what it is answered
 */
public final class GroupCommit<T, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** Longest a caller waits for the write of the lot its item was taken into. */
    public static final Duration WRITE_WAIT = Duration.ofSeconds(60);

    /** How often an idle thread looks whether it is asked to stop. */
    static final long IDLE_CHECK_MILLIS = 100;

    /** One caller's item waiting for, or taken into, a lot. */
    public static final class Entry<T, R> {
        private final T item;
        private final CompletableFuture<R> done = new CompletableFuture<>();
        private final AtomicBoolean owned = new AtomicBoolean();

        Entry(T item) {
            this.item = item;
        }

        public T item() {
            return item;
        }

        /** Answers the caller with {@code result} (the first answer counts). */
        public void complete(R result) {
            done.complete(result);
        }

        /** Answers the caller with {@code failure} (rethrown to it as it is when a RuntimeException). */
        public void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }

        public boolean isDone() {
            return done.isDone();
        }

        /** True for the first of the thread and the caller to ask. */
        boolean own() {
            return owned.compareAndSet(false, true);
        }
    }

    private final String name;
    private final BlockingQueue<Entry<T, R>> queue;
    private final int maxLot;
    private final long lingerMicros;
    private final Supplier<RuntimeException> busy;
    private final Consumer<List<Entry<T, R>>> handler;
    private final IntConsumer lotSizes;
    private volatile Thread worker;
    private volatile boolean stopping;

    /**
     * @param name         the thread's name
     * @param capacity     items allowed to wait before new ones are refused with {@code busy}
     * @param maxLot       most items handled as one lot
     * @param lingerMicros longest the thread waits for company under load (never when the last lot was alone)
     * @param busy         the refusal (503) of a caller not taken
     * @param handler      handles a lot (see the class comment)
     * @param lotSizes     told the size of each lot (a metric)
     */
    public GroupCommit(String name, int capacity, int maxLot, long lingerMicros, Supplier<RuntimeException> busy,
            Consumer<List<Entry<T, R>>> handler, IntConsumer lotSizes) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxLot = maxLot;
        this.lingerMicros = lingerMicros;
        this.busy = busy;
        this.handler = handler;
        this.lotSizes = lotSizes;
    }

    /**
     * Hands {@code item} over and blocks until its lot is handled: its answer, or what it failed with; {@code busy}
     * when the line is full, the thread stopping, or the item not taken within {@code waitSeconds}.
     */
    public R submit(T item, long waitSeconds) {
        ensureStarted();
        Entry<T, R> e = new Entry<>(item);
        if (stopping || !queue.offer(e)) {
            throw busy.get();
        }
        if (stopping && queue.remove(e)) { // stopped while offering: the final drain may have missed it
            throw busy.get();
        }
        return await(e, waitSeconds);
    }

    private R await(Entry<T, R> e, long waitSeconds) {
        boolean interrupted = false;
        try {
            try {
                return e.done.get(waitSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException | InterruptedException x) {
                interrupted = x instanceof InterruptedException;
                if (e.own()) {
                    throw busy.get(); // not taken: nothing is done for it
                }
            }
            // taken into a lot that is being handled: its outcome decides what to answer
            long deadline = System.nanoTime() + WRITE_WAIT.toNanos();
            while (true) {
                try {
                    return e.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException x) {
                    interrupted = true;
                } catch (TimeoutException x) {
                    throw new IllegalStateException("the write of a lot did not end within " + WRITE_WAIT
                            + ": its outcome is unknown", x);
                }
            }
        } catch (ExecutionException x) {
            throw x.getCause() instanceof RuntimeException r ? r : new IllegalStateException(x.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes {@code entries} with one call of {@code write}; if that throws, each with a call of its own, so an item
     * the database refuses fails only its own caller. Completes none of them: the caller answers those not failed.
     */
    public static <E extends Entry<?, ?>> void allOrEachAlone(List<E> entries, Consumer<List<E>> write) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            write.accept(entries);
            return;
        } catch (RuntimeException e) {
            if (entries.size() == 1) {
                LOG.errorf(e, "Writing an item of a group commit failed");
                entries.get(0).fail(e);
                return;
            }
            LOG.warnf(e, "Writing a lot of %d items failed; writing them one by one", entries.size());
        }
        for (E entry : entries) {
            try {
                write.accept(List.of(entry));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Writing an item of a group commit failed");
                entry.fail(e);
            }
        }
    }

    /** Items waiting to be taken into a lot. */
    public int waiting() {
        return queue.size();
    }

    private void ensureStarted() {
        Thread t = worker;
        if (t == null || !t.isAlive()) {
            synchronized (this) {
                if ((worker == null || !worker.isAlive()) && !stopping) {
                    Thread started = new Thread(this::run, name);
                    started.setDaemon(true);
                    started.start();
                    worker = started;
                }
            }
        }
    }

    /**
     * New items are refused from now on, those waiting are answered {@code busy} at once, and the lot in hand is
     * finished (handled and answered) before this returns, or after {@code waitSeconds}.
     */
    public void stop(long waitSeconds) {
        stopping = true;
        refuseWaiting();
        Thread t = worker;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(waitSeconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        refuseWaiting();
    }

    private void refuseWaiting() {
        List<Entry<T, R>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(e -> e.fail(busy.get()));
    }

    private void run() {
        List<Entry<T, R>> lot = new ArrayList<>();
        List<Entry<T, R>> taken = new ArrayList<>();
        int last = 0;
        while (!stopping) {
            try {
                Entry<T, R> first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                lot.add(first);
                queue.drainTo(lot, maxLot - 1);
                if (last > 1 && lot.size() < last) {
                    // under load (the last lot had company): give the items already on their way a moment
                    // to join, one commit fewer for each that does
                    Entry<T, R> more = queue.poll(lingerMicros, TimeUnit.MICROSECONDS);
                    if (more != null) {
                        lot.add(more);
                        queue.drainTo(lot, maxLot - lot.size());
                    }
                }
                last = lot.size();
                lotSizes.accept(last);
                for (Entry<T, R> e : lot) {
                    if (e.own()) { // else its caller gave up (and answered 503): never handled
                        taken.add(e);
                    }
                }
                if (!taken.isEmpty()) {
                    handler.accept(taken);
                }
                RuntimeException unanswered = new IllegalStateException("a group commit left an item unanswered");
                taken.forEach(e -> e.fail(unanswered)); // no-op for those answered
            } catch (InterruptedException e) {
                lot.forEach(x -> x.fail(busy.get()));
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) { // an Error too: this thread must live on, and nobody may wait in vain
                LOG.errorf(e, "A lot of %d items failed", lot.size());
                RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                lot.forEach(x -> x.fail(failure));
            }
            lot.clear();
            taken.clear();
        }
        refuseWaiting();
    }
}
