package org.certfree.proofs.proof;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.proof.IssuanceService.Document;
import org.certfree.proofs.proof.IssuedRecords.Origin;
import org.certfree.proofs.system.db.GroupCommit;
import org.certfree.proofs.system.db.GroupCommit.Entry;

/**
 * Group commit of single issuances: the documents of concurrent requests are numbered, signed and stored by one
 * thread through the bulk path ({@link IssuanceService#storeAll}: one status-slot claim, signatures on every core
 * past 8 documents, batched inserts with their audit rows) in one transaction, and each request is answered after
 * that commit — a 201 still means the proof is durable. One request alone is handled at once; under load, what
 * arrives while a lot is being stored forms the next, so a commit (and its WAL flush) serves many proofs, as a bulk
 * chunk does. The protocol (bounded line, 503 for a request not taken, each request answered by its own lot) is
 * {@link GroupCommit}'s, shared with the verification receipts.
 *
 * <p>If a lot fails, each of its documents is stored again alone, so a document the database or a rule refuses
 * (its department no longer an issuer, say) fails only its own request. A request with an {@code Idempotency-Key}
 * does not come here: its stored answer must commit with its proof, in its own transaction.
 */
@ApplicationScoped
class IssuanceBatcher {

    /** Most documents stored in one transaction (a bulk chunk is 250). */
    static final int MAX_LOT = 256;

    /** Documents allowed to wait before new requests are refused with 503. */
    static final int QUEUE_CAPACITY = 4096;

    /** Longest the thread waits for company under load (never when the last lot was alone). */
    static final long LINGER_MICROS = 300;

    /** Longest a request waits for its document to be taken into a lot (then it waits for the commit). */
    static final long WAIT_SECONDS = 10;

    /** A request's document and who asked for it. */
    record Pending(Document document, Origin origin) {
    }

    @Inject
    IssuanceService issuance;

    @Inject
    MeterRegistry metrics;

    private volatile DistributionSummary lotSizes;

    private final GroupCommit<Pending, Proof> commits = new GroupCommit<>("issuance-batcher", QUEUE_CAPACITY, MAX_LOT,
            LINGER_MICROS, IssuanceBatcher::busy, this::handle, n -> sizes().record(n));

    /** How long a request waits to be taken into a lot: {@link #WAIT_SECONDS}, shorter in tests. */
    long waitSeconds = WAIT_SECONDS;

    /** Stores {@code d} for {@code origin}: the proof once committed; 503 when overloaded. Blocks until then. */
    Proof issue(Document d, Origin origin) {
        return commits.submit(new Pending(d, origin), waitSeconds);
    }

    /** Requests waiting to be taken into a lot (tests). */
    int waiting() {
        return commits.waiting();
    }

    private void handle(List<Entry<Pending, Proof>> taken) {
        GroupCommit.allOrEachAlone(taken, lot -> {
            Map<Entry<Pending, Proof>, Proof> stored = QuarkusTransaction.requiringNew().call(() -> store(lot));
            stored.forEach(Entry::complete); // committed: a 201 is durable
        });
    }

    /** Stores the lot's documents in the current transaction, one {@link IssuanceService#storeAll} per department. */
    private Map<Entry<Pending, Proof>, Proof> store(List<Entry<Pending, Proof>> lot) {
        Map<String, List<Entry<Pending, Proof>>> byDepartment = new LinkedHashMap<>();
        for (Entry<Pending, Proof> e : lot) {
            byDepartment.computeIfAbsent(e.item().document().department(), k -> new ArrayList<>()).add(e);
        }
        Map<Entry<Pending, Proof>, Proof> stored = new IdentityHashMap<>();
        byDepartment.forEach((department, entries) -> {
            List<Proof> proofs = issuance.storeAll(department, entries.stream().map(e -> e.item().document()).toList(), null,
                    entries.stream().map(e -> e.item().origin()).toList());
            for (int i = 0; i < entries.size(); i++) {
                stored.put(entries.get(i), proofs.get(i));
            }
        });
        return stored;
    }

    private DistributionSummary sizes() {
        DistributionSummary sizes = lotSizes;
        if (sizes == null) {
            sizes = DistributionSummary.builder("certfree.issuance.batch.size")
                    .description("Single issuances stored per transaction (group commit)")
                    .register(metrics);
            lotSizes = sizes;
        }
        return sizes;
    }

    private static ApiException busy() {
        return new ApiException(ProblemType.UNAVAILABLE, Messages.ISSUANCE_BUSY).withHeader("Retry-After", "1");
    }

    /** New requests are refused from now on, those waiting answered 503, and the lot in hand is finished. */
    void onStop(@Observes ShutdownEvent event) {
        commits.stop(waitSeconds);
    }
}
