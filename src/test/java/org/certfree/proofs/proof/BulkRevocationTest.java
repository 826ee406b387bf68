package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk revocation ({@code POST /api/v1/revocations}, issue #16 item 3), end to end on the real database: each
 * selector revokes exactly what it selects — verification answers REVOKED, the status list (republished once)
 * has the bits set, each proof has its audit row and its holder's log entry, and the transparency check stays
 * consistent; other departments and roles are refused and change nothing; disputed proofs are skipped; a
 * repeat revokes nothing twice; every bad input is a problem that changes nothing; a failure at the very
 * last row leaves every proof as it was.
 */
@QuarkusTest
class BulkRevocationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "依据测试州公安局〔2026〕1号通知撤销";

    @Inject
    ControllableClock clock;

    @Inject
    DataSource db;

    /** A department of each test alone, so its counts, audit rows and status lists are the test's. */
    private String dept;
    private String matter;
    private String holder;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        dept = "BR" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", dept, "name", "批量撤销测试局" + dept, "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "659900", "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        matter = Matters.retained(dept, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        holder = Fixtures.randomResidentId();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    // ------------------------------------------------------------------ the three selectors

    @Test
    void byNumbersRevokesThoseListedAndRecordsEachEverywhere() throws Exception {
        JsonPath a = issue();
        JsonPath b = issue();
        JsonPath kept = issue();
        long listBefore = statusListNumber();
        String unknown = new ProofNumbers().newNumber(2026);

        JsonPath answer = revoke(Tokens.issuer(dept), Map.of("numbers", List.of(a.getString("number"),
                b.getString("number").toLowerCase(), unknown, a.getString("number")), "reason", "ISSUED_IN_ERROR", "note", NOTE))
                .statusCode(200).extract().jsonPath();
        assertEquals(3, answer.getInt("listed"));
        assertEquals(2, answer.getInt("matched"));
        assertEquals(2, answer.getInt("revoked"));
        assertEquals(1, answer.getInt("notFound"));
        assertEquals(List.of(unknown), answer.getList("notFoundNumbers"));
        assertEquals(0, answer.getInt("alreadyRevoked"));
        assertEquals("numbers", answer.getString("selector"));
        assertEquals(false, answer.getBoolean("preview"));

        for (JsonPath p : List.of(a, b)) {
            assertRevoked(p, "ISSUED_IN_ERROR");
        }
        assertValid(kept);

        // one new list for the whole run, with both bits set and the kept proof's clear
        Map<?, ?> list = statusList();
        assertEquals(listBefore + 1, ((Number) list.get("number")).longValue(), "one list per run, not one per proof");
        byte[] bits = bits(list);
        assertTrue(bit(bits, a.getInt("statusListIndex")) && bit(bits, b.getInt("statusListIndex")));
        assertTrue(!bit(bits, kept.getInt("statusListIndex")));

        // the audit log: one proof.revoked per proof, with the run's id, and the run itself
        assertEquals(List.of(a.getString("number"), b.getString("number")).stream().sorted().toList(),
                strings("SELECT target_id FROM audit_event WHERE action = 'proof.revoked' AND department = ? ORDER BY target_id", dept));
        assertEquals(2, count("SELECT count(*) FROM audit_event WHERE action = 'proof.revoked' AND department = ? AND details LIKE ?",
                dept, "%\"revocation\":\"" + answer.getString("id") + "\"%"));
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'proofs.bulk-revoked' AND target_id = ?",
                answer.getString("id")));

        // the holder's log: each revocation, by the department
        JsonPath log = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 50)
                .get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath();
        List<String> revokedInLog = new ArrayList<>();
        for (Map<String, Object> e : log.<Map<String, Object>>getList("items")) {
            if ("PROOF_REVOKED".equals(e.get("kind"))) {
                revokedInLog.add((String) e.get("proofNumber"));
            }
        }
        assertEquals(List.of(a.getString("number"), b.getString("number")).stream().sorted().toList(),
                revokedInLog.stream().sorted().toList(), log.prettify());

        assertTransparencyHolds();
    }

    @Test
    void byMatterRevokesWhatWasIssuedOnThoseBeijingDays() {
        JsonPath before = issue();
        clock.advance(Duration.ofDays(2));
        JsonPath inside = issue();
        JsonPath inside2 = issue();
        clock.advance(Duration.ofDays(2));
        JsonPath after = issue();
        LocalDate day = LocalDate.ofInstant(Instant.parse(inside.getString("issuedAt")), ControllableClock.ZONE);

        Map<String, Object> body = Map.of("matter", Map.of("code", matter, "issuedFrom", day.toString(), "issuedTo", day.toString()),
                "reason", "DATA_CHANGED", "note", NOTE);
        JsonPath preview = given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType(ContentType.JSON)
                .queryParam("preview", "true").body(body).post("/api/v1/revocations").then().statusCode(200).extract().jsonPath();
        assertEquals(true, preview.getBoolean("preview"));
        assertEquals(2, preview.getInt("revoked"));
        assertEquals(List.of(inside.getString("number"), inside2.getString("number")).stream().sorted().toList(),
                preview.getList("sample"));
        assertValid(inside); // a preview changes nothing

        JsonPath answer = revoke(Tokens.issuer(dept), body).statusCode(200).extract().jsonPath();
        assertEquals(2, answer.getInt("revoked"));
        assertEquals("matter", answer.getString("selector"));
        assertRevoked(inside, "DATA_CHANGED");
        assertRevoked(inside2, "DATA_CHANGED");
        assertValid(before);
        assertValid(after);
    }

    @Test
    void byKeyRevokesWhatItSignedFromTheInstantOn() {
        Instant t0 = clock.instant();
        JsonPath earlier = issue();
        clock.advance(Duration.ofMinutes(10));
        JsonPath later = issue();
        String kid = kid(later.getString("jwsCompact"));
        assertEquals(kid, kid(earlier.getString("jwsCompact")));

        JsonPath answer = revoke(Tokens.issuer(dept), Map.of("key", Map.of("kid", kid, "from", t0.plus(Duration.ofMinutes(5)).toString()),
                "reason", "KEY_COMPROMISE", "note", NOTE)).statusCode(200).extract().jsonPath();
        assertEquals(1, answer.getInt("revoked"));
        assertEquals("key", answer.getString("selector"));
        assertRevoked(later, "KEY_COMPROMISE");
        assertValid(earlier);
    }

    /** The compromise of a key takes the same path: the holder's log and the status list follow it too. */
    @Test
    void aKeyCompromiseRevokesInBulkWithLogAndList() {
        Instant t0 = clock.instant();
        issue();
        clock.advance(Duration.ofMinutes(10));
        JsonPath later = issue();
        long listBefore = statusListNumber();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("compromisedAt", t0.plus(Duration.ofMinutes(5)).toString(), "reason", "签名服务器疑似被入侵"))
                .post("/api/v1/departments/" + dept + "/keys/" + kid(later.getString("jwsCompact")) + "/compromise")
                .then().statusCode(200);
        assertRevoked(later, "KEY_COMPROMISE", "KEY_COMPROMISED");
        assertEquals(1, count("SELECT count(*) FROM holder_access WHERE kind = 'PROOF_REVOKED' AND proof_number = ?",
                later.getString("number")));
        assertEquals(listBefore + 1, ((Number) statusList().get("number")).longValue());
        assertTrue(bit(bits(statusList()), later.getInt("statusListIndex")));
    }

    // ------------------------------------------------------------------ who may

    @Test
    void onlyTheDepartmentsIssuersMayAndARefusalChangesNothing() {
        JsonPath p = issue();
        Map<String, Object> byNumber = Map.of("numbers", List.of(p.getString("number")), "reason", "ISSUED_IN_ERROR", "note", NOTE);
        revoke(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), byNumber).statusCode(403)
                .body("detail", containsString(p.getString("number")));
        revoke(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), Map.of("matter", Map.of("code", matter, "issuedFrom", "2020-01-01",
                "issuedTo", "2099-12-31"), "reason", "DATA_CHANGED", "note", NOTE)).statusCode(403);
        revoke(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), Map.of("key", Map.of("kid", kid(p.getString("jwsCompact")),
                "from", "2020-01-01T00:00:00Z"), "reason", "KEY_COMPROMISE", "note", NOTE)).statusCode(403);
        // the department's own issuer listing another department's proof among its own: 403, none revoked
        JsonPath foreign = new JsonPath(JSON.valueToTree(Fixtures.issued(Fixtures.GOOD_ISSUER, Matters.retained(Fixtures.GOOD_ISSUER, 0),
                "张三", holder)).toString());
        revoke(Tokens.issuer(dept), Map.of("numbers", List.of(p.getString("number"), foreign.getString("number")),
                "reason", "ISSUED_IN_ERROR", "note", NOTE)).statusCode(403).body("detail", containsString(foreign.getString("number")));
        for (String token : List.of(Tokens.verifier(Fixtures.WINDOW), Tokens.citizen(holder), Tokens.admin())) {
            revoke(token, byNumber).statusCode(403);
        }
        given().contentType(ContentType.JSON).body(byNumber).post("/api/v1/revocations").then().statusCode(401);
        assertValid(p);
        assertValid(foreign);
        assertEquals(0, count("SELECT count(*) FROM audit_event WHERE action = 'proof.revoked' AND target_id IN (?, ?)",
                p.getString("number"), foreign.getString("number")));
        // and the issuer of the department may
        revoke(Tokens.issuer(dept), byNumber).statusCode(200).body("revoked", equalTo(1));
    }

    // ------------------------------------------------------------------ disputes, repeats

    @Test
    void proofsUnderDisputeAreSkippedAndListed() {
        JsonPath disputed = issue();
        JsonPath plain = issue();
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("proofNumber", disputed.getString("number"), "reason", "户籍地址有误")).post("/api/v1/disputes")
                .then().statusCode(201);
        JsonPath answer = revoke(Tokens.issuer(dept), Map.of("matter", Map.of("code", matter, "issuedFrom", "2020-01-01",
                "issuedTo", "2099-12-31"), "reason", "DATA_CHANGED", "note", NOTE)).statusCode(200).extract().jsonPath();
        assertEquals(1, answer.getInt("revoked"));
        assertEquals(1, answer.getInt("skippedDisputed"));
        assertEquals(List.of(disputed.getString("number")), answer.getList("disputedNumbers"));
        assertRevoked(plain, "DATA_CHANGED");
        status(disputed).body("status", equalTo("VALID"));
    }

    @Test
    void aRepeatRevokesNothingTwiceAndAKeyedRetryReplaysTheAnswer() {
        JsonPath a = issue();
        JsonPath b = issue();
        Map<String, Object> body = Map.of("numbers", List.of(a.getString("number"), b.getString("number")),
                "reason", "SUBJECT_REQUEST", "note", NOTE);
        String key = "bulk-" + UUID.randomUUID();
        JsonPath first = given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/revocations").then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getInt("revoked"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/revocations").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.getString("id"))).body("revoked", equalTo(2));

        JsonPath again = revoke(Tokens.issuer(dept), body).statusCode(200).extract().jsonPath();
        assertEquals(0, again.getInt("revoked"));
        assertEquals(2, again.getInt("alreadyRevoked"));
        assertEquals(List.of(a.getString("number"), b.getString("number")).stream().sorted().toList(),
                again.getList("alreadyRevokedNumbers"));
        assertEquals(2, count("SELECT count(*) FROM audit_event WHERE action = 'proof.revoked' AND department = ?", dept));
        assertEquals(2, count("SELECT count(*) FROM holder_access WHERE kind = 'PROOF_REVOKED' AND proof_number IN (?, ?)",
                a.getString("number"), b.getString("number")));
    }

    // ------------------------------------------------------------------ bad inputs

    @Test
    void everyBadInputIsAProblemThatChangesNothing() {
        JsonPath p = issue();
        String number = p.getString("number");
        String kid = kid(p.getString("jwsCompact"));
        String token = Tokens.issuer(dept);
        Map<String, Object> matterSel = Map.of("code", matter, "issuedFrom", "2020-01-01", "issuedTo", "2099-12-31");
        List<String> tooMany = new ArrayList<>();
        ProofNumbers numbers = new ProofNumbers();
        for (int i = 0; i <= BulkRevocationService.MAX_PROOFS; i++) {
            tooMany.add(numbers.newNumber(2026));
        }
        List<Map<String, Object>> bad = List.of(
                Map.of("reason", "DATA_CHANGED", "note", NOTE),                                                   // no selector
                Map.of("numbers", List.of(number), "matter", matterSel, "reason", "DATA_CHANGED", "note", NOTE),  // two
                Map.of("numbers", List.of(), "reason", "DATA_CHANGED", "note", NOTE),
                Map.of("numbers", List.of(number, "ZM-2026-XXXX"), "reason", "DATA_CHANGED", "note", NOTE),
                Map.of("numbers", tooMany, "reason", "DATA_CHANGED", "note", NOTE),
                Map.of("matter", Map.of("code", matter, "issuedFrom", "2026-02-01", "issuedTo", "2026-01-01"),
                        "reason", "DATA_CHANGED", "note", NOTE),                                                  // inverted
                Map.of("matter", Map.of("code", matter, "issuedFrom", "2026-02-01"), "reason", "DATA_CHANGED", "note", NOTE),
                Map.of("matter", Map.of("code", matter, "issuedFrom", "2026-02-30", "issuedTo", "2026-03-01"),
                        "reason", "DATA_CHANGED", "note", NOTE),                                                  // no such day
                Map.of("key", Map.of("kid", kid), "reason", "KEY_COMPROMISE", "note", NOTE),                      // no from
                Map.of("key", Map.of("kid", kid, "from", clock.instant().plus(Duration.ofDays(1)).toString()),
                        "reason", "KEY_COMPROMISE", "note", NOTE),                                                // future
                Map.of("numbers", List.of(number), "reason", "FALSE_PLEDGE", "note", NOTE),
                Map.of("numbers", List.of(number), "reason", "DATA_CHANGED"),                                     // no note
                Map.of("numbers", List.of(number), "reason", "DATA_CHANGED", "note", "x".repeat(501)),
                Map.of("numbers", List.of(number), "note", NOTE));                                                // no reason
        for (Map<String, Object> body : bad) {
            revoke(token, body).statusCode(400).contentType("application/problem+json").body("detail", org.hamcrest.Matchers.notNullValue());
        }
        revoke(token, Map.of("numbers", List.of(number, "ZM-2026-XXXX"), "reason", "DATA_CHANGED", "note", NOTE))
                .body("errors[0].field", equalTo("numbers[1]"));
        revoke(token, Map.of("matter", Map.of("code", "ZM-NO-SUCH-MATTER", "issuedFrom", "2026-01-01", "issuedTo", "2026-01-31"),
                "reason", "DATA_CHANGED", "note", NOTE)).statusCode(422);
        revoke(token, Map.of("key", Map.of("kid", "no-such-kid", "from", "2026-01-01T00:00:00Z"), "reason", "KEY_COMPROMISE",
                "note", NOTE)).statusCode(422);
        given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).queryParam("preview", "maybe")
                .body(Map.of("numbers", List.of(number), "reason", "DATA_CHANGED", "note", NOTE)).post("/api/v1/revocations")
                .then().statusCode(400);
        given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body("{\"numbers\": [")
                .post("/api/v1/revocations").then().statusCode(400);
        given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).post("/api/v1/revocations")
                .then().statusCode(400);
        assertValid(p);
        assertEquals(0, count("SELECT count(*) FROM audit_event WHERE department = ? AND action IN ('proof.revoked', 'proofs.bulk-revoked')",
                dept));
    }

    // ------------------------------------------------------------------ all or nothing

    /**
     * The last row of the run fails (a trigger refuses the holder's-log entry of the last proof, after every
     * proof was updated and every audit row written): the whole run rolls back, nothing is half done.
     */
    @Test
    void aFailureAtTheLastRowLeavesEveryProofAsItWas() throws SQLException {
        JsonPath a = issue();
        JsonPath b = issue();
        JsonPath last = issue();
        long listBefore = statusListNumber();
        String trigger = "bulk_test_fail_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE FUNCTION " + trigger + "() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'test: the last row fails'; END; $$"
                + " LANGUAGE plpgsql");
        execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON holder_access FOR EACH ROW WHEN (NEW.proof_number = '"
                + last.getString("number") + "') EXECUTE FUNCTION " + trigger + "()");
        try {
            revoke(Tokens.issuer(dept), Map.of("numbers", List.of(a.getString("number"), b.getString("number"), last.getString("number")),
                    "reason", "ISSUED_IN_ERROR", "note", NOTE)).statusCode(500);
        } finally {
            execute("DROP TRIGGER " + trigger + " ON holder_access");
            execute("DROP FUNCTION " + trigger + "()");
        }
        for (JsonPath p : List.of(a, b, last)) {
            assertValid(p);
        }
        assertEquals(0, count("SELECT count(*) FROM audit_event WHERE action = 'proof.revoked' AND department = ?", dept));
        assertEquals(0, count("SELECT count(*) FROM holder_access WHERE kind = 'PROOF_REVOKED' AND unit_code = ?", dept));
        assertEquals(listBefore, statusListNumber(), "no list for a run that did not happen");
        // and the same request, repeated once the fault is gone, does it all
        revoke(Tokens.issuer(dept), Map.of("numbers", List.of(a.getString("number"), b.getString("number"), last.getString("number")),
                "reason", "ISSUED_IN_ERROR", "note", NOTE)).statusCode(200).body("revoked", equalTo(3));
    }

    // ------------------------------------------------------------------ helpers

    private JsonPath issue() {
        return given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType(ContentType.JSON)
                .body(ProofResourceTest.issueBody(matter, holder)).post("/api/v1/proofs")
                .then().statusCode(201).extract().jsonPath();
    }

    private static ValidatableResponse revoke(String token, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(new HashMap<>(body))
                .post("/api/v1/revocations").then();
    }

    private ValidatableResponse status(JsonPath p) {
        return given().queryParam("code", p.getString("verificationCode")).get("/api/v1/proofs/" + p.getString("number") + "/status")
                .then().statusCode(200);
    }

    /** Revoked for the record, the public status check and an online verification by a using unit. */
    private void assertRevoked(JsonPath p, String reason) {
        assertRevoked(p, reason, "REVOKED");
    }

    /** As above; a proof signed by a compromised key fails verification on its signature first. */
    private void assertRevoked(JsonPath p, String reason, String subIndication) {
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).get("/api/v1/proofs/" + p.getString("number")).then()
                .statusCode(200).body("status", equalTo("REVOKED")).body("revocation.reason", equalTo(reason));
        status(p).body("status", equalTo("REVOKED"));
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("number", p.getString("number"), "code", p.getString("verificationCode"), "purpose", "办理入学"))
                .post("/api/v1/verifications").then().statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo(subIndication));
    }

    private void assertValid(JsonPath p) {
        status(p).body("status", equalTo("VALID"));
    }

    private long statusListNumber() {
        return ((Number) statusList().get("number")).longValue();
    }

    private Map<?, ?> statusList() {
        String jws = given().get("/api/v1/status-lists/" + dept).then().statusCode(200).extract().asString();
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bits(Map<?, ?> list) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(
                Base64.getUrlDecoder().decode((String) list.get("encodedList"))))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean bit(byte[] bits, int index) {
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    private static String kid(String compact) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))),
                    StandardCharsets.UTF_8)).get("kid").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Once the rows of the run are sealed (the sealer runs every second), the transparency check finds the
     * revocations, the audit log and the holders' log consistent: each batch row's MAC and the checkpoints hold.
     */
    private void assertTransparencyHolds() throws SQLException, InterruptedException {
        for (int i = 0; i < 100 && (count("SELECT count(*) FROM audit_event a WHERE a.department = ? AND NOT EXISTS (SELECT 1 FROM "
                + "seal_checkpoint c WHERE c.log = 'audit-log' AND a.txid >= c.horizon_from AND a.txid < c.horizon_to)", dept) > 0
                || count("SELECT count(*) FROM holder_access h WHERE h.unit_code = ? AND NOT EXISTS (SELECT 1 FROM seal_checkpoint c"
                + " WHERE c.log = 'holder-access-log' AND h.txid >= c.horizon_from AND h.txid < c.horizon_to)", dept) > 0); i++) {
            Thread.sleep(100);
        }
        JsonPath report = given().get("/api/v1/transparency/verify").then().statusCode(200).extract().jsonPath();
        for (String scope : List.of("revocations", "audit-log", "holder-access-log")) {
            assertEquals(List.of(), report.getList("records.find { it.scope == '" + scope + "' }.problems"), scope + ": " + report.prettify());
            assertTrue(report.getLong("records.find { it.scope == '" + scope + "' }.checked") > 0, scope);
        }
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

    private List<String> strings(String sql, Object... params) throws SQLException {
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
        }
        return out;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
