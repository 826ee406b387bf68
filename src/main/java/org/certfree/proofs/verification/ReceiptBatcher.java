package org.certfree.proofs.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.common.merkle.MerkleHash;
import org.certfree.proofs.common.merkle.MerkleTree;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.verification.dto.Receipt;
import org.jboss.logging.Logger;

/**
 * Signs verification receipts and records verifications in batches ("group commit"): one SM2-SM3
 * signature per issuing department over the RFC 9162 Merkle root of all receipt bodies waiting at
 * that moment, each receipt carrying its inclusion path to that signed root (see {@link Receipt}),
 * and one transaction for all their access-log rows.
 *
 * <p>A single thread takes whatever is queued, signs, writes, commits, answers, and takes the next
 * lot. Nothing waits for a batch to fill: one verification alone is handled at once (a batch of one,
 * empty path); under load, what arrives while one batch is in hand forms the next, so signatures and
 * commits per second stay near their own rates however many verifications there are. A caller is
 * answered only after the commit of its row (a 2xx is durable). Each receipt is still the issuing
 * department's answer: changing a single byte of any body breaks its path to the signed root.
 *
 * <p>A verification made inside a transaction (an {@code Idempotency-Key} request, whose stored answer
 * must commit with the row; demo seeding) is only signed here; its row is inserted in that transaction.
 *
 * <p>One file on purpose: the batching thread and the hand-off to its callers are one protocol — who
 * answers whom, when a row is durable, what a caller told 503 may never see afterwards — and its
 * invariants are easier to check where they can be read together.
 */
@ApplicationScoped
public class ReceiptBatcher {

    private static final Logger LOG = Logger.getLogger(ReceiptBatcher.class);

    /** {@code typ} of the batch head JWS. */
    public static final String BATCH_TYP = "certfree-receipt-batch+jws";

    /** Longest a caller waits for the write of the batch its verification was taken into. */
    static final Duration WRITE_WAIT = Duration.ofSeconds(60);

    /** Most verifications handled as one batch. */
    static final int MAX_BATCH = 1024;

    /** Verifications allowed to wait before new ones are refused with 503. */
    static final int QUEUE_CAPACITY = 16_384;

    /** Longest the batcher waits for company under load (never when it was idle). */
    static final long LINGER_MICROS = 300;

    /** Longest a caller waits for its verification to be taken into a batch (then it waits for the write). */
    static final long WAIT_SECONDS = 10;

    /** How often an idle batcher looks whether it is asked to stop. */
    static final long IDLE_CHECK_MILLIS = 100;

    /** What the department signs: the batch head. */
    public record BatchHead(String typ, String issuer, int size, String root, Instant signedAt) {
    }

    /**
     * One verification waiting for its batch. issuer and body are null for a verdict no department
     * signs; write is false when the caller writes the row. {@code owner} decides, once, who has it:
     * the batcher taking it into a batch, or the caller giving up on it — so a caller told "503,
     * retry" is never logged as well, and a caller whose row is being written waits for that write.
     */
    private record Pending(Verification row, String issuer, byte[] body, boolean write, CompletableFuture<Receipt> done,
            AtomicBoolean owned) {

        Pending(Verification row, String issuer, byte[] body, boolean write) {
            this(row, issuer, body, write, new CompletableFuture<>(), new AtomicBoolean());
        }

        /** True for the first of the batcher and the caller to ask. */
        boolean own() {
            return owned.compareAndSet(false, true);
        }
    }

    @Inject
    Jws jws;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    VerificationStore store;

    @Inject
    MeterRegistry metrics;

    private DistributionSummary batchSizes;

    private final BlockingQueue<Pending> queue;

    /** How long a caller waits for its verification to be taken into a batch: {@link #WAIT_SECONDS}, shorter in tests. */
    long waitSeconds = WAIT_SECONDS;
    private volatile Thread worker;
    private volatile boolean stopping;

    public ReceiptBatcher() {
        this(QUEUE_CAPACITY);
    }

    /** With room for {@code capacity} waiting verifications (tests fill a small one). */
    ReceiptBatcher(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Signs {@code row}'s receipt over {@code body} (the canonical JSON of the receipt body) by
     * {@code issuer} — unless both are null — sets it on the row, and records the row: committed with
     * its batch before this returns, or, when the calling thread is in a transaction, inserted in that
     * transaction. Blocks until done.
     *
     * @return the receipt, or null when nothing was signed
     * @throws ApiException 503 when overloaded or stopping
     */
    public Receipt record(Verification row, String issuer, byte[] body) {
        boolean inCallersTransaction = QuarkusTransaction.isActive();
        ensureStarted();
        Pending p = new Pending(row, issuer, body, !inCallersTransaction);
        if (stopping || !queue.offer(p)) {
            throw busy();
        }
        if (stopping && queue.remove(p)) { // stopped while offering: the final drain may have missed it
            throw busy();
        }
        Receipt receipt = await(p);
        if (inCallersTransaction) {
            store.insertInCurrentTransaction(List.of(row));
        }
        return receipt;
    }

    /**
     * The outcome of {@code p}; 503 if the batcher has not taken it in time or the caller's thread is
     * interrupted before it was taken (then it never will be). Once taken, only its write's outcome is
     * answered, whether or not the thread is interrupted: a 503 then would tell the caller to retry a
     * verification that is logged all the same. Every path of {@link #handle} and {@link #run} completes
     * each verification taken; should a write hang in the database all the same, the caller gets a 500
     * after {@link #WRITE_WAIT} (outcome unknown), never a 503.
     */
    private Receipt await(Pending p) {
        boolean interrupted = false;
        try {
            try {
                return p.done().get(waitSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException | InterruptedException e) {
                interrupted = e instanceof InterruptedException;
                if (p.own()) {
                    throw busy(); // not taken: nothing is signed or written for it
                }
            }
            // taken into a batch that is being written: its commit decides what to answer
            long deadline = System.nanoTime() + WRITE_WAIT.toNanos();
            while (true) {
                try {
                    return p.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException e) {
                    throw new IllegalStateException("the write of a verification's batch did not end within " + WRITE_WAIT
                            + ": its outcome is unknown", e);
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One signature by {@code issuer} over the Merkle root of {@code bodies}; a receipt per body, in order. */
    List<Receipt> signAll(String issuer, List<byte[]> bodies) {
        List<byte[]> leaves = new ArrayList<>(bodies.size());
        for (byte[] body : bodies) {
            leaves.add(MerkleHash.leaf(body));
        }
        MerkleTree tree = MerkleTree.of(leaves);
        BatchHead head = new BatchHead("certfree-receipt-batch", issuer, bodies.size(), MerkleHash.toHex(tree.rootHash()),
                clock.instant());
        String signed = jws.signCompact(issuer, KeyAlgorithm.SM2_SM3, CanonicalJson.canonicalize(head, json), BATCH_TYP);
        List<Receipt> out = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            List<String> path = tree.inclusionProof(i, bodies.size()).stream().map(MerkleHash::toHex).toList();
            out.add(new Receipt(Receipt.encode(bodies.get(i)), i, path, signed));
        }
        return out;
    }

    private static ApiException busy() {
        return new ApiException(ProblemType.UNAVAILABLE, Messages.RECEIPT_SIGNER_BUSY).withHeader("Retry-After", "1");
    }

    private void ensureStarted() {
        Thread t = worker;
        if (t == null || !t.isAlive()) {
            synchronized (this) {
                if ((worker == null || !worker.isAlive()) && !stopping) {
                    if (batchSizes == null) {
                        batchSizes = DistributionSummary.builder("certfree.verification.batch.size")
                                .description("Verifications per receipt batch (one signature per department, one commit)")
                                .register(metrics);
                    }
                    Thread started = new Thread(this::run, "receipt-batcher");
                    started.setDaemon(true);
                    started.start();
                    worker = started;
                }
            }
        }
    }

    /**
     * New verifications are refused from now on, those waiting are answered 503 at once, and the
     * batch in hand is finished (signed, written, answered) before this returns.
     */
    void onStop(@Observes ShutdownEvent event) {
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
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(busy()));
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        int last = 0;
        while (!stopping) {
            try {
                Pending first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (last > 1 && batch.size() < last) {
                    // under load (the last batch had company): give the verifications already on their
                    // way a moment to join, one signature and one commit fewer for each that does
                    Pending more = queue.poll(LINGER_MICROS, TimeUnit.MICROSECONDS);
                    if (more != null) {
                        batch.add(more);
                        queue.drainTo(batch, MAX_BATCH - batch.size());
                    }
                }
                last = batch.size();
                batchSizes.record(last);
                handle(batch);
            } catch (InterruptedException e) {
                batch.forEach(p -> p.done().completeExceptionally(busy()));
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) { // an Error too: this thread must live on, and nobody may wait in vain
                LOG.errorf(e, "A batch of %d verifications failed", batch.size());
                RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                batch.forEach(p -> p.done().completeExceptionally(failure));
            }
            batch.clear();
        }
        refuseWaiting();
    }

    private void handle(List<Pending> batch) {
        Map<String, List<Pending>> byIssuer = new LinkedHashMap<>();
        List<Pending> taken = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (!p.own()) {
                continue; // its caller gave up (and answered 503): not signed, not written
            }
            taken.add(p);
            if (p.body() != null) {
                byIssuer.computeIfAbsent(p.issuer(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<Pending, Receipt> receipts = new IdentityHashMap<>();
        byIssuer.forEach((issuer, pending) -> {
            try {
                List<Receipt> signed = signAll(issuer, pending.stream().map(Pending::body).toList());
                for (int i = 0; i < pending.size(); i++) {
                    receipts.put(pending.get(i), signed.get(i));
                    pending.get(i).row().receipt = json.writeValueAsString(signed.get(i));
                }
            } catch (RuntimeException | JsonProcessingException e) {
                LOG.errorf(e, "Signing a batch of %d receipts of %s failed", pending.size(), issuer);
                pending.forEach(p -> p.done().completeExceptionally(e));
            }
        });
        List<Pending> toWrite = new ArrayList<>(taken.size());
        for (Pending p : taken) {
            if (!p.write()) {
                // its caller writes the row in its own transaction, which holds a connection:
                // answer it now, not after this batch's write needs one too
                p.done().complete(receipts.get(p));
            } else if (!p.done().isDone()) {
                toWrite.add(p);
            }
        }
        write(toWrite);
        for (Pending p : toWrite) {
            p.done().complete(receipts.get(p));
        }
    }

    /**
     * Writes the rows in one statement; if that fails, each on its own, so a row the database refuses
     * fails only its own caller (500), not every verification that happened to share its batch.
     */
    private void write(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            store.insertAndCommit(pending.stream().map(Pending::row).toList());
            return;
        } catch (RuntimeException e) {
            if (pending.size() == 1) {
                LOG.errorf(e, "Recording a verification failed");
                pending.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.warnf(e, "Recording a batch of %d verifications failed; recording them one by one", pending.size());
        }
        for (Pending p : pending) {
            try {
                store.insertAndCommit(List.of(p.row()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Recording verification %s failed", p.row().id);
                p.done().completeExceptionally(e);
            }
        }
    }
}
