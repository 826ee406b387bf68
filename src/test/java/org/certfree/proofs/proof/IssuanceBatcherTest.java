package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.certfree.proofs.proof.IssuanceService.Document;
import org.certfree.proofs.proof.IssuedRecords.Origin;
import org.certfree.proofs.testsupport.Batches;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit of single issuances ({@link IssuanceBatcher}): concurrent requests share transactions, yet a
 * 201 means the proof, and its audit row, are committed when it is answered; a document refused in a lot fails
 * only its own request; a request with an Idempotency-Key is answered the same proof however often it is sent.
 */
@QuarkusTest
class IssuanceBatcherTest {

    @Inject
    DataSource dataSource;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
    }

    private Response issue(String requestId, String key, Map<String, Object> body) {
        var request = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .header("X-Request-Id", requestId).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/proofs");
    }

    @Test
    void concurrentIssuancesAreEachCommittedWithTheirAuditRowWhenAnswered() throws Exception {
        int n = 24;
        ExecutorService callers = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String requestId = "batch-test-" + UUID.randomUUID();
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        Response r = issue(requestId, null, ProofResourceTest.issueBody(matter, Fixtures.randomResidentId()));
                        assertEquals(201, r.statusCode(), r.asString());
                        String number = r.path("number");
                        // read at once, on another connection: what a 201 answered is committed
                        assertEquals("1", query("SELECT count(*)::text FROM proof WHERE number = ?", number));
                        assertEquals(requestId + " " + Fixtures.GOOD_ISSUER, query("""
                                SELECT correlation_id || ' ' || actor_department FROM audit_event
                                WHERE action = 'proof.issued' AND target_id = ?""", number));
                        return number;
                    } catch (InterruptedException | SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, callers));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (CompletableFuture<String> a : answers) {
                numbers.add(a.get(60, TimeUnit.SECONDS));
            }
            assertEquals(n, numbers.stream().distinct().count());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameProofAndNoSecond() throws Exception {
        String key = "batch-" + UUID.randomUUID();
        Map<String, Object> body = ProofResourceTest.issueBody(matter, Fixtures.randomResidentId());
        List<CompletableFuture<Response>> tries = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            tries.add(CompletableFuture.supplyAsync(() -> issue("retry-" + UUID.randomUUID(), key, body), callers));
        }
        callers.shutdown();
        List<String> numbers = new ArrayList<>();
        for (CompletableFuture<Response> t : tries) {
            Response r = t.get(60, TimeUnit.SECONDS);
            assertEquals(201, r.statusCode(), r.asString());
            numbers.add(r.path("number"));
        }
        assertEquals(1, numbers.stream().distinct().count(), numbers.toString());
        assertEquals("1", query("SELECT count(*)::text FROM proof WHERE number = ?", numbers.get(0)));
    }

    /**
     * The current retained list's answer is cached for issuance (PublishedLists) until the next publication: a
     * matter removed by a published batch is refused (422) at once, not after a while.
     */
    @Test
    void aMatterRemovedFromTheRetainedListIsRefusedAtOnce() {
        String removed = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Map<String, Object> body = ProofResourceTest.issueBody(removed, Fixtures.randomResidentId());
        assertEquals(201, issue("cached-" + UUID.randomUUID(), null, body).statusCode()); // now cached as retained
        given().header("Authorization", Tokens.bearer(Tokens.listEditor(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "已通过数据共享核查，申请移出"))
                .post("/api/v1/matters/" + removed + "/removal-requests").then().statusCode(201);
        Matters.submitAndApprove(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, removed, 2);
        long batch = Batches.create();
        given().header("Authorization", Batches.reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", removed))
                .post("/api/v1/publication-batches/" + batch + "/entries").then().statusCode(201);
        Batches.publish(batch);
        Response refused = issue("removed-" + UUID.randomUUID(), null, body);
        assertEquals(422, refused.statusCode(), refused.asString());
    }

    /**
     * Stands for the store: holds the first lot until released, so the next requests queue and are taken as one
     * lot; refuses any lot holding a document whose purpose is "refused"; records the lots it was given.
     */
    static class HeldIssuance extends IssuanceService {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<List<String>> lots = new CopyOnWriteArrayList<>();

        @Override
        List<Proof> storeAll(String department, List<Document> docs, Function<String, Map<String, Object>> pledge,
                List<Origin> origins) {
            entered.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            List<String> purposes = docs.stream().map(Document::purpose).toList();
            lots.add(purposes);
            if (purposes.contains("refused")) {
                throw new IllegalStateException("refused by the database");
            }
            return purposes.stream().map(p -> {
                Proof proof = new Proof();
                proof.number = p;
                return proof;
            }).toList();
        }
    }

    private static Document document(String purpose) {
        Instant now = Instant.now();
        return new Document(DocumentKind.PROOF, "M", 1, "事项", Fixtures.GOOD_ISSUER, null, Map.of(), purpose,
                now.plusSeconds(3600), null, null, "issuer-1", now);
    }

    @Test
    void aDocumentRefusedInALotFailsOnlyItsOwnRequest() throws Exception {
        HeldIssuance store = new HeldIssuance();
        IssuanceBatcher batcher = new IssuanceBatcher();
        batcher.issuance = store;
        batcher.metrics = new SimpleMeterRegistry();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<Proof> first = CompletableFuture.supplyAsync(() -> batcher.issue(document("first"), Origin.REQUEST),
                    callers);
            assertTrue(store.entered.await(10, TimeUnit.SECONDS));
            List<CompletableFuture<Proof>> queued = new ArrayList<>();
            for (String p : List.of("a", "refused", "b")) {
                queued.add(CompletableFuture.supplyAsync(() -> batcher.issue(document(p), Origin.REQUEST), callers));
                // in this order in the line, all three waiting before the held lot is released: taken as one lot
                while (batcher.waiting() < queued.size()) {
                    Thread.sleep(5);
                }
            }
            store.release.countDown();
            assertEquals("first", first.get(10, TimeUnit.SECONDS).number);
            assertEquals("a", queued.get(0).get(10, TimeUnit.SECONDS).number);
            assertEquals("b", queued.get(2).get(10, TimeUnit.SECONDS).number);
            Throwable refused = queued.get(1).handle((p, e) -> e).get(10, TimeUnit.SECONDS);
            assertNotNull(refused);
            assertEquals("refused by the database", refused.getCause().getMessage());
            // the lot of three failed as a whole, then each was stored alone
            assertEquals(List.of(List.of("first"), List.of("a", "refused", "b"), List.of("a"), List.of("refused"), List.of("b")),
                    store.lots);
        } finally {
            store.release.countDown();
            batcher.onStop(null);
            callers.shutdownNow();
        }
    }

    private String query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
