package org.certfree.proofs.copy;

import static org.certfree.proofs.copy.CopyFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.testsupport.ClearText;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.HolderAccessCollector;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Making and withdrawing purpose-bound copies (加注件) through the API: the signed token and what it binds, who may
 * make and withdraw one (both ways), bad input refused with nothing stored, the limit (also under concurrency),
 * Idempotency-Key, encryption at rest and the holder's access log.
 */
@QuarkusTest
class CopyResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    @Inject
    DataSource db;

    @Inject
    HolderIndex holders;

    @Inject
    HolderAccessCollector accessLog;

    @Test
    void theHolderMakesACopyWhoseTokenBindsUnitPurposeExpiryAndTheProofsStatusEntry() throws Exception {
        CopyFixtures f = new CopyFixtures();
        Map<String, Object> body = f.body(Fixtures.WINDOW);
        body.put("disclose", List.of("subject.name", "claims.户籍地址"));
        Response r = f.asHolder().header("Idempotency-Key", "copy-" + UUID.randomUUID()).body(body).post("/api/v1/copies");
        r.then().statusCode(201).header("Location", containsString("/api/v1/copies/"))
                .body("unit", equalTo(Fixtures.WINDOW)).body("purpose", equalTo(CopyFixtures.PURPOSE))
                .body("valid", equalTo(true)).body("tokenJson", notNullValue());
        String token = r.path("token");
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = JSON.readTree(B64.decode(parts[0]));
        assertEquals("certfree-copy+jwt", header.get("typ").asText());
        assertEquals("SM2SM3", header.get("alg").asText());
        JsonNode claims = JSON.readTree(B64.decode(parts[1]));
        assertEquals(r.path("id").toString(), claims.get("jti").asText());
        assertEquals(Fixtures.WINDOW, claims.get("aud").asText());
        assertEquals(Fixtures.GOOD_ISSUER, claims.get("iss").asText());
        assertEquals(CopyFixtures.PURPOSE, claims.get("purpose").asText());
        assertEquals(f.number, claims.get("number").asText());
        long exp = claims.get("exp").asLong();
        long iat = claims.get("iat").asLong();
        assertEquals(Duration.ofDays(30).toSeconds(), exp - iat, 2, "30 days by default");
        assertEquals(Instant.parse(r.path("expiresAt")).getEpochSecond(), exp);
        // the proof inside: its issuer-signed JWT and the two chosen disclosures; its status entry is the copy's
        String[] sd = claims.get("sd_jwt").asText().split("~");
        assertEquals(3, sd.length, "JWT and two disclosures");
        JsonNode proof = JSON.readTree(B64.decode(sd[0].split("\\.")[1]));
        assertEquals(proof.get("status"), claims.get("status"));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(B64.decode(sd[0].split("\\.")[1]))), claims.get("proof_sha256").asText());
        // no identifier in the token (the holder did not disclose it), in clear or encoded
        assertTrue(ClearText.find(token, List.of(f.holderId)).isEmpty(), "the identifier was not disclosed");

        // the holder reads it again with its token; their list shows it without
        String id = r.path("id");
        f.asHolder().get("/api/v1/copies/" + id).then().statusCode(200).body("token", equalTo(token));
        f.asHolder().get("/api/v1/copies?proofNumber=" + f.number).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].token", equalTo(null));

        // at rest: the tokens are encrypted, nothing personal in clear in the row
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT row_to_json(p)::text FROM proof_copy p WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String row = rs.getString(1);
                assertTrue(ClearText.find(row, List.of(f.holderId, "张三", "人民东路")).isEmpty(), row);
                assertFalse(row.contains(parts[1]), "the token is stored encrypted");
            }
        }
        // the holder's access log: the copy made, for which unit and purpose
        HolderAccess made = accessLog.of(holders.of(f.holderId)).stream().filter(a -> a.kind() == AccessKind.COPY_MADE)
                .findFirst().orElseThrow();
        assertEquals(Fixtures.WINDOW, made.unit());
        assertEquals(CopyFixtures.PURPOSE, made.purpose());
        assertEquals(id, made.details().get("copy"));
        f.asHolder().get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.find { it.kind == 'COPY_MADE' }.unit", equalTo(Fixtures.WINDOW))
                .body("items.find { it.kind == 'COPY_MADE' }.purpose", equalTo(CopyFixtures.PURPOSE));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMakesNoSecondCopy() {
        CopyFixtures f = new CopyFixtures();
        String key = "copy-" + UUID.randomUUID();
        String first = f.asHolder().header("Idempotency-Key", key).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies")
                .then().statusCode(201).extract().path("id");
        Response again = f.asHolder().header("Idempotency-Key", key).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies");
        again.then().statusCode(201).body("id", equalTo(first)).header("Idempotent-Replayed", "true");
        assertEquals(1, copiesOf(f.number));
    }

    @Test
    void onlyTheHolderOrAUnitWithConsentMakesACopyAndOnlyForThatUnit() {
        CopyFixtures f = new CopyFixtures();
        // another citizen, staff of the issuer, ADMIN, no token
        as(Tokens.citizen(Fixtures.randomResidentId())).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies").then().statusCode(404);
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies").then().statusCode(403);
        as(Tokens.admin()).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(f.body(Fixtures.WINDOW)).post("/api/v1/copies")
                .then().statusCode(401);
        // a unit without the holder's consent, and one making a copy for another unit
        as(Tokens.verifier(Fixtures.WINDOW)).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies").then().statusCode(403)
                .body("detail", containsString("没有授权"));
        as(Tokens.verifier(Fixtures.OTHER_WINDOW)).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies").then().statusCode(403);
        assertEquals(0, copiesOf(f.number));

        // with the holder's consent for this matter and purpose (the name only), the unit makes one for itself
        Instant consentUntil = Instant.now().plus(Duration.ofDays(10));
        f.asHolder().body(Map.of("unit", Fixtures.WINDOW, "matterCode", CopyFixtures.matter(), "purpose", CopyFixtures.PURPOSE,
                "expiresAt", consentUntil.toString(), "disclose", List.of("subject.name"))).post("/api/v1/consents")
                .then().statusCode(201);
        Map<String, Object> more = f.body(Fixtures.WINDOW);
        more.put("disclose", List.of("subject.name", "subject.id"));
        as(Tokens.verifier(Fixtures.WINDOW)).body(more).post("/api/v1/copies").then().statusCode(403)
                .body("detail", containsString("subject.id"));
        Map<String, Object> later = f.body(Fixtures.WINDOW);
        later.put("expiresAt", consentUntil.plus(Duration.ofDays(1)).toString());
        as(Tokens.verifier(Fixtures.WINDOW)).body(later).post("/api/v1/copies").then().statusCode(400);
        Map<String, Object> otherPurpose = f.body(Fixtures.WINDOW);
        otherPurpose.put("purpose", "办理社保");
        as(Tokens.verifier(Fixtures.WINDOW)).body(otherPurpose).post("/api/v1/copies").then().statusCode(403);
        Response byUnit = as(Tokens.verifier(Fixtures.WINDOW)).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies");
        byUnit.then().statusCode(201).body("consentId", notNullValue()).body("disclose", equalTo(List.of("subject.name")));
        assertTrue(!Instant.parse(byUnit.path("expiresAt")).isAfter(consentUntil), "no later than the consent");
        assertEquals(1, copiesOf(f.number));
        // the unit cannot read or withdraw the holder's copies: those are the holder's
        as(Tokens.verifier(Fixtures.WINDOW)).get("/api/v1/copies/" + byUnit.path("id")).then().statusCode(403);
        as(Tokens.verifier(Fixtures.WINDOW)).post("/api/v1/copies/" + byUnit.path("id") + "/withdraw").then().statusCode(403);
        f.asHolder().get("/api/v1/copies/" + byUnit.path("id")).then().statusCode(200);
    }

    @Test
    void badInputIsAProblemInChineseAndStoresNothing() {
        CopyFixtures f = new CopyFixtures();
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(with(f, "purpose", "  "));
        bad.add(with(f, "purpose", "入".repeat(201)));
        bad.add(with(f, "purpose", "办理\n入学"));
        bad.add(with(f, "purpose", null));
        bad.add(with(f, "unit", null));
        bad.add(with(f, "unit", Fixtures.OTHER_DEPT_ISSUER)); // not a using unit
        bad.add(with(f, "proofNumber", "not-a-number"));
        bad.add(with(f, "expiresAt", Instant.now().minusSeconds(60).toString()));
        bad.add(with(f, "expiresAt", Instant.now().plus(Duration.ofDays(91)).toString()));
        bad.add(with(f, "disclose", List.of("claims.婚姻状况")));
        bad.add(with(f, "disclose", List.of("subject.birthday")));
        bad.add(with(f, "disclose", List.of()));
        for (Map<String, Object> body : bad) {
            Response r = f.asHolder().body(body).post("/api/v1/copies");
            assertEquals(400, r.statusCode(), body + " → " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
            String detail = r.asString();
            assertTrue(detail.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), detail);
        }
        f.asHolder().body("{").post("/api/v1/copies").then().statusCode(400);
        f.asHolder().post("/api/v1/copies").then().statusCode(400);
        assertEquals(0, copiesOf(f.number));
    }

    @Test
    void aRevokedSupersededOrSuspendedProofGetsNoCopy() {
        CopyFixtures revoked = new CopyFixtures();
        revoked.revoke();
        revoked.asHolder().body(revoked.body(Fixtures.WINDOW)).post("/api/v1/copies").then().statusCode(409)
                .body("detail", containsString("撤销"));
        CopyFixtures suspended = new CopyFixtures();
        suspended.suspend();
        suspended.asHolder().body(suspended.body(Fixtures.WINDOW)).post("/api/v1/copies").then().statusCode(409)
                .body("detail", containsString("暂停"));
        CopyFixtures corrected = new CopyFixtures();
        corrected.supersede();
        corrected.asHolder().body(corrected.body(Fixtures.WINDOW)).post("/api/v1/copies").then().statusCode(409)
                .body("detail", containsString("替代"));
        assertEquals(0, copiesOf(revoked.number) + copiesOf(suspended.number) + copiesOf(corrected.number));
    }

    @Test
    void atMostThreeValidCopiesAndAWithdrawalFreesASlot() {
        CopyFixtures f = new CopyFixtures();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(f.make().path("id"));
        }
        Response fourth = f.asHolder().body(f.body(Fixtures.OTHER_WINDOW)).post("/api/v1/copies");
        fourth.then().statusCode(429).body("detail", containsString("上限"));
        assertTrue(Long.parseLong(fourth.getHeader("Retry-After")) > 0);

        // withdrawal: not by another citizen; by the holder, once (a second keeps the first time), logged
        as(Tokens.citizen(Fixtures.randomResidentId())).post("/api/v1/copies/" + ids.get(0) + "/withdraw").then().statusCode(404);
        String at = f.asHolder().post("/api/v1/copies/" + ids.get(0) + "/withdraw").then().statusCode(200)
                .body("valid", equalTo(false)).extract().path("withdrawnAt");
        f.asHolder().post("/api/v1/copies/" + ids.get(0) + "/withdraw").then().statusCode(200).body("withdrawnAt", equalTo(at));
        assertEquals(1, accessLog.of(holders.of(f.holderId)).stream().filter(a -> a.kind() == AccessKind.COPY_WITHDRAWN).count());

        f.asHolder().body(f.body(Fixtures.OTHER_WINDOW)).post("/api/v1/copies").then().statusCode(201);
        assertEquals(4, copiesOf(f.number));
    }

    @Test
    void twoParallelRequestsForTheLastSlotMakeOneCopy() throws Exception {
        CopyFixtures f = new CopyFixtures();
        f.make();
        f.make();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> one = () -> {
                start.await();
                return f.asHolder().body(f.body(Fixtures.WINDOW)).post("/api/v1/copies").statusCode();
            };
            Future<Integer> a = pool.submit(one);
            Future<Integer> b = pool.submit(one);
            start.countDown();
            List<Integer> codes = new ArrayList<>(List.of(a.get(), b.get()));
            codes.sort(Integer::compare);
            assertEquals(List.of(201, 429), codes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, copiesOf(f.number));
    }

    private static Map<String, Object> with(CopyFixtures f, String field, Object value) {
        Map<String, Object> body = new HashMap<>(f.body(Fixtures.WINDOW));
        body.put(field, value);
        return body;
    }

    private int copiesOf(String number) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM proof_copy WHERE proof_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
