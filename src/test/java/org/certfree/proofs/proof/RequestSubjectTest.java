package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 6 — the issuer sees whom it decides for — and item 4 for proof requests: the
 * applicant's name and ID are masked ({@code 李*}, {@code 652801********242X}) in every list and in the
 * decision answer; the issuing department reading the one request sees them in full, and that read is
 * in the holder's access log; the holder sees their own in full, unlogged; everyone else masked or 403.
 */
@QuarkusTest
class RequestSubjectTest {

    private static final String STAFF = "gaj-decider-3";
    private static final String NAME = "李娜";

    private String matter;
    private String holder;
    private String masked;

    @BeforeEach
    void aSlowMatterAndAFreshHolder() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 5);
        holder = Fixtures.randomResidentId();
        masked = ResidentId.mask(holder);
    }

    @Test
    void theApplicantIsMaskedInTheIssuersListAndDecisionAndInFullInTheLoggedSingleRead() {
        String id = file(Tokens.citizen(holder), null).getString("id");
        String staff = Tokens.bearer(Tokens.mint("ISSUER", Fixtures.GOOD_ISSUER, STAFF));

        Map<String, Object> pending = listed(staff, "PENDING", id);
        assertEquals(List.of("李*", masked, true), List.of(pending.get("subjectName"), pending.get("subjectId"),
                pending.get("subjectMasked")));
        assertEquals("110105********" + holder.substring(14), masked, "the ID's region and last four stay");
        assertEquals(0, log().getLong("total"), "a masked list reads nobody's data");

        given().header("Authorization", staff).queryParam("purpose", "审核开具申请").get("/api/v1/proof-requests/" + id).then()
                .statusCode(200).body("subjectName", org.hamcrest.Matchers.equalTo(NAME))
                .body("subjectId", org.hamcrest.Matchers.equalTo(holder)).body("subjectMasked", org.hamcrest.Matchers.equalTo(false));
        JsonPath log = log();
        assertEquals(1, log.getLong("total"));
        Map<String, Object> read = log.getMap("items[0]");
        assertEquals("REQUEST_READ", read.get("kind"));
        assertEquals("查看开具申请", read.get("kindText"));
        assertEquals(id, read.get("requestId"));
        assertEquals(Fixtures.GOOD_ISSUER, read.get("unit"));
        assertEquals(STAFF, read.get("actor"));
        assertEquals("审核开具申请", read.get("purpose"));
        assertEquals(Map.of("matter", matter), read.get("details"));

        Map<String, Object> decided = given().header("Authorization", staff).contentType(ContentType.JSON)
                .body(Map.of("decision", "ISSUE", "claims", Map.of("户籍地址", "新疆库尔勒市人民东路 3 号")))
                .post("/api/v1/proof-requests/" + id + "/decision").then().statusCode(200).extract().as(Map.class);
        assertEquals(List.of("ISSUED", "李*", masked, true), List.of(decided.get("status"), decided.get("subjectName"),
                decided.get("subjectId"), decided.get("subjectMasked")));
        assertEquals(1, log().getLong("total"), "deciding is not a read");
    }

    @Test
    void theHolderSeesTheirOwnRequestInFullAndIsNotLogged() {
        String own = Tokens.bearer(Tokens.citizen(holder));
        JsonPath filed = file(Tokens.citizen(holder), null);
        assertEquals(List.of(NAME, holder, false), List.of(filed.get("subjectName"), filed.get("subjectId"), filed.get("subjectMasked")));
        String id = filed.getString("id");
        JsonPath read = given().header("Authorization", own).get("/api/v1/proof-requests/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(NAME, holder, false), List.of(read.get("subjectName"), read.get("subjectId"), read.get("subjectMasked")));
        Map<String, Object> listed = listed(own, null, id);
        assertEquals(List.of(NAME, holder, false), List.of(listed.get("subjectName"), listed.get("subjectId"),
                listed.get("subjectMasked")));
        assertEquals(0, log().getLong("total"));
    }

    /** The using unit that filed it and ADMIN see it masked (unlogged); another department, unit or citizen gets 403. */
    @Test
    void everyoneElseSeesItMaskedOrIsRefused() {
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        String consent = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
        JsonPath filed = file(Tokens.verifier(Fixtures.WINDOW), consent);
        assertEquals(List.of("李*", masked, true), List.of(filed.get("subjectName"), filed.get("subjectId"), filed.get("subjectMasked")));
        String id = filed.getString("id");
        for (String token : List.of(Tokens.verifier(Fixtures.WINDOW), Tokens.admin())) {
            JsonPath read = given().header("Authorization", Tokens.bearer(token)).get("/api/v1/proof-requests/" + id).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(List.of("李*", masked, true), List.of(read.get("subjectName"), read.get("subjectId"),
                    read.get("subjectMasked")));
            Map<String, Object> listed = listed(Tokens.bearer(token), null, id);
            assertEquals(List.of("李*", masked, true), List.of(listed.get("subjectName"), listed.get("subjectId"),
                    listed.get("subjectMasked")));
        }
        for (String token : List.of(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), Tokens.verifier(Fixtures.OTHER_WINDOW),
                Tokens.citizen(Fixtures.OTHER_CITIZEN_ID), Tokens.listEditor(Fixtures.GOOD_ISSUER))) {
            given().header("Authorization", Tokens.bearer(token)).get("/api/v1/proof-requests/" + id).then().statusCode(403);
        }
        given().get("/api/v1/proof-requests/" + id).then().statusCode(401);
        assertEquals(0, log().getLong("total"));

        // the department's read names the consent the unit filed it under
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).get("/api/v1/proof-requests/" + id)
                .then().statusCode(200);
        assertEquals(List.of(consent), log().getList("items.consentId"));
    }

    @Test
    void aPurposeTooLongIsA400AndNothingIsRead() {
        String id = file(Tokens.citizen(holder), null).getString("id");
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).queryParam("purpose", "审".repeat(201))
                .get("/api/v1/proof-requests/" + id).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("purpose"));
        assertEquals(0, log().getLong("total"));
    }

    /** Files a request about the holder as {@code token} (a citizen: themselves; a using unit: with {@code consent}). */
    private JsonPath file(String token, String consent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("matterCode", matter,
                "subject", Map.of("kind", "PERSON", "name", NAME, "id", holder), "purpose", "办理入学"));
        if (consent != null) {
            body.put("consentRef", consent);
        }
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/proof-requests").then().statusCode(201).extract().jsonPath();
    }

    /** Request {@code id} as the caller's list of requests ({@code status}: a filter, or null) shows it, page by page. */
    private static Map<String, Object> listed(String authorization, String status, String id) {
        for (int page = 0;; page++) {
            var request = given().header("Authorization", authorization).queryParam("size", 200).queryParam("page", page);
            if (status != null) {
                request = request.queryParam("status", status);
            }
            JsonPath list = request.get("/api/v1/proof-requests").then().statusCode(200).extract().jsonPath();
            Map<String, Object> found = list.getMap("items.find { it.id == '" + id + "' }");
            if (found != null || list.getList("items").isEmpty()) {
                return found;
            }
        }
    }

    private JsonPath log() {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath();
    }
}
