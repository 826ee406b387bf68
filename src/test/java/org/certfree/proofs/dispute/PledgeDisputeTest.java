package org.certfree.proofs.dispute;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dispute on a pledge document (告知承诺书): suspended while open, verified as such by the unit it was made
 * to; upheld only by revocation (a pledge is the pledger's own statement: no corrected re-issue, and the
 * FALSE_PLEDGE reason belongs to the post-check), and that revocation is audited like every other.
 */
@QuarkusTest
class PledgeDisputeTest {

    static final String MATTER = "BZSCJGJ-N001";
    static final String SCJ = "BZSCJGJ";
    static final String UNIT = "BZZWZX";

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Inject
    DataSource db;

    @BeforeEach
    void seed() {
        demoData.seed();
        demoData.seedKeys();
        lists.seed();
    }

    @Test
    void aDisputedPledgeIsSuspendedAndUpheldOnlyByAnAuditedRevocation() throws Exception {
        String holder = Fixtures.randomResidentId();
        JsonPath pledge = pledge(holder);
        String number = pledge.getString("number");
        String code = pledge.getString("document.verificationCode");

        String id = as(Tokens.citizen(holder)).body(Map.of("proofNumber", number, "reason", "承诺内容填写有误，申请撤回。"))
                .post("/api/v1/disputes").then().statusCode(201).body("documentKind", equalTo("PLEDGE"))
                .extract().path("id");
        verify(number, code).body("indication", equalTo("INDETERMINATE")).body("subIndication", equalTo("SUSPENDED"));

        String decision = "/api/v1/disputes/" + id + "/decision";
        as(Tokens.issuer(SCJ)).body(Map.of("outcome", "REISSUE", "note", "更正", "claims", Map.of("x", "y")))
                .post(decision).then().statusCode(400).contentType("application/problem+json");
        as(Tokens.issuer(SCJ)).body(Map.of("outcome", "REVOKE", "note", "x", "revocationReason", "FALSE_PLEDGE"))
                .post(decision).then().statusCode(400).contentType("application/problem+json");
        as(Tokens.issuer("BZGAJ")).body(Map.of("outcome", "REVOKE", "note", "x", "revocationReason", "ISSUED_IN_ERROR"))
                .post(decision).then().statusCode(403);
        assertEquals(0, revocationsAudited(number), "a refused decision changes nothing");
        verify(number, code).body("subIndication", equalTo("SUSPENDED"));

        as(Tokens.issuer(SCJ)).body(Map.of("outcome", "REVOKE", "note", "承诺人申请撤回", "revocationReason", "ISSUED_IN_ERROR"))
                .post(decision).then().statusCode(200).body("status", equalTo("UPHELD")).body("outcome", equalTo("REVOKE"));
        verify(number, code).body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("REVOKED"));
        given().queryParam("code", code).get("/api/v1/proofs/" + number + "/status").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("documentText", containsString("告知承诺"));
        // the revocations check holds the status to this audit row
        assertEquals(1, revocationsAudited(number));
        // the signed decision binds the note (by digest) and the revocation reason; the decided row is final
        String jws = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/disputes/" + id)
                .then().statusCode(200).extract().path("decisionJws");
        JsonNode decided = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
        assertEquals(DisputeService.digest(UUID.fromString(id), "note", "承诺人申请撤回"), decided.get("noteDigest").asText());
        assertEquals(DisputeService.digest(UUID.fromString(id), "reason", "承诺内容填写有误，申请撤回。"),
                decided.get("reasonDigest").asText());
        assertEquals("ISSUED_IN_ERROR", decided.get("revocationReason").asText());
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE dispute SET outcome = 'DISMISSED' WHERE id = CAST(? AS uuid)")) {
            s.setString(1, id);
            SQLException refused = assertThrows(SQLException.class, s::executeUpdate);
            assertEquals("23IMM", refused.getSQLState());
        }
    }

    private int revocationsAudited(String number) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM audit_event WHERE action = 'proof.revoked' AND target_id = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static JsonPath pledge(String holder) {
        JsonPath t = given().get("/api/v1/commitment-templates/" + MATTER).then().statusCode(200).extract().jsonPath();
        Map<String, String> answers = new HashMap<>();
        for (String field : t.<String>getList("fields.name")) {
            answers.put(field, "测试填报内容");
        }
        return as(Tokens.citizen(holder)).body(Map.of("matterCode", MATTER, "templateHash", t.getString("hash"),
                "textHash", t.getString("textHash"), "usingUnit", UNIT, "serviceMatter", "个体工商户设立登记",
                "pledger", Map.of("kind", "PERSON", "name", "张伟", "id", holder), "answers", answers, "accept", true))
                .post("/api/v1/commitments").then().statusCode(201).extract().jsonPath();
    }

    private static ValidatableResponse verify(String number, String code) {
        return as(Tokens.verifier(UNIT)).body(Map.of("number", number, "code", code, "purpose", "核验承诺"))
                .post("/api/v1/verifications").then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }
}
