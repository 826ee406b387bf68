package org.certfree.proofs.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.verification.dto.Receipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When verifications arrive faster than receipts can be signed and logged, the waiting line is
 * bounded: beyond it a caller gets 503 with {@code Retry-After} at once (nothing logged), and the
 * ones already waiting are still answered. A caller told 503 is never logged; one whose row is being
 * written is answered by that write. A batcher that is stopping refuses new work and answers whatever
 * was waiting with the same 503.
 *
 * <p>Only what a caller and the database see is asserted: each caller's answer and the rows written.
 * Each test runs its own batcher, with a small line, against a stand-in for the database that holds
 * the first write until the test releases it, so "while a batch is being written" is a state the test
 * is sure of. Nothing sleeps: the test waits on latches and on the callers' answers; "the line is
 * full" is known when one caller more than it holds is refused.
 */
@QuarkusTest
class ReceiptBatcherOverloadTest {

    /**
     * Stands for the database: holds every write until {@link #release} opens (and, like a JDBC write
     * under way, is not cut short by an interrupt), refuses a write holding a row whose purpose is in
     * {@link #refusing} — all or none, as one statement — and keeps the rows it wrote.
     */
    static class HeldStore extends VerificationStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch wrote = new CountDownLatch(1);
        final Set<String> refusing = ConcurrentHashMap.newKeySet();
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
            try {
                if (rows.stream().anyMatch(v -> refusing.contains(v.purpose))) {
                    throw new IllegalStateException("refused by the database");
                }
                written.addAll(rows);
                wrote.countDown();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        List<String> purposes() {
            return written.stream().map(v -> v.purpose).toList();
        }
    }

    /** What a caller was told: its receipt (null for an unsigned verdict), or what it was refused with. */
    record Answer(String purpose, Receipt receipt, RuntimeException refusal) {

        boolean answered() {
            return refusal == null;
        }
    }

    /** A verification on a thread of its own (so the test can interrupt it), and its answer. */
    final class Caller {
        final String purpose;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        final Thread thread;
        volatile boolean interruptedAfterwards;

        Caller(String purpose) {
            this.purpose = purpose;
            ReceiptBatcher to = batcher;
            thread = new Thread(() -> {
                try {
                    answer.complete(new Answer(purpose, to.record(row(purpose), null, null), null));
                } catch (RuntimeException e) {
                    answer.complete(new Answer(purpose, null, e));
                } finally {
                    interruptedAfterwards = Thread.currentThread().isInterrupted();
                }
            }, "caller " + purpose);
            started.add(thread);
            thread.start();
        }

        Answer answer() throws Exception {
            Answer a = answer.get(10, TimeUnit.SECONDS);
            thread.join(TimeUnit.SECONDS.toMillis(10));
            return a;
        }
    }

    private HeldStore store;
    private ReceiptBatcher batcher;
    private final List<Thread> started = new CopyOnWriteArrayList<>();

    @BeforeEach
    void batcherWithRoomForTwo() {
        batcherWithRoomFor(2);
    }

    private void batcherWithRoomFor(int capacity) {
        store = new HeldStore();
        batcher = new ReceiptBatcher(capacity);
        batcher.store = store;
        batcher.metrics = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() throws InterruptedException {
        store.release.countDown();
        batcher.onStop(null);
        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
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

    private static void assertBusy(RuntimeException e) {
        ApiException busy = (ApiException) e;
        assertEquals(ProblemType.UNAVAILABLE, busy.type());
        assertEquals(503, busy.type().status());
        assertEquals(Messages.RECEIPT_SIGNER_BUSY, busy.getMessage());
        assertEquals("1", busy.headers().get("Retry-After"));
    }

    /** A verification the batcher has taken and holds in its (held) write. */
    private Caller inHand(String purpose) throws InterruptedException {
        Caller c = new Caller(purpose);
        assertTrue(store.entered.await(10, TimeUnit.SECONDS), "the first write never started");
        return c;
    }

    /**
     * While the write is held, only a refused caller can be answered (the others wait at least
     * {@code waitSeconds}): the first answer among {@code callers} is the refusal of the one that
     * found the line full. Returns it; the others are then all in the line.
     */
    private Caller refusedAtOnce(List<Caller> callers) throws Exception {
        CompletableFuture.anyOf(callers.stream().map(c -> c.answer).toArray(CompletableFuture[]::new))
                .get(10, TimeUnit.SECONDS);
        List<Caller> done = callers.stream().filter(c -> c.answer.isDone()).toList();
        assertEquals(1, done.size(), "exactly one caller more than the line holds is refused");
        assertBusy(done.get(0).answer().refusal());
        return done.get(0);
    }

    @Test
    void aFullLineIsRefusedAtOnceWith503AndTheWaitingAreStillAnswered() throws Exception {
        batcher.waitSeconds = 60; // a caller in the line cannot give up while the test looks
        Caller first = inHand("first");
        List<Caller> arriving = List.of(new Caller("a"), new Caller("b"), new Caller("c"));
        Caller refused = refusedAtOnce(arriving);

        store.release.countDown();
        List<String> answered = new ArrayList<>(List.of(first.purpose));
        for (Caller c : arriving) {
            if (c != refused) {
                Answer a = c.answer();
                assertTrue(a.answered(), () -> c.purpose + ": " + a.refusal());
                assertNull(a.receipt()); // an unsigned verdict has no receipt
                answered.add(c.purpose);
            }
        }
        assertTrue(first.answer().answered());
        assertEquals(answered.stream().sorted().toList(), store.purposes().stream().sorted().toList(),
                "exactly the answered verifications are logged, the refused one is not");
    }

    @Test
    void aStoppingBatcherRefusesNewWorkAnswersTheWaitingWith503AndFinishesTheBatchInHand() throws Exception {
        Caller inHand = inHand("in hand");
        Caller waiting = new Caller("waiting");
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> batcher.onStop(null));

        // waiting in the line when stopping began, or arriving just after: 503 either way, at once
        assertBusy(waiting.answer().refusal());
        assertBusy(assertThrows(ApiException.class, () -> batcher.record(row("late"), null, null)));
        assertFalse(stopped.isDone(), "stopping waits for the batch in hand");

        store.release.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        // written before stopping returned (its caller's thread may be answered a moment later)
        assertEquals(List.of("in hand"), store.purposes());
        assertTrue(inHand.answer().answered());
    }

    @Test
    void aCallerThatGaveUpIsNeverLoggedAndOneWhoseRowIsBeingWrittenWaitsForIt() throws Exception {
        batcher.waitSeconds = 1;
        Caller beingWritten = inHand("being written");
        Caller gaveUp = new Caller("gave up");
        assertBusy(gaveUp.answer().refusal()); // not taken within a second: 503, nothing logged
        assertFalse(beingWritten.answer.isDone(), "taken into a batch: its caller waits for the write, not 503");

        store.release.countDown();
        assertTrue(beingWritten.answer().answered());
        // one arriving now is behind the abandoned one: when it is answered, the batcher has passed that one
        assertTrue(new Caller("after").answer().answered());
        assertEquals(List.of("being written", "after"), store.purposes());
    }

    @Test
    void aCallerInterruptedWhileItsRowIsBeingWrittenIsAnsweredByThatWriteNot503() throws Exception {
        Caller caller = inHand("interrupted while written");
        caller.thread.interrupt();
        store.release.countDown();
        assertTrue(store.wrote.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("interrupted while written"), store.purposes());
        // its row is logged, so it must not have been told "503, retry": it gets its write's outcome
        Answer answer = caller.answer();
        assertTrue(answer.answered(), () -> "told " + answer.refusal() + " although its verification is logged");
        assertTrue(caller.interruptedAfterwards, "the interrupt is kept for the caller's thread");
    }

    @Test
    void aCallerInterruptedWhileWaitingInLineGets503AndIsNeverLogged() throws Exception {
        Caller inHand = inHand("in hand");
        Caller caller = new Caller("interrupted in line");
        caller.thread.interrupt();
        assertBusy(caller.answer().refusal());
        assertTrue(caller.interruptedAfterwards);

        store.release.countDown();
        assertTrue(inHand.answer().answered());
        // one arriving now is behind the interrupted one: when it is answered, the batcher has passed that one
        assertTrue(new Caller("after").answer().answered());
        assertEquals(List.of("in hand", "after"), store.purposes());
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnCallerNotTheOthersInItsBatch() throws Exception {
        batcher.onStop(null);
        batcherWithRoomFor(3);
        batcher.waitSeconds = 60;
        Caller held = inHand("held");
        List<Caller> arriving = List.of(new Caller("a"), new Caller("b"), new Caller("c"), new Caller("d"));
        Caller full = refusedAtOnce(arriving);
        List<Caller> inLine = arriving.stream().filter(c -> c != full).toList();
        // the three in the line are taken together once the write is released: one of them the database refuses
        String refusedByTheDatabase = inLine.get(1).purpose;
        store.refusing.add(refusedByTheDatabase);

        store.release.countDown();
        assertTrue(held.answer().answered());
        List<String> answered = new ArrayList<>(List.of("held"));
        for (Caller c : inLine) {
            Answer a = c.answer();
            if (c.purpose.equals(refusedByTheDatabase)) {
                assertEquals("refused by the database", a.refusal().getMessage());
            } else {
                assertTrue(a.answered(), () -> c.purpose + ": " + a.refusal());
                answered.add(c.purpose);
            }
        }
        assertEquals(answered.stream().sorted().toList(), store.purposes().stream().sorted().toList());
        // they did share a batch: the published batch sizes are the one held, then the three
        DistributionSummary sizes = batcher.metrics.get("certfree.verification.batch.size").summary();
        assertEquals(2, sizes.count());
        assertEquals(3.0, sizes.max());
    }
}
