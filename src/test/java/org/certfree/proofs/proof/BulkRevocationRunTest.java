package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk revocation as a durable run in chunks (V46, issue #16 item 3): a run interrupted between chunks leaves each
 * proof revoked with exactly its audit row and holder-log row, or untouched; the same request — by selection, or
 * by Idempotency-Key — finishes the run without a second row for any proof and publishes one status list; two
 * replicas resuming one run at once double nothing; only the department's issuers may resume it.
 */
@QuarkusTest
class BulkRevocationRunTest {

    private static final String NOTE = "依据测试州公安局〔2026〕2号通知撤销";
    private static final int PROOFS = 7;

    @Inject
    RevocationRunner runner;

    @Inject
    RevocationRunService runService;

    @Inject
    DataSource db;

    private String dept;
    private String matter;
    private String holder;
    private List<String> numbers;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        dept = "RR" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", dept, "name", "分块撤销测试局" + dept, "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "659900", "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        matter = Matters.retained(dept, 0);
        holder = Fixtures.randomResidentId();
        numbers = new ArrayList<>();
        for (int i = 0; i < PROOFS; i++) {
            numbers.add(given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType(ContentType.JSON)
                    .body(ProofResourceTest.issueBody(matter, holder)).post("/api/v1/proofs")
                    .then().statusCode(201).extract().path("number"));
        }
        runService.chunkSizeForTests(2); // 7 proofs: chunks 1–3 of two, chunk 4 of one
    }

    @AfterEach
    void hooksOff() {
        runner.beforeCommit(null);
        runService.chunkSizeForTests(null);
    }

    @Test
    void aCrashBetweenChunksLeavesWholeChunksAndTheSameRequestFinishesTheRun() {
        long lists = lists();
        runner.beforeCommit(seq -> {
            if (seq == 3) {
                throw new IllegalStateException("test: the service dies before chunk 3 commits");
            }
        });
        Map<String, Object> body = byMatter();
        revoke(Tokens.issuer(dept), body, null).statusCode(500);
        UUID run = onlyRun();
        List<String> open = strings("SELECT p.number FROM revocation_chunk c, unnest(c.proof_ids) i JOIN proof p ON p.id = i"
                + " WHERE c.run_id = ? AND c.done_at IS NULL", run);
        assertTrue(open.size() >= 2 && open.size() <= 3, "chunk 3 (and chunk 4 if no worker had claimed it yet) open: " + open);
        assertWholeOrUntouched(open);
        assertEquals(lists, lists(), "no status list for an unfinished run");
        assertEquals(0, count("SELECT count(*) FROM audit_event WHERE action = 'proofs.bulk-revoked' AND target_id = ?", run.toString()));

        runner.beforeCommit(null);
        JsonPath answer = revoke(Tokens.issuer(dept), body, null).statusCode(200).extract().jsonPath();
        assertEquals(run.toString(), answer.getString("id"), "the repeat finishes the first run");
        assertEquals(PROOFS, answer.getInt("revoked"));
        assertEquals(PROOFS, answer.getInt("matched"));
        assertWholeOrUntouched(List.of());
        assertEquals(PROOFS, count("SELECT count(*) FROM audit_event WHERE action = 'proof.revoked' AND department = ? AND details LIKE ?",
                dept, "%" + run + "%"));
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'proofs.bulk-revoked' AND target_id = ?", run.toString()));
        assertEquals(lists + 1, lists(), "one status list, published when the run is finished");
        assertEquals("DONE", strings("SELECT state FROM revocation_run WHERE id = ?", run).get(0));

        // once done, the same request is a new run that revokes nothing twice
        JsonPath again = revoke(Tokens.issuer(dept), body, null).statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("revoked"));
        assertEquals(PROOFS, again.getInt("alreadyRevoked"));
        assertWholeOrUntouched(List.of());
    }

    @Test
    void aKeyedRetryAfterACrashFinishesTheRunAndThenReplaysIt() {
        String key = "run-" + UUID.randomUUID();
        runner.beforeCommit(seq -> {
            if (seq == 2) {
                throw new IllegalStateException("test: the service dies before chunk 2 commits");
            }
        });
        Map<String, Object> body = byNumbers();
        revoke(Tokens.issuer(dept), body, key).statusCode(500);
        UUID run = onlyRun();
        assertWholeOrUntouched(strings("SELECT p.number FROM revocation_chunk c, unnest(c.proof_ids) i JOIN proof p ON p.id = i"
                + " WHERE c.run_id = ? AND c.done_at IS NULL", run));

        runner.beforeCommit(null);
        JsonPath answer = revoke(Tokens.issuer(dept), body, key).statusCode(200).extract().jsonPath();
        assertEquals(run.toString(), answer.getString("id"));
        assertEquals(PROOFS, answer.getInt("revoked"));
        assertEquals(PROOFS, answer.getInt("listed"));
        assertEquals(0, answer.getInt("notFound"));
        assertEquals(run.toString(), revoke(Tokens.issuer(dept), body, key).statusCode(200).header("Idempotent-Replayed", "true")
                .extract().jsonPath().getString("id"));
        assertWholeOrUntouched(List.of());
        assertEquals(1, count("SELECT count(*) FROM revocation_run WHERE department = ?", dept));
    }

    /**
     * Two replicas on one database take up the same unfinished run at once (here: two requests at once, each with its
     * own workers and connections, as two replicas have): chunks are claimed FOR UPDATE SKIP LOCKED, the one that
     * finds no chunk left waits for the other's commits, and the run is finished once.
     */
    @Test
    void twoReplicasResumingOneRunDoubleNothing() throws Exception {
        long lists = lists();
        runner.beforeCommit(seq -> {
            throw new IllegalStateException("test: the service dies before chunk " + seq + " commits");
        });
        Map<String, Object> body = byMatter();
        revoke(Tokens.issuer(dept), body, null).statusCode(500);
        UUID run = onlyRun();
        assertEquals(PROOFS, count("SELECT count(*) FROM proof WHERE issuer_dept = ? AND status = 'VALID'", dept));

        // three chunks in flight at once: a request has two workers, so both requests have joined the run
        CountDownLatch both = new CountDownLatch(3);
        runner.beforeCommit(seq -> {
            both.countDown();
            try {
                both.await(10, TimeUnit.SECONDS);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<JsonPath> a = CompletableFuture.supplyAsync(() -> revoke(Tokens.issuer(dept), body, null)
                .statusCode(200).extract().jsonPath());
        CompletableFuture<JsonPath> b = CompletableFuture.supplyAsync(() -> revoke(Tokens.issuer(dept), body, null)
                .statusCode(200).extract().jsonPath());
        for (JsonPath answer : List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS))) {
            assertEquals(run.toString(), answer.getString("id"));
            assertEquals(PROOFS, answer.getInt("revoked"));
        }
        assertWholeOrUntouched(List.of());
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'proofs.bulk-revoked' AND target_id = ?", run.toString()));
        assertEquals(lists + 1, lists());
    }

    /** Resuming is revoking: another department's issuer, a verifier or a citizen repeating the request changes nothing. */
    @Test
    void onlyTheDepartmentsIssuersResumeARun() {
        runner.beforeCommit(seq -> {
            throw new IllegalStateException("test: the service dies before chunk " + seq + " commits");
        });
        Map<String, Object> body = byNumbers();
        revoke(Tokens.issuer(dept), body, null).statusCode(500);
        runner.beforeCommit(null);
        revoke(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), body, null).statusCode(403);
        revoke(Tokens.verifier(Fixtures.WINDOW), body, null).statusCode(403);
        revoke(Tokens.citizen(holder), body, null).statusCode(403);
        assertEquals(PROOFS, count("SELECT count(*) FROM proof WHERE issuer_dept = ? AND status = 'VALID'", dept));
        // another issuer of the department may: the audit rows name who revoked
        JsonPath answer = revoke(Tokens.mint("ISSUER", dept, "issuer-colleague"), body, null).statusCode(200).extract().jsonPath();
        assertEquals(PROOFS, answer.getInt("revoked"));
        assertEquals(PROOFS, count("SELECT count(*) FROM audit_event WHERE action = 'proof.revoked' AND department = ? AND actor = ?",
                dept, "issuer-colleague"));
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> byMatter() {
        return Map.of("matter", Map.of("code", matter, "issuedFrom", "2020-01-01", "issuedTo", "2099-12-31"),
                "reason", "DATA_CHANGED", "note", NOTE);
    }

    private Map<String, Object> byNumbers() {
        return Map.of("numbers", numbers, "reason", "ISSUED_IN_ERROR", "note", NOTE);
    }

    private static ValidatableResponse revoke(String token, Map<String, Object> body, String key) {
        var request = given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(new HashMap<>(body));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/revocations").then();
    }

    /** Every proof of the department but {@code untouched} is REVOKED with one audit row and one holder-log row; those are VALID with none. */
    private void assertWholeOrUntouched(List<String> untouched) {
        for (String number : numbers) {
            boolean revoked = !untouched.contains(number);
            assertEquals(revoked ? "REVOKED" : "VALID", strings("SELECT status FROM proof WHERE number = ?", number).get(0), number);
            assertEquals(revoked ? 1 : 0, count("SELECT count(*) FROM audit_event WHERE action = 'proof.revoked' AND target_id = ?",
                    number), number);
            assertEquals(revoked ? 1 : 0, count("SELECT count(*) FROM holder_access WHERE kind = 'PROOF_REVOKED' AND proof_number = ?",
                    number), number);
        }
    }

    private UUID onlyRun() {
        List<String> runs = strings("SELECT id::text FROM revocation_run WHERE department = ?", dept);
        assertEquals(1, runs.size(), runs.toString());
        return UUID.fromString(runs.get(0));
    }

    private long lists() {
        return count("SELECT count(*) FROM status_list_publication WHERE issuer_dept = ?", dept);
    }

    private long count(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> strings(String sql, Object... params) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
