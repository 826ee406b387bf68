package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk issuance jobs end to end: every item issued as a single issuance would be, per-item errors, whole-job refusals,
 * idempotency per job and per itemId, resume after a crash with exact counts, cancelling, and who may do what.
 */
@QuarkusTest
class IssuanceJobTest {

    static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IssuanceJobWorker worker;

    @Inject
    IssuanceJobChunks chunks;

    @Inject
    DataSource db;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
    }

    // ------------------------------------------------------------------ helpers

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> item(String itemId, String matter, String subjectId, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", itemId);
        m.put("matterCode", matter);
        m.put("subject", Map.of("kind", "PERSON", "name", name, "id", subjectId));
        m.put("claims", Map.of("户籍地址", "新疆库尔勒市人民东路 1 号", "户主关系", "户主"));
        m.put("purpose", "办理入学");
        return m;
    }

    static String ndjson(List<Map<String, Object>> items) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> i : items) {
            try {
                b.append(JSON.writeValueAsString(i)).append('\n');
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return b.toString();
    }

    private static ExtractableResponse<Response> submit(String token, String body, String key) {
        var spec = given().header("Authorization", Tokens.bearer(token)).contentType(NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/v1/issuance-jobs").then().extract();
    }

    private static String submitted(String body) {
        ExtractableResponse<Response> r = submit(Tokens.issuer(Fixtures.GOOD_ISSUER), body, null);
        assertEquals(202, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/api/v1/issuance-jobs/" + r.path("id")));
        return r.path("id");
    }

    private static Map<String, Object> job(String id) {
        return given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .get("/api/v1/issuance-jobs/" + id).then().statusCode(200).extract().as(Map.class);
    }

    private static Map<String, Object> finished(String id) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Map<String, Object> j = job(id);
            if ("DONE".equals(j.get("status")) || "CANCELLED".equals(j.get("status"))) {
                return j;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " not finished: " + j);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> results(String id, String query) {
        String body = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .get("/api/v1/issuance-jobs/" + id + "/results" + (query == null ? "" : "?" + query))
                .then().statusCode(200).contentType(containsString(NDJSON)).extract().asString();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readValue(line, Map.class));
                } catch (Exception e) {
                    throw new IllegalStateException(line, e);
                }
            }
        }
        return out;
    }

    /** A resident ID whose check character is wrong. */
    private static String badResidentId() {
        String good = Fixtures.randomResidentId();
        return good.substring(0, 17) + (good.endsWith("0") ? "1" : "0");
    }

    private long count(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long proofsOfJob(String id) throws Exception {
        return count("SELECT count(*) FROM proof WHERE number IN (SELECT proof_number FROM issuance_job_item WHERE job_id = ?)",
                UUID.fromString(id));
    }

    private long auditRowsOfJob(String id) throws Exception {
        return count("SELECT count(*) FROM audit_event WHERE action = 'proof.issued' AND details LIKE ?", "%\"job\":\"" + id + "\"%");
    }

    // ------------------------------------------------------------------ tests

    @Test
    @SuppressWarnings("unchecked")
    void severalHundredItemsAreIssuedEachLikeASingleIssuance() throws Exception {
        String r = run();
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, String> idOf = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String subject = Fixtures.randomResidentId();
            idOf.put(r + "-" + i, subject);
            items.add(item(r + "-" + i, matter, subject, "张" + (char) ('一' + i % 20)));
        }
        String id = submitted(ndjson(items));
        Map<String, Object> job = finished(id);
        assertEquals("DONE", job.get("status"));
        assertEquals(300, job.get("total"));
        assertEquals(300, job.get("issued"));
        assertEquals(0, job.get("failed"));
        assertEquals("300/300", job.get("progress"));

        List<Map<String, Object>> results = results(id, null);
        assertEquals(300, results.size());
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> line = results.get(i);
            assertEquals(i + 1, line.get("line"));
            assertEquals(r + "-" + i, line.get("itemId"));
            assertEquals("ISSUED", line.get("status"));
            assertNotNull(line.get("verificationCode"));
            assertTrue(numbers.add((String) line.get("number")));
        }
        assertEquals(300, proofsOfJob(id));
        assertEquals(300, auditRowsOfJob(id), "one proof.issued audit row per item, naming the job");

        // the same shape as a single issuance, read back by the issuer: subject, claims, code, both signed forms
        Map<String, Object> single = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", Fixtures.randomResidentId());
        Map<String, Object> first = results.get(0);
        Map<String, Object> bulk = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .get("/api/v1/proofs/" + first.get("number")).then().statusCode(200).extract().as(Map.class);
        assertEquals(new HashSet<>(single.keySet()), new HashSet<>(bulk.keySet()));
        assertEquals(first.get("verificationCode"), bulk.get("verificationCode"));
        assertEquals(idOf.get(r + "-0"), ((Map<String, Object>) bulk.get("subject")).get("id"));
        assertEquals(Map.of("户籍地址", "新疆库尔勒市人民东路 1 号", "户主关系", "户主"), bulk.get("claims"));
        assertEquals(single.get("validUntil").toString().substring(0, 10), bulk.get("validUntil").toString().substring(0, 10));

        // every proof verifies at a window, by its JWS, and by number and code
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        for (int i = 0; i < 300; i += (i < 10 ? 1 : 29)) {
            Map<String, Object> line = results.get(i);
            given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                    .body(Map.of("number", line.get("number"), "code", line.get("verificationCode"), "purpose", "办理入学"))
                    .post("/api/v1/verifications").then().statusCode(200).body("indication", equalTo("TOTAL_PASSED"));
        }
        for (Map<String, Object> line : results) {
            String jws = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                    .get("/api/v1/proofs/" + line.get("number")).then().statusCode(200).extract().path("jwsCompact");
            given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                    .body(Map.of("jws", jws, "purpose", "办理入学"))
                    .post("/api/v1/verifications").then().statusCode(200).body("indication", equalTo("TOTAL_PASSED"));
        }
        // the submission and each read of the results are audited too
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'issuance-job.submitted' AND target_id = ?", id));
        assertTrue(count("SELECT count(*) FROM audit_event WHERE action = 'issuance-job.results-read' AND target_id = ?", id) >= 1);
        // and the department lists it
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).get("/api/v1/issuance-jobs?size=200")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anItemThatCannotBeIssuedFailsAloneWithItsReason() {
        String r = run();
        String otherMatter = Matters.retained(Fixtures.OTHER_DEPT_ISSUER, 0);
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(r + "-ok", matter, Fixtures.randomResidentId(), "王五"));
        Map<String, Object> badId = item(r + "-bad-id", matter, badResidentId(), "王五"); // wrong check character
        items.add(badId);
        items.add(item(r + "-other-dept", otherMatter, Fixtures.randomResidentId(), "王五"));
        items.add(item(r + "-no-matter", "ZM-NOPE-000", Fixtures.randomResidentId(), "王五"));
        Map<String, Object> late = item(r + "-late", matter, Fixtures.randomResidentId(), "王五");
        late.put("validUntil", Instant.now().plus(3650, ChronoUnit.DAYS).toString());
        items.add(late);
        Map<String, Object> unknown = item(r + "-unknown-field", matter, Fixtures.randomResidentId(), "王五");
        unknown.put("colour", "red");
        items.add(unknown);
        Map<String, Object> noPurpose = item(r + "-no-purpose", matter, Fixtures.randomResidentId(), "王五");
        noPurpose.remove("purpose");
        items.add(noPurpose);
        items.add(item(r + "-ok2", matter, Fixtures.randomResidentId(), "王五"));
        Map<String, Object> job = finished(submitted(ndjson(items)));
        assertEquals(8, job.get("total"));
        assertEquals(2, job.get("issued"), () -> results((String) job.get("id"), null).toString());
        assertEquals(6, job.get("failed"));
        List<Map<String, Object>> errors = (List<Map<String, Object>>) job.get("errors");
        assertEquals(6, errors.size());

        Map<String, Map<String, Object>> byItem = new HashMap<>();
        for (Map<String, Object> line : results((String) job.get("id"), null)) {
            byItem.put((String) line.get("itemId"), line);
        }
        assertEquals("ISSUED", byItem.get(r + "-ok").get("status"));
        assertEquals("ISSUED", byItem.get(r + "-ok2").get("status"));
        assertProblem(byItem.get(r + "-bad-id"), 400, "subject.id");
        assertProblem(byItem.get(r + "-other-dept"), 403, null);
        assertProblem(byItem.get(r + "-no-matter"), 422, null);
        assertProblem(byItem.get(r + "-late"), 400, "validUntil");
        assertProblem(byItem.get(r + "-unknown-field"), 400, "colour");
        assertProblem(byItem.get(r + "-no-purpose"), 400, "purpose");
        // only the failed ones, on request
        assertEquals(6, results((String) job.get("id"), "status=FAILED").size());
    }

    @SuppressWarnings("unchecked")
    private static void assertProblem(Map<String, Object> line, int status, String field) {
        assertEquals("FAILED", line.get("status"), String.valueOf(line));
        Map<String, Object> error = (Map<String, Object>) line.get("error");
        assertEquals(status, error.get("status"), String.valueOf(error));
        assertTrue(((String) error.get("detail")).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                "a Chinese reason: " + error);
        if (field != null) {
            assertTrue(((List<Map<String, Object>>) error.get("errors")).stream().anyMatch(e -> e.get("field").equals(field)),
                    String.valueOf(error));
        }
    }

    @Test
    void aMalformedLineOrNoItemOrTooManyRefuseTheWholeJobAndStoreNothing() throws Exception {
        String r = run();
        long before = count("SELECT count(*) FROM issuance_job_item WHERE item_id LIKE ?", r + "%");
        String good = ndjson(List.of(item(r + "-1", matter, Fixtures.randomResidentId(), "赵六")));
        submit(Tokens.issuer(Fixtures.GOOD_ISSUER), good + "{not json\n" + good.replace(r + "-1", r + "-2") + "[1,2]\n", null)
                .response().then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("line 2")).body("errors.field", hasItem("line 4"));
        submit(Tokens.issuer(Fixtures.GOOD_ISSUER), good.replace("\"itemId\":\"" + r + "-1\",", ""), null)
                .response().then().statusCode(400).body("errors[0].field", equalTo("line 1"))
                .body("errors[0].message", containsString("itemId"));
        submit(Tokens.issuer(Fixtures.GOOD_ISSUER), "\n\n", null).response().then().statusCode(400);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) { // the test profile allows 1,000 items
            many.add(item(r + "-m" + i, matter, "11010519491231002X", "赵六"));
        }
        submit(Tokens.issuer(Fixtures.GOOD_ISSUER), ndjson(many), null).response().then().statusCode(413)
                .body("detail", containsString("1000"));
        submit(Tokens.issuer(Fixtures.GOOD_ISSUER), "{\"itemId\":\"x\",\"purpose\":\"" + "长".repeat(100_000) + "\"}\n", null)
                .response().then().statusCode(413);
        assertEquals(before, count("SELECT count(*) FROM issuance_job_item WHERE item_id LIKE ?", r + "%"), "nothing stored");
        // a JSON body is not a job
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body("{}").post("/api/v1/issuance-jobs").then().statusCode(415)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("NDJSON"));
        // … but only once the caller is known: anonymous is 401 whatever it sends
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/issuance-jobs").then().statusCode(401);
        given().contentType("application/x-ndjson").body("{\"itemId\":\"a\"}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/issuance-jobs").then()
                .statusCode(401);
    }

    @Test
    void resubmissionNeverMakesASecondProof() throws Exception {
        String r = run();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item(r + "-" + i, matter, Fixtures.randomResidentId(), "钱七"));
        }
        String body = ndjson(items);
        String key = "job-" + r;
        ExtractableResponse<Response> first = submit(Tokens.issuer(Fixtures.GOOD_ISSUER), body, key);
        assertEquals(202, first.statusCode(), first.asString());
        ExtractableResponse<Response> retry = submit(Tokens.issuer(Fixtures.GOOD_ISSUER), body, key);
        assertEquals(202, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals((String) first.path("id"), retry.path("id"));
        assertEquals(422, submit(Tokens.issuer(Fixtures.GOOD_ISSUER), body + body, key).statusCode(), "same key, other body");
        String id = first.path("id");
        finished(id);
        List<Map<String, Object>> firstResults = results(id, null);

        // the same lines again without a key: a new job, every item a duplicate answered with the first proof
        List<Map<String, Object>> again = new ArrayList<>(items);
        Map<String, Object> changed = item(r + "-0", matter, Fixtures.randomResidentId(), "孙八"); // same itemId, other content
        again.set(0, changed);
        again.add(item(r + "-new", matter, Fixtures.randomResidentId(), "钱七"));
        String second = submitted(ndjson(again));
        Map<String, Object> job = finished(second);
        assertEquals(21, job.get("total"), () -> results(second, null).toString());
        assertEquals(19, job.get("duplicates"));
        assertEquals(1, job.get("failed"), () -> job + "\n" + results(second, null));
        assertEquals(1, job.get("issued"));
        List<Map<String, Object>> secondResults = results(second, null);
        assertEquals("FAILED", secondResults.get(0).get("status"));
        for (int i = 1; i < 20; i++) {
            assertEquals("DUPLICATE", secondResults.get(i).get("status"));
            assertEquals(firstResults.get(i).get("number"), secondResults.get(i).get("number"));
            assertEquals(firstResults.get(i).get("verificationCode"), secondResults.get(i).get("verificationCode"));
        }
        assertEquals(0, proofsOfJob(second) - 1, "only the new item made a proof");
        assertEquals(21, count("SELECT count(*) FROM audit_event WHERE action = 'proof.issued' AND (details LIKE ? OR details LIKE ?)",
                "%\"job\":\"" + id + "\"%", "%\"job\":\"" + second + "\"%"));

        // a failed item may be corrected and resubmitted under its itemId
        Map<String, Object> bad = item(r + "-fix", matter, badResidentId(), "周九");
        finished(submitted(ndjson(List.of(bad))));
        Map<String, Object> fixed = finished(submitted(ndjson(List.of(item(r + "-fix", matter, Fixtures.randomResidentId(), "周九")))));
        assertEquals(1, fixed.get("issued"));
    }

    @Test
    void aCrashedJobResumesWithExactCounts() throws Exception {
        String r = run();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            items.add(item(r + "-" + i, matter, Fixtures.randomResidentId(), "吴十"));
        }
        worker.pause();
        try {
            String id = submitted(ndjson(items));
            // a chunk whose transaction dies before its commit (kill -9 mid-chunk) leaves neither proofs nor outcomes
            chunks.beforeCommit(job -> {
                throw new IllegalStateException("simulated crash before commit");
            });
            assertThrows(IssuanceJobChunks.ChunkFailed.class, () -> chunks.processNext(50));
            assertEquals(0, proofsOfJob(id));
            assertEquals(0, auditRowsOfJob(id));
            assertEquals(0, job(id).get("done"));
            chunks.beforeCommit(job -> {
            });
            assertTrue(chunks.processNext(50));
            Map<String, Object> half = job(id);
            assertEquals("RUNNING", half.get("status"));
            assertEquals("50/130", half.get("progress"));
            chunks.beforeCommit(job -> {
                throw new IllegalStateException("simulated crash before commit");
            });
            assertThrows(IssuanceJobChunks.ChunkFailed.class, () -> chunks.processNext(50));
            assertEquals(50, proofsOfJob(id));
            assertEquals(50, auditRowsOfJob(id));
            chunks.beforeCommit(job -> {
            });
            // the restarted service finds the job still open and finishes it
            worker.resume();
            Map<String, Object> done = finished(id);
            assertEquals("DONE", done.get("status"));
            assertEquals(130, done.get("issued"));
            assertEquals(130, done.get("done"));
            assertEquals(130, proofsOfJob(id));
            assertEquals(130, auditRowsOfJob(id));
            assertEquals(130, count("SELECT count(DISTINCT proof_number) FROM issuance_job_item WHERE job_id = ?", UUID.fromString(id)));
        } finally {
            chunks.beforeCommit(job -> {
            });
            worker.resume();
        }
    }

    @Test
    void aJobIsItsDepartmentsAlone() {
        String r = run();
        worker.pause();
        String id;
        try {
            id = submitted(ndjson(List.of(item(r + "-1", matter, Fixtures.randomResidentId(), "郑一"),
                    item(r + "-2", matter, Fixtures.randomResidentId(), "郑二"))));
            String other = Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER);
            for (String path : List.of("", "/results")) {
                given().header("Authorization", Tokens.bearer(other)).get("/api/v1/issuance-jobs/" + id + path).then().statusCode(404);
                given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)))
                        .get("/api/v1/issuance-jobs/" + id + path).then().statusCode(403);
                given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)))
                        .get("/api/v1/issuance-jobs/" + id + path).then().statusCode(403);
                given().get("/api/v1/issuance-jobs/" + id + path).then().statusCode(401);
            }
            given().header("Authorization", Tokens.bearer(other)).post("/api/v1/issuance-jobs/" + id + "/cancel").then().statusCode(404);
            given().header("Authorization", Tokens.bearer(other)).get("/api/v1/issuance-jobs?size=200").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
            given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                    .get("/api/v1/issuance-jobs/not-a-uuid").then().statusCode(400);
            given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(NDJSON)
                    .body(ndjson(List.of(item(r + "-3", matter, Fixtures.CITIZEN_ID, "郑三"))).getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/issuance-jobs")
                    .then().statusCode(403);
            given().contentType(NDJSON).body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/issuance-jobs").then().statusCode(401);

            // its own department cancels it: nothing is issued, and a second cancel is refused
            given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                    .post("/api/v1/issuance-jobs/" + id + "/cancel").then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("cancelled", equalTo(2)).body("progress", equalTo("2/2"))
                    .body("finishedAt", notNullValue());
            given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                    .post("/api/v1/issuance-jobs/" + id + "/cancel").then().statusCode(409);
        } finally {
            worker.resume();
        }
        assertEquals("CANCELLED", results(id, null).get(1).get("status"));
    }
}
