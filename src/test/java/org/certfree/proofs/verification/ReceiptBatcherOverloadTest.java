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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certfree.proofs.system.error.ApiException;
import org.certfree.proofs.system.error.Messages;
import org.certfree.proofs.system.error.ProblemType;
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
        callers = Executors.newFixedThreadPool(3);
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
    void aStoppingBatcherRefusesNewWorkAndAnswersTheWaitingWith503() throws Exception {
        Future<?> inHand = inHand("in hand");
        Future<?> waiting = waiting("waiting").get(0);

        batcher.onStop(null);
        assertBusy(assertThrows(ApiException.class, () -> batcher.record(row("late"), null, null)));
        Exception e = assertThrows(Exception.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertBusy((ApiException) e.getCause());
        store.release.countDown();
        inHand.get(10, TimeUnit.SECONDS); // the batch in hand still finishes and is recorded
        assertEquals(List.of("in hand"), store.written.stream().map(v -> v.purpose).toList());
        assertFalse(store.written.stream().anyMatch(v -> v.purpose.equals("late")));
    }
}
