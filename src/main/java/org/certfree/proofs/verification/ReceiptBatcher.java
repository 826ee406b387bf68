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
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.common.merkle.MerkleHash;
import org.certfree.proofs.common.merkle.MerkleTree;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.system.db.GroupCommit;
import org.certfree.proofs.system.db.GroupCommit.Entry;
import org.certfree.proofs.verification.dto.Receipt;
import org.jboss.logging.Logger;

/**
 * Signs verification receipts and records verifications in batches ("group commit"): one SM2-SM3
 * signature per issuing department over the RFC 9162 Merkle root of all receipt bodies waiting at
 * that moment, each receipt carrying its inclusion path to that signed root (see {@link Receipt}),
 * and one transaction for all their access-log rows.
 *
 * <p>The batching is a {@link GroupCommit} (its protocol — the bounded line, 503 for a caller not
 * taken, a taken caller answered only by its write — is written there once): its thread takes whatever
 * is queued, signs, writes, commits, answers, and takes the next lot. One verification alone is handled
 * at once (a batch of one, empty path); under load, signatures and commits per second stay near their
 * own rates however many verifications there are. A caller is answered only after the commit of its
 * row (a 2xx is durable). Each receipt is still the issuing
 * department's answer: changing a single byte of any body breaks its path to the signed root.
 *
 * <p>A verification made inside a transaction (an {@code Idempotency-Key} request, whose stored answer
 * must commit with the row; demo seeding) is only signed here; its row is inserted in that transaction.
 */
@ApplicationScoped
public class ReceiptBatcher {

    private static final Logger LOG = Logger.getLogger(ReceiptBatcher.class);

    /** {@code typ} of the batch head JWS. */
    public static final String BATCH_TYP = "certfree-receipt-batch+jws";

    /** Most verifications handled as one batch. */
    static final int MAX_BATCH = 1024;

    /** Verifications allowed to wait before new ones are refused with 503. */
    static final int QUEUE_CAPACITY = 16_384;

    /** Longest the batcher waits for company under load (never when it was idle). */
    static final long LINGER_MICROS = 300;

    /** Longest a caller waits for its verification to be taken into a batch (then it waits for the write). */
    static final long WAIT_SECONDS = 10;

    /** What the department signs: the batch head. */
    public record BatchHead(String typ, String issuer, int size, String root, Instant signedAt) {
    }

    /** One verification waiting for its batch. issuer and body are null for a verdict no department signs; write is
     * false when the caller writes the row. */
    private record Pending(Verification row, String issuer, byte[] body, boolean write) {
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

    private volatile DistributionSummary batchSizes;

    private final GroupCommit<Pending, Receipt> commits;

    /** How long a caller waits for its verification to be taken into a batch: {@link #WAIT_SECONDS}, shorter in tests. */
    long waitSeconds = WAIT_SECONDS;

    public ReceiptBatcher() {
        this(QUEUE_CAPACITY);
    }

    /** With room for {@code capacity} waiting verifications (tests fill a small one). */
    ReceiptBatcher(int capacity) {
        commits = new GroupCommit<>("receipt-batcher", capacity, MAX_BATCH, LINGER_MICROS, ReceiptBatcher::busy,
                this::handle, n -> sizes().record(n));
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
        Receipt receipt = commits.submit(new Pending(row, issuer, body, !inCallersTransaction), waitSeconds);
        if (inCallersTransaction) {
            store.insertInCurrentTransaction(List.of(row));
        }
        return receipt;
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

    private DistributionSummary sizes() {
        DistributionSummary sizes = batchSizes;
        if (sizes == null) {
            sizes = DistributionSummary.builder("certfree.verification.batch.size")
                    .description("Verifications per receipt batch (one signature per department, one commit)")
                    .register(metrics);
            batchSizes = sizes;
        }
        return sizes;
    }

    /**
     * New verifications are refused from now on, those waiting are answered 503 at once, and the
     * batch in hand is finished (signed, written, answered) before this returns.
     */
    void onStop(@Observes ShutdownEvent event) {
        commits.stop(waitSeconds);
    }

    /** Signs the receipts of the verifications taken (one signature per issuer), writes their rows, answers them. */
    private void handle(List<Entry<Pending, Receipt>> taken) {
        Map<String, List<Entry<Pending, Receipt>>> byIssuer = new LinkedHashMap<>();
        for (Entry<Pending, Receipt> p : taken) {
            if (p.item().body() != null) {
                byIssuer.computeIfAbsent(p.item().issuer(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<Entry<Pending, Receipt>, Receipt> receipts = new IdentityHashMap<>();
        byIssuer.forEach((issuer, pending) -> {
            try {
                List<Receipt> signed = signAll(issuer, pending.stream().map(p -> p.item().body()).toList());
                for (int i = 0; i < pending.size(); i++) {
                    receipts.put(pending.get(i), signed.get(i));
                    pending.get(i).item().row().receipt = json.writeValueAsString(signed.get(i));
                }
            } catch (RuntimeException | JsonProcessingException e) {
                LOG.errorf(e, "Signing a batch of %d receipts of %s failed", pending.size(), issuer);
                pending.forEach(p -> p.fail(e));
            }
        });
        List<Entry<Pending, Receipt>> toWrite = new ArrayList<>(taken.size());
        for (Entry<Pending, Receipt> p : taken) {
            if (!p.item().write()) {
                // its caller writes the row in its own transaction, which holds a connection:
                // answer it now, not after this batch's write needs one too
                p.complete(receipts.get(p));
            } else if (!p.isDone()) {
                toWrite.add(p);
            }
        }
        // in one statement; if that fails, each on its own, so a row the database refuses fails only its own
        // caller (500), not every verification that happened to share its batch
        GroupCommit.allOrEachAlone(toWrite, lot -> store.insertAndCommit(lot.stream().map(p -> p.item().row()).toList()));
        for (Entry<Pending, Receipt> p : toWrite) {
            p.complete(receipts.get(p)); // no-op for one that failed
        }
    }
}
