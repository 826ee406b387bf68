package org.certfree.proofs.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When verifications arrive faster than receipts can be signed and logged, the waiting line is
 * bounded: beyond it a caller gets 503 with {@code Retry-After} at once (nothing recorded), and the
 * ones already waiting are still answered. A batcher that is stopping refuses new work and answers
 * whatever was waiting with the same 503. Runs on its own batcher with room for two and a log
 * store that holds the first write until told.
 */
@QuarkusTest
class ReceiptBatcherOverloadTest {

    @Inject
    MeterRegistry metrics;

    /**
     * Holds every write until {@link #release} opens; records what was written. Like a JDBC write
     * under way, it is not cut short by an interrupt (stopping interrupts the batcher's thread).
     */
    static class HeldStore extends VerificationStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch wrote = new CountDownLatch(1);
        final List<Verification> written = new CopyOnWriteArrayList<>();

        @Override
        void insertAndCommit(List<Verification> rows) {
            entered.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            written.addAll(rows);
            wrote.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private HeldStore store;
    private ReceiptBatcher batcher;
    private ExecutorService callers;

    @BeforeEach
    void batcherWithRoomForTwo() {
        store = new HeldStore();
        batcher = new ReceiptBatcher(2);
        batcher.store = store;
        batcher.metrics = metrics;
        callers = Executors.newFixedThreadPool(5);
    }

    @AfterEach
    void stop() {
        store.release.countDown();
        batcher.onStop(null);
        callers.shutdownNow();
    }

    private static Verification row(String purpose) {
        Verification v = new Verification();
        v.id = UUID.randomUUID();
        v.unitCode = "KELSZWZX";
        v.verifier = "window-1";
        v.purpose = purpose;
        v.indication = Indication.TOTAL_FAILED;
        v.subIndication = SubIndication.FORMAT_FAILURE;
        v.verifiedAt = Instant.now();
        return v;
    }

    private static void assertBusy(ApiException e) {
        assertEquals(ProblemType.UNAVAILABLE, e.type());
        assertEquals(503, e.type().status());
        assertEquals(Messages.RECEIPT_SIGNER_BUSY, e.getMessage());
        assertEquals("1", e.headers().get("Retry-After"));
    }

    /** Submits a verification and waits until the batcher holds it in its (held) write. */
    private Future<?> inHand(String purpose) throws InterruptedException {
        Future<?> f = callers.submit(() -> batcher.record(row(purpose), null, null));
        assertTrue(store.entered.await(10, TimeUnit.SECONDS), "the first write never started");
        return f;
    }

    /** Submits verifications and waits until they are all in the waiting line. */
    private List<Future<?>> waiting(String... purposes) throws InterruptedException {
        List<Future<?>> out = new ArrayList<>();
        for (String purpose : purposes) {
            out.add(callers.submit(() -> batcher.record(row(purpose), null, null)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batcher.waiting() < purposes.length && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(purposes.length, batcher.waiting());
        return out;
    }

    @Test
    void aFullLineIsRefusedAtOnceWith503AndTheWaitingAreStillAnswered() throws Exception {
        List<Future<?>> accepted = new ArrayList<>();
        accepted.add(inHand("first"));
        accepted.addAll(waiting("second", "third"));

        long started = System.nanoTime();
        ApiException refused = assertThrows(ApiException.class, () -> batcher.record(row("fourth"), null, null));
        assertBusy(refused);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 1_000, "a refusal must not wait");

        store.release.countDown();
        for (Future<?> f : accepted) {
            assertNull(f.get(10, TimeUnit.SECONDS)); // unsigned verdicts: answered, no receipt
        }
        assertEquals(List.of("first", "second", "third"), store.written.stream().map(v -> v.purpose).sorted().toList());
    }

    @Test
    void aStoppingBatcherRefusesNewWorkAnswersTheWaitingWith503AndFinishesTheBatchInHand() throws Exception {
        Future<?> inHand = inHand("in hand");
        Future<?> waiting = waiting("waiting").get(0);

        Future<?> stopped = callers.submit(() -> batcher.onStop(null));
        Exception e = assertThrows(Exception.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertBusy((ApiException) e.getCause());
        assertBusy(assertThrows(ApiException.class, () -> batcher.record(row("late"), null, null)));
        assertFalse(stopped.isDone(), "stopping waits for the batch in hand");

        store.release.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        // written before stopping returned (its caller's thread may be answered a moment later)
        assertEquals(List.of("in hand"), store.written.stream().map(v -> v.purpose).toList());
        assertNull(inHand.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aCallerThatGaveUpIsNeverLoggedAndOneWhoseRowIsBeingWrittenWaitsForIt() throws Exception {
        batcher.waitSeconds = 1;
        Future<?> beingWritten = inHand("being written");
        Future<?> gaveUp = waiting("gave up").get(0);
        Exception e = assertThrows(Exception.class, () -> gaveUp.get(10, TimeUnit.SECONDS));
        assertBusy((ApiException) e.getCause());
        assertFalse(beingWritten.isDone(), "taken into a batch: its caller waits for the write, not 503");

        store.release.countDown();
        assertNull(beingWritten.get(10, TimeUnit.SECONDS));
        Thread.sleep(300); // the batcher has since taken up the abandoned one (and must have dropped it)
        assertEquals(0, batcher.waiting());
        assertEquals(List.of("being written"), store.written.stream().map(v -> v.purpose).toList());
    }

    /** A caller on a thread of its own, so the test can interrupt it; its outcome and interrupt status. */
    private static final class InterruptibleCaller {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        volatile boolean interruptedAfterwards;
        final Thread thread;

        InterruptibleCaller(ReceiptBatcher batcher, String purpose) {
            thread = new Thread(() -> {
                try {
                    outcome.complete(String.valueOf(batcher.record(row(purpose), null, null)));
                } catch (RuntimeException e) {
                    outcome.complete(e);
                } finally {
                    interruptedAfterwards = Thread.currentThread().isInterrupted();
                }
            }, "caller " + purpose);
            thread.start();
        }

        Object awaitOutcome() throws Exception {
            Object o = outcome.get(10, TimeUnit.SECONDS);
            thread.join(10_000);
            return o;
        }
    }

    @Test
    void aCallerInterruptedWhileItsRowIsBeingWrittenIsAnsweredByThatWriteNot503() throws Exception {
        InterruptibleCaller caller = new InterruptibleCaller(batcher, "interrupted while written");
        assertTrue(store.entered.await(10, TimeUnit.SECONDS), "the write never started");
        caller.thread.interrupt();
        store.release.countDown();
        assertTrue(store.wrote.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("interrupted while written"), store.written.stream().map(v -> v.purpose).toList());
        // its row is logged, so it must not have been told "503, retry": it gets its write's outcome
        assertEquals("null", caller.awaitOutcome(), "an unsigned verdict, answered without a receipt");
        assertTrue(caller.interruptedAfterwards, "the interrupt is kept for the caller's thread");
    }

    @Test
    void aCallerInterruptedWhileWaitingInLineGets503AndIsNeverLogged() throws Exception {
        Future<?> inHand = inHand("in hand");
        InterruptibleCaller caller = new InterruptibleCaller(batcher, "interrupted in line");
        caller.thread.interrupt();
        assertBusy((ApiException) caller.awaitOutcome());
        assertTrue(caller.interruptedAfterwards);
        store.release.countDown();
        assertNull(inHand.get(10, TimeUnit.SECONDS));
        // one behind it in line is answered only after the batcher has passed (and dropped) the interrupted one
        assertNull(callers.submit(() -> batcher.record(row("after"), null, null)).get(10, TimeUnit.SECONDS));
        assertEquals(List.of("in hand", "after"), store.written.stream().map(v -> v.purpose).toList());
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Exception {
        batcher.onStop(null);
        batcher = new ReceiptBatcher(16);
        batcher.metrics = metrics;
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        batcher.store = new HeldStore() {
            @Override
            void insertAndCommit(List<Verification> rows) {
                attempts.add(rows.size());
                if (rows.stream().anyMatch(v -> v.purpose.equals("held"))) {
                    super.insertAndCommit(rows); // holds until released, so the next three form one batch
                    return;
                }
                if (rows.stream().anyMatch(v -> v.purpose.equals("refused"))) {
                    throw new IllegalStateException("refused by the database");
                }
                store.written.addAll(rows);
            }
        };
        HeldStore held = (HeldStore) batcher.store;
        Future<?> first = callers.submit(() -> batcher.record(row("held"), null, null));
        assertTrue(held.entered.await(10, TimeUnit.SECONDS));
        List<Future<?>> batch = waiting("a", "refused", "b");
        held.release.countDown();

        assertNull(first.get(10, TimeUnit.SECONDS));
        assertNull(batch.get(0).get(10, TimeUnit.SECONDS));
        Exception e = assertThrows(Exception.class, () -> batch.get(1).get(10, TimeUnit.SECONDS));
        assertEquals("refused by the database", e.getCause().getMessage());
        assertNull(batch.get(2).get(10, TimeUnit.SECONDS));
        assertEquals(List.of(1, 3, 1, 1, 1), attempts, "the batch of three, then each row on its own");
        assertEquals(List.of("a", "b"), store.written.stream().map(v -> v.purpose).sorted().toList());
    }
}
