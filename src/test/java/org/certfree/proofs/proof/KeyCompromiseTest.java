package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key that left ACTIVE never signs again on any replica, and a compromise revokes, in its own
 * transaction, every proof the key signed from the compromise instant on (and no other).
 */
@QuarkusTest
class KeyCompromiseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ControllableClock clock;

    @Inject
    DataSource db;

    private String dept;
    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        dept = "KC" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", dept, "name", "密钥泄露测试局" + dept, "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "659900", "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        matter = Matters.retained(dept, 0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Another replica retires the key (here: SQL on the same database, so this replica hears no change
     * signal and still holds the key in memory): the next proof is signed with a new key all the same.
     */
    @Test
    void aKeyRetiredOnAnotherReplicaNeverSignsAgain() throws Exception {
        JsonPath first = issue();
        String oldSm2 = kid(first.getString("jwsCompact"));
        String oldEd = edKid(first.getString("jwsJson"));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE signing_key SET state = 'RETIRED', retired_at = now(), publish_until = now() + interval '1 day'
                WHERE kid IN (?, ?)""")) {
            ps.setString(1, oldSm2);
            ps.setString(2, oldEd);
            assertEquals(2, ps.executeUpdate());
        }

        JsonPath second = issue();
        String newSm2 = kid(second.getString("jwsCompact"));
        assertNotEquals(oldSm2, newSm2, "a retired SM2 key signed a proof");
        assertNotEquals(oldEd, edKid(second.getString("jwsJson")), "a retired Ed25519 key signed a proof");
        assertEquals("ACTIVE", keyState(newSm2));
    }

    @Test
    void compromiseRevokesWhatTheKeySignedFromThatInstantOnAndNothingElse() {
        Instant t0 = clock.instant();
        JsonPath before = issue();
        clock.advance(Duration.ofMinutes(10));
        JsonPath after = issue();
        String sm2 = kid(before.getString("jwsCompact"));
        assertEquals(sm2, kid(after.getString("jwsCompact")));

        compromise(sm2, t0.plus(Duration.ofMinutes(5)));

        assertStatus(before, "VALID");
        assertStatus(after, "REVOKED").body("revocation.reason", equalTo("KEY_COMPROMISE"));
        given().header("Authorization", Tokens.bearer(Tokens.admin())).queryParam("action", "proof.revoked")
                .queryParam("department", dept).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.targetId", org.hamcrest.Matchers.contains(after.getString("number")));
        JsonPath fresh = issue();
        assertNotEquals(sm2, kid(fresh.getString("jwsCompact")), "the compromised key signed again");
        assertStatus(fresh, "VALID");

        // the Ed25519 key of all three, compromised later: only what it signed since goes
        String ed = edKid(fresh.getString("jwsJson"));
        assertEquals(ed, edKid(before.getString("jwsJson")));
        Instant t1 = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        JsonPath latest = issue();
        compromise(ed, t1.plus(Duration.ofMinutes(5)));
        assertStatus(latest, "REVOKED").body("revocation.reason", equalTo("KEY_COMPROMISE"));
        assertStatus(fresh, "VALID");
        assertStatus(before, "VALID");
    }

    // ------------------------------------------------------------------ helpers

    private JsonPath issue() {
        return given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType(ContentType.JSON)
                .body(ProofResourceTest.issueBody(matter, Fixtures.CITIZEN_ID)).post("/api/v1/proofs")
                .then().statusCode(201).extract().jsonPath();
    }

    private void compromise(String kid, Instant from) {
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("compromisedAt", from.toString(), "reason", "签名服务器疑似被入侵"))
                .post("/api/v1/departments/" + dept + "/keys/" + kid + "/compromise").then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse assertStatus(JsonPath proof, String status) {
        return given().header("Authorization", Tokens.bearer(Tokens.issuer(dept)))
                .get("/api/v1/proofs/" + proof.getString("number")).then().statusCode(200).body("status", equalTo(status));
    }

    private String keyState(String kid) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state FROM signing_key WHERE kid = ?")) {
            ps.setString(1, kid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String kid(String compact) {
        return header(compact.substring(0, compact.indexOf('.'))).get("kid").asText();
    }

    private static String edKid(String generalJson) {
        try {
            for (JsonNode s : JSON.readTree(generalJson).get("signatures")) {
                JsonNode h = header(s.get("protected").asText());
                if ("EdDSA".equals(h.get("alg").asText())) {
                    return h.get("kid").asText();
                }
            }
            throw new AssertionError("no EdDSA signature in " + generalJson);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode header(String b64) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
