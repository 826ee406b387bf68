package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A department's data on a subject at {@code /api/v1/subject-records/{matterCode}}, and the old
 * {@code /api/v1/proofs/data/{matterCode}} kept as a deprecated alias with the same behaviour.
 */
@QuarkusTest
class SubjectRecordResourceTest {

    private static final String PATH = "/api/v1/subject-records/";
    private static final String OLD_PATH = "/api/v1/proofs/data/";

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
    }

    private static Map<String, Object> record(String subjectId, String maritalStatus) {
        return Map.of("subject", ProofResourceTest.person(subjectId, "李四"), "claims", Map.of("婚姻状况", maritalStatus));
    }

    private static ValidatableResponse put(String token, String path, Object body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(body)
                .put(path).then();
    }

    private static String requestAsCitizen(String subjectId, String matter) {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(subjectId))).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", ProofResourceTest.person(subjectId, "李四"), "purpose", "办理婚姻登记"))
                .post("/api/v1/proof-requests").then().statusCode(201)
                .body("status", equalTo("ISSUED")).extract().path("proofNumber");
    }

    @Test
    void anImmediateRequestIsIssuedFromTheRecord() {
        put(Tokens.issuer(Fixtures.GOOD_ISSUER), PATH + matter, record(Fixtures.OTHER_CITIZEN_ID, "未婚")).statusCode(204);
        String number = requestAsCitizen(Fixtures.OTHER_CITIZEN_ID, matter);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID))).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("claims.婚姻状况", equalTo("未婚"));
    }

    /** Issue #12, item 2: what a department signs about the subject comes from its record, never from the request. */
    @Test
    void aRequestNamingTheHolderOtherwiseIsRefusedAndNothingIsStored() {
        put(Tokens.issuer(Fixtures.GOOD_ISSUER), PATH + matter, record(Fixtures.OTHER_CITIZEN_ID, "未婚")).statusCode(204);
        String citizen = Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID));
        int before = requests(citizen);
        given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", ProofResourceTest.person(Fixtures.OTHER_CITIZEN_ID, "王大锤"),
                        "purpose", "办理婚姻登记"))
                .post("/api/v1/proof-requests").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo(Messages.REQUEST_SUBJECT_MISMATCH));
        // a using unit holding the holder's consent fares no better
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        String consent = given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理婚姻登记",
                        "expiresAt", java.time.Instant.now().plusSeconds(86400).toString()))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", ProofResourceTest.person(Fixtures.OTHER_CITIZEN_ID, "王大锤"),
                        "purpose", "办理婚姻登记", "consentRef", consent))
                .post("/api/v1/proof-requests").then().statusCode(422).body("detail", equalTo(Messages.REQUEST_SUBJECT_MISMATCH));
        assertEquals(before, requests(citizen), "no request was stored");
        // with the name the department holds, the proof is issued and names the holder as the record does
        String number = requestAsCitizen(Fixtures.OTHER_CITIZEN_ID, matter);
        given().header("Authorization", citizen).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("subject.name", equalTo("李四"));
    }

    private static int requests(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/proof-requests?size=200").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void aRecordIsReplacedByTheNextOne() {
        put(Tokens.issuer(Fixtures.GOOD_ISSUER), PATH + matter, record(Fixtures.OTHER_CITIZEN_ID, "未婚")).statusCode(204);
        put(Tokens.issuer(Fixtures.GOOD_ISSUER), PATH + matter, record(Fixtures.OTHER_CITIZEN_ID, "已婚")).statusCode(204);
        String number = requestAsCitizen(Fixtures.OTHER_CITIZEN_ID, matter);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID))).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("claims.婚姻状况", equalTo("已婚"));
    }

    @Test
    void onlyAnIssuerOfTheMattersDepartmentRecords() {
        put(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), PATH + matter, record(Fixtures.OTHER_CITIZEN_ID, "已婚")).statusCode(403);
        put(Tokens.verifier(Fixtures.WINDOW), PATH + matter, record(Fixtures.OTHER_CITIZEN_ID, "已婚")).statusCode(403);
        given().contentType(ContentType.JSON).body(record(Fixtures.OTHER_CITIZEN_ID, "已婚")).put(PATH + matter)
                .then().statusCode(401);
    }

    @Test
    void badInputIsRefused() {
        put(Tokens.issuer(Fixtures.GOOD_ISSUER), PATH + matter, Map.of("subject", ProofResourceTest.person(Fixtures.OTHER_CITIZEN_ID, "李四")))
                .statusCode(400).contentType("application/problem+json");
        put(Tokens.issuer(Fixtures.GOOD_ISSUER), PATH + matter, "").statusCode(400);
    }

    @Test
    void theOldPathStillRecordsTheSameWay() {
        put(Tokens.issuer(Fixtures.GOOD_ISSUER), OLD_PATH + matter, record(Fixtures.OTHER_CITIZEN_ID, "未婚")).statusCode(204);
        put(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), OLD_PATH + matter, record(Fixtures.OTHER_CITIZEN_ID, "已婚")).statusCode(403);
        String number = requestAsCitizen(Fixtures.OTHER_CITIZEN_ID, matter);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID))).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("claims.婚姻状况", equalTo("未婚"));
    }

    @Test
    void theDocumentMarksOnlyTheOldPathDeprecated() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .rootPath("paths")
                .body("'/api/v1/proofs/data/{matterCode}'.put.deprecated", equalTo(true))
                .body("'/api/v1/subject-records/{matterCode}'.put.deprecated", nullValue())
                .body("'/api/v1/subject-records/{matterCode}'.put.security[0].bearer", equalTo(List.of()));
    }
}
