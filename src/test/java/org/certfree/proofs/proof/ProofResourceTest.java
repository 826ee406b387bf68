package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue → read → revoke → re-issue, requests with deadlines, and who may do what. */
@QuarkusTest
class ProofResourceTest {

    @Inject
    ControllableClock clock;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> person(String id, String name) {
        return Map.of("kind", "PERSON", "name", name, "id", id);
    }

    static Map<String, Object> issueBody(String matter, String subjectId) {
        Map<String, Object> b = new HashMap<>();
        b.put("matterCode", matter);
        b.put("subject", person(subjectId, "张三"));
        b.put("claims", Map.of("户籍地址", "新疆库尔勒市人民东路 1 号", "户主关系", "户主"));
        b.put("purpose", "办理入学");
        return b;
    }

    private static ValidatableResponse issue(String token, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/proofs").then();
    }

    @Test
    void issuerIssuesAndTheSubjectAndIssuerReadIt() {
        String number = issue(Tokens.issuer(Fixtures.GOOD_ISSUER), issueBody(matter, Fixtures.CITIZEN_ID))
                .statusCode(201)
                .header("Location", containsString("/api/v1/proofs/ZM-"))
                .body("status", equalTo("VALID"))
                .body("verificationCode", notNullValue())
                .body("subject.id", equalTo(Fixtures.CITIZEN_ID))
                .body("jwsCompact", notNullValue())
                .body("jwsJson", containsString("signatures"))
                .extract().path("number");
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("subject.name", equalTo("张三")).body("claims.户主关系", equalTo("户主"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("verificationCode", notNullValue());
        given().header("Authorization", Tokens.bearer(Tokens.admin())).get("/api/v1/proofs/" + number)
                .then().statusCode(200)
                .body("subject.id", equalTo("110105********002X"))
                .body("subject.name", equalTo("张*"))
                .body("verificationCode", nullValue())
                .body("claims", nullValue());
    }

    @Test
    void nobodyElseReadsIt() {
        String number = issue(Tokens.issuer(Fixtures.GOOD_ISSUER), issueBody(matter, Fixtures.CITIZEN_ID))
                .statusCode(201).extract().path("number");
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID))).get("/api/v1/proofs/" + number)
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER))).get("/api/v1/proofs/" + number)
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).get("/api/v1/proofs/" + number)
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.listEditor(Fixtures.GOOD_ISSUER))).get("/api/v1/proofs/" + number)
                .then().statusCode(403);
        given().get("/api/v1/proofs/" + number).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID))).get("/api/v1/proofs")
                .then().statusCode(200).body("items.number", not(hasItem(number)));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).get("/api/v1/proofs")
                .then().statusCode(200).body("items.number", hasItem(number));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER))).get("/api/v1/proofs")
                .then().statusCode(200).body("items.number", not(hasItem(number)));
    }

    @Test
    void aDepartmentCannotIssueAnotherDepartmentsMatter() {
        issue(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), issueBody(matter, Fixtures.CITIZEN_ID))
                .statusCode(403).body("detail", containsString(Fixtures.GOOD_ISSUER));
        issue(Tokens.verifier(Fixtures.WINDOW), issueBody(matter, Fixtures.CITIZEN_ID)).statusCode(403);
        issue(Tokens.citizen(Fixtures.CITIZEN_ID), issueBody(matter, Fixtures.CITIZEN_ID)).statusCode(403);
        issue(Tokens.admin(), issueBody(matter, Fixtures.CITIZEN_ID)).statusCode(403);
        given().contentType(ContentType.JSON).body(issueBody(matter, Fixtures.CITIZEN_ID)).post("/api/v1/proofs")
                .then().statusCode(401);
    }

    @Test
    void badInputIsRefusedAndNothingIsIssued() {
        String issuer = Tokens.issuer(Fixtures.GOOD_ISSUER);
        issue(issuer, issueBody(matter, "110105194912310021")).statusCode(400).body("errors[0].field", equalTo("subject.id"));
        issue(issuer, issueBody("NO-SUCH-MATTER", Fixtures.CITIZEN_ID)).statusCode(422);
        Map<String, Object> noClaims = issueBody(matter, Fixtures.CITIZEN_ID);
        noClaims.put("claims", Map.of());
        issue(issuer, noClaims).statusCode(400);
        Map<String, Object> enterpriseWithPersonId = issueBody(matter, Fixtures.CITIZEN_ID);
        enterpriseWithPersonId.put("subject", Map.of("kind", "ENTERPRISE", "name", "某公司", "id", Fixtures.CITIZEN_ID));
        issue(issuer, enterpriseWithPersonId).statusCode(400);
        Map<String, Object> tooLong = issueBody(matter, Fixtures.CITIZEN_ID);
        tooLong.put("validUntil", "2999-01-01T00:00:00Z");
        issue(issuer, tooLong).statusCode(400).body("errors[0].field", equalTo("validUntil"));
        given().header("Authorization", Tokens.bearer(issuer)).get("/api/v1/proofs/ZM-2026-0000-0000-0000-1")
                .then().statusCode(400);
        given().header("Authorization", Tokens.bearer(issuer)).get("/api/v1/proofs/not-a-number").then().statusCode(400);
    }

    @Test
    void aNumberThatWasNeverIssuedIs404() {
        String unissued = new ProofNumbers().newNumber(2026);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).get("/api/v1/proofs/" + unissued)
                .then().statusCode(404);
    }

    @Test
    void revokeThenReissue() {
        String issuer = Tokens.issuer(Fixtures.GOOD_ISSUER);
        String number = issue(issuer, issueBody(matter, Fixtures.CITIZEN_ID)).statusCode(201).extract().path("number");
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "ISSUED_IN_ERROR")).post("/api/v1/proofs/" + number + "/revoke").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).contentType(ContentType.JSON)
                .body(Map.of("reason", "ISSUED_IN_ERROR")).post("/api/v1/proofs/" + number + "/revoke").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("reason", "FALSE_PLEDGE")).post("/api/v1/proofs/" + number + "/revoke").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED", "note", "户籍迁出"))
                .post("/api/v1/proofs/" + number + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("revocation.reason", equalTo("DATA_CHANGED"));
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + number + "/revoke").then().statusCode(409);

        String second = issue(issuer, issueBody(matter, Fixtures.CITIZEN_ID)).statusCode(201).extract().path("number");
        String successor = given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("claims", Map.of("户籍地址", "新疆库尔勒市人民东路 2 号"), "note", "门牌号更正"))
                .post("/api/v1/proofs/" + second + "/reissue")
                .then().statusCode(201).body("supersedes", equalTo(second)).extract().path("number");
        assertNotEquals(second, successor);
        given().header("Authorization", Tokens.bearer(issuer)).get("/api/v1/proofs/" + second)
                .then().body("status", equalTo("SUPERSEDED")).body("supersededBy", equalTo(successor));
    }

    @Test
    void proofsExpireWithTheClock() {
        String issuer = Tokens.issuer(Fixtures.GOOD_ISSUER);
        String number = issue(issuer, issueBody(matter, Fixtures.CITIZEN_ID)).statusCode(201).extract().path("number");
        clock.advance(Duration.ofDays(400));
        given().header("Authorization", Tokens.bearer(issuer)).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("status", equalTo("EXPIRED"));
    }

    @Test
    void idempotentIssuanceGivesTheSameProof() {
        String issuer = Tokens.issuer(Fixtures.GOOD_ISSUER);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = issueBody(matter, Fixtures.CITIZEN_ID);
        String first = given().header("Authorization", Tokens.bearer(issuer)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/proofs").then().statusCode(201).extract().path("number");
        String again = given().header("Authorization", Tokens.bearer(issuer)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/proofs").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("number");
        assertEquals(first, again);
        given().header("Authorization", Tokens.bearer(issuer)).queryParam("subjectId", Fixtures.CITIZEN_ID).queryParam("size", 200)
                .get("/api/v1/proofs").then().statusCode(200)
                .body("items.findAll { it.number == '" + first + "' }.size()", equalTo(1));
    }

    @Test
    void citizenRequestWaitsForTheIssuerAndBecomesOverdue() {
        String slow = Matters.retained(Fixtures.GOOD_ISSUER, 5);
        String citizen = Tokens.citizen(Fixtures.CITIZEN_ID);
        Map<String, Object> request = Map.of("matterCode", slow, "subject", person(Fixtures.CITIZEN_ID, "张三"),
                "purpose", "办理退休");
        String id = given().header("Authorization", Tokens.bearer(citizen)).contentType(ContentType.JSON).body(request)
                .post("/api/v1/proof-requests").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("dueDate", notNullValue())
                .extract().path("id");
        given().header("Authorization", Tokens.bearer(citizen)).contentType(ContentType.JSON)
                .body(Map.of("matterCode", slow, "subject", person(Fixtures.OTHER_CITIZEN_ID, "李四"), "purpose", "x"))
                .post("/api/v1/proof-requests").then().statusCode(403);

        clock.advance(Duration.ofDays(30));
        String issuer = Tokens.issuer(Fixtures.GOOD_ISSUER);
        given().header("Authorization", Tokens.bearer(issuer)).queryParam("status", "OVERDUE").queryParam("size", 200)
                .get("/api/v1/proof-requests").then().statusCode(200).body("items.id", hasItem(id));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER))).queryParam("status", "OVERDUE")
                .queryParam("size", 200).get("/api/v1/proof-requests").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("decision", "ISSUE", "claims", Map.of("a", "b")))
                .post("/api/v1/proof-requests/" + id + "/decision").then().statusCode(403);
        String number = given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("decision", "ISSUE", "claims", Map.of("参保状态", "正常参保")))
                .post("/api/v1/proof-requests/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("ISSUED")).extract().path("proofNumber");
        given().header("Authorization", Tokens.bearer(citizen)).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("purpose", equalTo("办理退休"));
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "x"))
                .post("/api/v1/proof-requests/" + id + "/decision").then().statusCode(409);
    }

    @Test
    void usingUnitNeedsConsentAndIsRejectedWithAReason() {
        String slow = Matters.retained(Fixtures.GOOD_ISSUER, 3);
        String other = Matters.retained(Fixtures.GOOD_ISSUER, 3);
        String window = Tokens.verifier(Fixtures.WINDOW);
        String admin = Tokens.bearer(Tokens.admin());
        for (String m : List.of(slow, other)) {
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(Map.of("unit", Fixtures.WINDOW, "serviceMatter", "义务教育入学登记", "businessSystem", "入学服务平台",
                            "proofMatterCode", m))
                    .post("/api/v1/using-units").then().statusCode(201);
        }
        Map<String, Object> noConsent = Map.of("matterCode", slow, "subject", person(Fixtures.CITIZEN_ID, "张三"), "purpose", "办理入学");
        given().header("Authorization", Tokens.bearer(window)).contentType(ContentType.JSON).body(noConsent)
                .post("/api/v1/proof-requests").then().statusCode(400).body("errors[0].field", equalTo("consentRef"));

        // A made-up reference, another holder's consent, a consent for another matter or unit: all refused, nothing stored.
        String holder = Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID));
        String consent = grant(holder, Fixtures.WINDOW, slow);
        String otherHolders = grant(Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID)), Fixtures.WINDOW, slow);
        String otherMatter = grant(holder, Fixtures.WINDOW, other);
        String otherUnit = grant(holder, Fixtures.OTHER_WINDOW, slow);
        Map<String, String> refusals = Map.of("SQ-2026-0001", "不是持证人授予本单位的授权", otherHolders, "不是该证明主体本人授予的",
                otherMatter, "不包括本次申请的事项", otherUnit, "不是持证人授予本单位的授权");
        refusals.forEach((ref, why) -> {
            Map<String, Object> body = new HashMap<>(noConsent);
            body.put("consentRef", ref);
            given().header("Authorization", Tokens.bearer(window)).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/proof-requests").then().statusCode(403).body("detail", containsString(why));
        });
        given().header("Authorization", Tokens.bearer(window)).queryParam("size", 200).get("/api/v1/proof-requests").then()
                .statusCode(200).body("items.matterCode", not(hasItem(slow)));
        // A unit that is not on the 用证 list for the matter is refused even with a consent naming it.
        Map<String, Object> fromOtherUnit = new HashMap<>(noConsent);
        fromOtherUnit.put("consentRef", otherUnit);
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.OTHER_WINDOW))).contentType(ContentType.JSON)
                .body(fromOtherUnit).post("/api/v1/proof-requests").then().statusCode(403).body("detail", containsString("用证清单"));

        Map<String, Object> withConsent = new HashMap<>(noConsent);
        withConsent.put("consentRef", consent);
        String id = given().header("Authorization", Tokens.bearer(window)).contentType(ContentType.JSON).body(withConsent)
                .post("/api/v1/proof-requests").then().statusCode(201).body("requesterUnit", equalTo(Fixtures.WINDOW))
                .body("consentRef", equalTo(consent)).body("subjectId", startsWith("110105")).extract().path("id");
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.OTHER_WINDOW))).get("/api/v1/proof-requests/" + id)
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT")).post("/api/v1/proof-requests/" + id + "/decision").then().statusCode(400);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "本部门无该人员户籍信息"))
                .post("/api/v1/proof-requests/" + id + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().header("Authorization", Tokens.bearer(window)).get("/api/v1/proof-requests/" + id)
                .then().statusCode(200).body("rejectReason", equalTo("本部门无该人员户籍信息"));

        // Once the holder revokes the consent, the unit can no longer cite it.
        given().header("Authorization", holder).post("/api/v1/consents/" + consent + "/revoke").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(window)).contentType(ContentType.JSON).body(withConsent)
                .post("/api/v1/proof-requests").then().statusCode(403).body("detail", containsString("撤回"));
    }

    @Test
    void anExpiredConsentIsRefused() {
        String slow = Matters.retained(Fixtures.GOOD_ISSUER, 3);
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "serviceMatter", "就业登记", "businessSystem", "就业服务平台", "proofMatterCode", slow))
                .post("/api/v1/using-units").then().statusCode(201);
        String consent = grant(Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)), Fixtures.WINDOW, slow);
        clock.advance(Duration.ofDays(8));
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("matterCode", slow, "subject", person(Fixtures.CITIZEN_ID, "张三"), "purpose", "办理就业登记",
                        "consentRef", consent))
                .post("/api/v1/proof-requests").then().statusCode(403).body("detail", containsString("到期"));
    }

    /** The holder grants a consent valid for a week; returns its reference. */
    private String grant(String holder, String unit, String matterCode) {
        return given().header("Authorization", holder).contentType(ContentType.JSON)
                .body(Map.of("unit", unit, "matterCode", matterCode, "purpose", "办理入学",
                        "expiresAt", clock.instant().plus(Duration.ofDays(7)).toString()))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
    }

    @Test
    void immediateMattersAreIssuedAtOnceFromTheDepartmentsData() {
        String issuer = Tokens.issuer(Fixtures.GOOD_ISSUER);
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("subject", person(Fixtures.OTHER_CITIZEN_ID, "李四"), "claims", Map.of("婚姻状况", "未婚")))
                .put("/api/v1/proofs/data/" + matter).then().statusCode(204);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("subject", person(Fixtures.OTHER_CITIZEN_ID, "李四"), "claims", Map.of("婚姻状况", "已婚")))
                .put("/api/v1/proofs/data/" + matter).then().statusCode(403);
        String citizen = Tokens.citizen(Fixtures.OTHER_CITIZEN_ID);
        String number = given().header("Authorization", Tokens.bearer(citizen)).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", person(Fixtures.OTHER_CITIZEN_ID, "李四"), "purpose", "办理婚姻登记"))
                .post("/api/v1/proof-requests").then().statusCode(201)
                .body("status", equalTo("ISSUED")).extract().path("proofNumber");
        given().header("Authorization", Tokens.bearer(citizen)).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("claims.婚姻状况", equalTo("未婚"));
        // Without the department's data, the request waits for a person even for an immediate matter.
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", person(Fixtures.CITIZEN_ID, "张三"), "purpose", "办理婚姻登记"))
                .post("/api/v1/proof-requests").then().statusCode(201).body("status", equalTo("PENDING"));
    }
}
