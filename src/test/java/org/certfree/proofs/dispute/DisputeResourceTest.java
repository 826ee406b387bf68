package org.certfree.proofs.dispute;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.NodeScripts;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Disputes (异议, issue #15 item 1): the holder or a using unit opens one, the document is suspended
 * (verification INDETERMINATE/SUSPENDED, the status check, the status list's suspension bitstring), the
 * issuing department decides it (dismiss, re-issue, revoke), each step signed, logged for the holder and
 * audited — and each endpoint refuses whoever may not.
 */
@QuarkusTest
class DisputeResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ControllableClock clock;

    /** A department of this test class alone (issuer and using unit): its status list and disputes are ours. */
    private static String dept;
    private static String matter;
    private String holder;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        if (dept == null) {
            dept = "DS" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
            given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                    .body(Map.of("code", dept, "name", "异议测试部门" + dept, "kind", "GOVERNMENT_DEPARTMENT",
                            "regionCode", "659900", "roles", List.of("ISSUER", "USING_UNIT")))
                    .post("/api/v1/departments").then().statusCode(201);
            matter = Matters.retained(dept, 0);
            Fixtures.onUsageList(Fixtures.WINDOW, matter);
        }
        holder = Fixtures.randomResidentId();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theHolderDisputesTheProofIsSuspendedAndADismissalLiftsIt() throws Exception {
        Map<?, ?> p = Fixtures.issued(dept, matter, "张三", holder);
        String number = (String) p.get("number");
        int index = ((Number) p.get("statusListIndex")).intValue();

        // another citizen may not dispute someone else's proof; nothing is suspended
        open(Tokens.citizen(Fixtures.randomResidentId()), number).statusCode(403).contentType("application/problem+json");
        verify(p).body("indication", equalTo("TOTAL_PASSED"));

        String id = open(Tokens.citizen(holder), number).statusCode(201)
                .header("Location", endsWith("/api/v1/disputes/" + dispute(number)))
                .body("status", equalTo("OPEN")).body("openerKind", equalTo("HOLDER")).body("reason", equalTo("户籍地址有误"))
                .body("dueOn", notNullValue()).body("openedJws", notNullValue()).extract().path("id");
        JsonNode ack = payload(given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/disputes/" + id)
                .then().statusCode(200).extract().path("openedJws"));
        assertEquals("opened", ack.get("step").asText());
        assertEquals(dept, ack.get("issuer").asText());
        assertTrue(!ack.toString().contains("户籍地址有误"), "the signed record carries no reason: " + ack);

        // one open dispute per proof: 409 pointing at it
        open(Tokens.verifier(Fixtures.WINDOW), number).statusCode(409).header("Location", endsWith("/api/v1/disputes/" + id));

        // suspended: verification, status check, status list (both ways of reading it)
        verify(p).body("indication", equalTo("INDETERMINATE")).body("subIndication", equalTo("SUSPENDED"))
                .body("subIndicationUri", equalTo("urn:certfree:sub-indication:suspended")).body("message", containsString("异议"));
        given().queryParam("code", p.get("verificationCode")).get("/api/v1/proofs/" + number + "/status").then().statusCode(200)
                .body("status", equalTo("VALID")).body("suspendedAt", notNullValue()).body("suspensionText", containsString("暂停"));
        // the holder consented to the window's retrieval: it is withheld because the proof is suspended, and says so
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(Duration.ofDays(7)).toString()))
                .post("/api/v1/consents").then().statusCode(201);
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("number", number, "code", p.get("verificationCode"), "purpose", "办理入学", "retrieve", true))
                .post("/api/v1/verifications").then().statusCode(200).body("subIndication", equalTo("SUSPENDED"))
                .body("content", nullValue()).body("contentWithheld", containsString("未通过核验"))
                .body("contentWithheld", containsString("异议"));
        String list = statusList();
        assertEquals(1, bit(list, "suspension", index));
        assertEquals(0, bit(list, "revocation", index));
        assertEquals(1, offline(list, "suspension", index));
        assertEquals(0, offline(list, "revocation", index));

        // who sees it
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.randomResidentId()))).get("/api/v1/disputes/" + id)
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER))).get("/api/v1/disputes/" + id)
                .then().statusCode(403);
        int readsBefore = disputeReads(number);
        for (String token : new String[] { Tokens.issuer(dept), Tokens.reviewer(Fixtures.JUSTICE), Tokens.admin() }) {
            given().header("Authorization", Tokens.bearer(token)).get("/api/v1/disputes/" + id).then().statusCode(200)
                    .body("reason", equalTo("户籍地址有误"));
        }
        // each of those three reads of the holder's reason is in the holder's access log; the holder's own read is not
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/disputes/" + id).then().statusCode(200);
        assertEquals(readsBefore + 3, disputeReads(number));
        // lists carry the reason for the holder only: nobody else reads it unlogged
        listed(Tokens.citizen(holder), null).body("items.find { it.id == '" + id + "' }.reason", equalTo("户籍地址有误"));
        listed(Tokens.issuer(dept), null).body("items.find { it.id == '" + id + "' }.reason", nullValue());
        listed(Tokens.reviewer(Fixtures.JUSTICE), null).body("items.find { it.id == '" + id + "' }.reason", nullValue());
        assertEquals(readsBefore + 3, disputeReads(number));
        listed(Tokens.citizen(holder), null).body("items.id", hasItem(id));
        listed(Tokens.citizen(Fixtures.randomResidentId()), null).body("items.id", not(hasItem(id)));
        listed(Tokens.issuer(dept), "OPEN").body("items.id", hasItem(id));
        listed(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), null).body("items.id", not(hasItem(id)));
        listed(Tokens.reviewer(Fixtures.JUSTICE), "open").body("items.id", hasItem(id));
        listed(Tokens.issuer(dept), "DISMISSED").body("items.id", not(hasItem(id)));

        // who decides: the issuing department only, once
        decide(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), id, Map.of("outcome", "DISMISSED", "note", "x")).statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("outcome", "DISMISSED", "note", "x")).post("/api/v1/disputes/" + id + "/decision").then().statusCode(403);
        String decision = decide(Tokens.issuer(dept), id, Map.of("outcome", "DISMISSED", "note", "经核对户籍信息无误"))
                .statusCode(200).body("status", equalTo("DISMISSED")).body("outcome", equalTo("DISMISSED"))
                .body("note", equalTo("经核对户籍信息无误")).extract().path("decisionJws");
        JsonNode signed = payload(decision);
        assertEquals("decided", signed.get("step").asText());
        assertEquals("urn:certfree:dispute-outcome:dismissed", signed.get("outcome").asText());
        decide(Tokens.issuer(dept), id, Map.of("outcome", "DISMISSED", "note", "again")).statusCode(409);
        listed(Tokens.issuer(dept), "DISMISSED").body("items.id", hasItem(id));

        // lifted
        verify(p).body("indication", equalTo("TOTAL_PASSED"));
        given().queryParam("code", p.get("verificationCode")).get("/api/v1/proofs/" + number + "/status").then().statusCode(200)
                .body("suspendedAt", nullValue());
        String after = statusList();
        assertEquals(0, bit(after, "suspension", index));
        assertEquals(0, offline(after, "suspension", index));

        // the holder's access log shows each step
        List<String> kinds = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath().getList("items.kind");
        assertTrue(kinds.contains("DISPUTE_OPENED") && kinds.contains("DISPUTE_DECIDED"), kinds.toString());
    }

    @Test
    void aUsingUnitsDisputeUpheldByACorrectedReissueSupersedesTheProof() {
        Map<?, ?> p = Fixtures.issued(dept, matter, "李四", holder);
        String number = (String) p.get("number");
        // a unit disputes only a document it was shown: before verifying it, the number is unknown to it
        open(Tokens.verifier(Fixtures.WINDOW), number).statusCode(404);
        verify(p);
        open(Tokens.verifier(Fixtures.OTHER_WINDOW), number).statusCode(404);
        String id = open(Tokens.verifier(Fixtures.WINDOW), number).statusCode(201).body("openerKind", equalTo("USING_UNIT"))
                .body("openerUnit", equalTo(Fixtures.WINDOW)).extract().path("id");
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).get("/api/v1/disputes/" + id)
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.OTHER_WINDOW))).get("/api/v1/disputes/" + id)
                .then().statusCode(403);
        // under dispute, the proof is revoked or re-issued only by deciding the dispute
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + number + "/revoke").then().statusCode(409)
                .body("detail", containsString(id));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType(ContentType.JSON)
                .body(Map.of("claims", Map.of("户籍地址", "新疆库尔勒市人民东路 3 号"), "note", "x"))
                .post("/api/v1/proofs/" + number + "/reissue").then().statusCode(409);
        decide(Tokens.issuer(dept), id, Map.of("outcome", "REISSUE", "note", "地址更正")).statusCode(400)
                .body("detail", containsString("claims"));
        String successor = decide(Tokens.issuer(dept), id, Map.of("outcome", "REISSUE", "note", "地址更正",
                "claims", Map.of("户籍地址", "新疆库尔勒市人民东路 2 号"))).statusCode(200).body("status", equalTo("UPHELD"))
                .body("successorNumber", notNullValue()).extract().path("successorNumber");
        verify(p).body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("SUPERSEDED"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).get("/api/v1/proofs/" + successor).then()
                .statusCode(200).body("status", equalTo("VALID"));
        List<String> kinds = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath().getList("items.kind");
        assertTrue(kinds.contains("DISPUTE_OPENED") && kinds.contains("DISPUTE_DECIDED"), kinds.toString());
    }

    @Test
    void theOpenerCannotDecideAndARevocationRevokes() {
        Map<?, ?> p = Fixtures.issued(dept, matter, "王五", holder);
        // the department is also a using unit: one staff member with both roles verified it, then opens it
        Fixtures.onUsageList(dept, matter);
        given().header("Authorization", Tokens.bearer(Tokens.mint("VERIFIER", dept, "staff-both"))).contentType(ContentType.JSON)
                .body(Map.of("number", p.get("number"), "code", p.get("verificationCode"), "purpose", "核对"))
                .post("/api/v1/verifications").then().statusCode(200);
        String id = open(Tokens.mint("VERIFIER", dept, "staff-both"), (String) p.get("number")).statusCode(201).extract().path("id");
        decide(Tokens.mint("ISSUER", dept, "staff-both"), id, Map.of("outcome", "REVOKE", "note", "x",
                "revocationReason", "ISSUED_IN_ERROR")).statusCode(403).body("detail", containsString("不能处理自己"));
        decide(Tokens.issuer(dept), id, Map.of("outcome", "REVOKE", "note", "错误开具")).statusCode(400)
                .body("detail", containsString("revocationReason"));
        decide(Tokens.issuer(dept), id, Map.of("outcome", "REVOKE", "note", "错误开具", "revocationReason", "ISSUED_IN_ERROR"))
                .statusCode(200).body("status", equalTo("UPHELD")).body("outcome", equalTo("REVOKE"));
        verify(p).body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("REVOKED"));
        // a revoked proof cannot be disputed
        open(Tokens.citizen(holder), (String) p.get("number")).statusCode(409);
    }

    @Test
    void aUnitThatOnlyKnowsTheNumberCannotSuspendAndADismissedUnitCannotReopen() {
        Map<?, ?> p = Fixtures.issued(dept, matter, "钱七", holder);
        String number = (String) p.get("number");
        // a wrong code is recorded against the number, but it is no presentation of the document
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("number", number, "code", "000000", "purpose", "办理入学")).post("/api/v1/verifications").then()
                .statusCode(200).body("subIndication", equalTo("NOT_ISSUED"));
        open(Tokens.verifier(Fixtures.WINDOW), number).statusCode(404);
        verify(p).body("indication", equalTo("TOTAL_PASSED"));
        String id = open(Tokens.verifier(Fixtures.WINDOW), number).statusCode(201).extract().path("id");
        decide(Tokens.issuer(dept), id, Map.of("outcome", "DISMISSED", "note", "经核对无误")).statusCode(200);
        // dismissed: the unit cannot suspend it again (it complains to the justice bureau); the holder still can
        open(Tokens.verifier(Fixtures.WINDOW), number).statusCode(409).header("Location", endsWith("/api/v1/disputes/" + id))
                .body("detail", containsString("司法局"));
        verify(p).body("indication", equalTo("TOTAL_PASSED"));
        open(Tokens.citizen(holder), number).statusCode(201);
    }

    @Test
    void anOpenDisputePastItsDueDayIsListedOverdue() {
        Map<?, ?> p = Fixtures.issued(dept, matter, "赵六", holder);
        String id = open(Tokens.citizen(holder), (String) p.get("number")).statusCode(201).body("overdue", equalTo(false))
                .extract().path("id");
        listed(Tokens.issuer(dept), "OVERDUE").body("items.id", not(hasItem(id)));
        clock.advance(Duration.ofDays(30)); // more than 10 working days in any calendar
        listed(Tokens.issuer(dept), "OVERDUE").body("items.id", hasItem(id));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/disputes/" + id).then()
                .statusCode(200).body("overdue", equalTo(true));
    }

    @Test
    void badInputsAreProblems() {
        String citizen = Tokens.citizen(holder);
        given().header("Authorization", Tokens.bearer(citizen)).contentType(ContentType.JSON).body(Map.of("proofNumber", "x"))
                .post("/api/v1/disputes").then().statusCode(400).contentType("application/problem+json")
                .body("detail", notNullValue());
        open(citizen, "not-a-number").statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("proofNumber", "x", "reason", "y")).post("/api/v1/disputes")
                .then().statusCode(401);
        open(Tokens.issuer(dept), "x").statusCode(403);
        given().header("Authorization", Tokens.bearer(citizen)).get("/api/v1/disputes/nope").then().statusCode(400);
        given().header("Authorization", Tokens.bearer(citizen)).get("/api/v1/disputes/" + UUID.randomUUID()).then().statusCode(404);
        listed(citizen, "SOMETIMES").statusCode(400);
        decide(Tokens.issuer(dept), UUID.randomUUID().toString(), Map.of("note", "x")).statusCode(400);
        decide(Tokens.issuer(dept), UUID.randomUUID().toString(), Map.of("outcome", "DISMISSED", "note", "x")).statusCode(404);
    }

    // ------------------------------------------------------------------ helpers

    private static ValidatableResponse open(String token, String number) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON)
                .body(Map.of("proofNumber", number, "reason", "户籍地址有误")).post("/api/v1/disputes").then();
    }

    private static ValidatableResponse decide(String token, String id, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/disputes/" + id + "/decision").then();
    }

    /** DISPUTE_READ entries about the proof in its holder's access log. */
    private int disputeReads(String number) {
        List<Map<String, Object>> items = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder)))
                .queryParam("size", 200).get("/api/v1/me/access-log").then().statusCode(200).extract().path("items");
        return (int) items.stream().filter(e -> "DISPUTE_READ".equals(e.get("kind")) && number.equals(e.get("proofNumber"))
                && "查看证明异议内容".equals(e.get("kindText"))).count();
    }

    private static ValidatableResponse listed(String token, String status) {
        var r = given().header("Authorization", Tokens.bearer(token)).queryParam("size", 200);
        if (status != null) {
            r = r.queryParam("status", status);
        }
        return r.get("/api/v1/disputes").then();
    }

    private static ValidatableResponse verify(Map<?, ?> p) {
        return given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("number", p.get("number"), "code", p.get("verificationCode"), "purpose", "办理入学"))
                .post("/api/v1/verifications").then().statusCode(200);
    }

    /** The id of the open dispute on {@code number}, as the holder's listing has it. */
    private String dispute(String number) {
        return given().header("Authorization", Tokens.bearer(Tokens.admin())).queryParam("status", "OPEN").queryParam("size", 200)
                .get("/api/v1/disputes").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.proofNumber == '" + number + "' }.id");
    }

    private static JsonNode payload(String jws) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
    }

    private static String statusList() {
        return given().get("/api/v1/status-lists/" + dept).then().statusCode(200).extract().asString();
    }

    /** Bit {@code index} of the list's revocation or suspension bitstring, decoded here (W3C: MSB first). */
    private static int bit(String list, String purpose, int index) throws Exception {
        JsonNode doc = payload(list);
        JsonNode holder = purpose.equals("revocation") ? doc : doc.get("suspension");
        assertEquals(purpose, holder.get("statusPurpose").asText(), doc.toString());
        byte[] bits;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(
                Base64.getUrlDecoder().decode(holder.get("encodedList").asText())))) {
            bits = in.readAllBytes();
        }
        assertEquals(doc.get("size").asInt() / 8, bits.length);
        return (bits[index / 8] >> (7 - index % 8)) & 1;
    }

    /** The bit as the offline checker ({@code src/test/js/verify-status-list.mjs}) reads it with only the JWKS. */
    private int offline(String list, String purpose, int index) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "offline-status-list")).toAbsolutePath();
        Path jwks = Files.createTempFile(dir, "jwks", ".json");
        Files.write(jwks, given().get("/.well-known/jwks.json").then().statusCode(200).extract().asByteArray());
        Path saved = Files.createTempFile(dir, "list", ".txt");
        Files.writeString(saved, list, StandardCharsets.UTF_8);
        NodeScripts.Run run = NodeScripts.run("verify-status-list.mjs", jwks.toString(), saved.toString(),
                "--now=" + clock.instant(), "--issuer=" + dept, "--purpose=" + purpose, String.valueOf(index));
        assertEquals(0, run.exit(), run.stdout() + run.stderr());
        JsonNode out = JSON.readTree(run.stdout());
        assertEquals(purpose, out.get("statusPurpose").asText());
        return out.get("statuses").get(String.valueOf(index)).asInt();
    }
}
