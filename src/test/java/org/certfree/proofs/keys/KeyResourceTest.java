package org.certfree.proofs.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keys endpoints with each role both ways, and the public JWKS. */
@QuarkusTest
class KeyResourceTest {

    @Inject
    KeyService keys;

    @Inject
    KeyDirectory directory;

    @Inject
    Jws jws;

    @Inject
    JwsVerifier verifier;

    @Inject
    ControllableClock clock;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String auth(String token) {
        return Tokens.bearer(token);
    }

    private static String admin() {
        return auth(Tokens.admin());
    }

    private static String keysPath(String dept) {
        return "/api/v1/departments/" + dept + "/keys";
    }

    private static List<Map<String, Object>> list(String dept) {
        return given().header("Authorization", admin()).get(keysPath(dept)).then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private static Map<String, Object> compromiseBody(Instant at) {
        return Map.of("compromisedAt", at.toString(), "reason", "私钥文件被误传到公共网盘");
    }

    // ------------------------------------------------------------------ GET

    @Test
    void listingShowsPublicMetadataToAdminAndOwnStaffOnly() {
        String dept = KeyFixtures.newIssuer();
        String other = KeyFixtures.newIssuer();
        keys.ensureKeys(dept);

        given().header("Authorization", admin()).get(keysPath(dept)).then().statusCode(200)
                .body("$", hasSize(2))
                .body("state", everyItem(equalTo("ACTIVE")))
                .body("alg", hasItem("SM2SM3")).body("alg", hasItem("EdDSA"))
                .body("departmentCode", everyItem(equalTo(dept)))
                .body("jwk.kty", hasItem("EC")).body("jwk.crv", hasItem("SM2"))
                .body("jwk.kty", hasItem("OKP")).body("jwk.crv", hasItem("Ed25519"))
                .body(not(containsString("\"d\""))).body(not(containsString("sealed"))).body(not(containsString("private")));

        given().header("Authorization", auth(Tokens.issuer(dept))).get(keysPath(dept)).then().statusCode(200).body("$", hasSize(2));
        given().header("Authorization", auth(Tokens.issuer(other))).get(keysPath(dept)).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", auth(Tokens.issuer(dept))).get(keysPath(other)).then().statusCode(403);
        given().header("Authorization", auth(Tokens.citizen(Fixtures.CITIZEN_ID)))
                .get(keysPath(dept)).then().statusCode(403);
        given().get(keysPath(dept)).then().statusCode(401);
        given().header("Authorization", admin()).get(keysPath("NOSUCHDEPT")).then().statusCode(404)
                .body("detail", containsString("NOSUCHDEPT"));
        given().header("Authorization", admin()).get(keysPath(other)).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void staffOfTheDepartmentInOtherRolesMayRead() {
        String dept = KeyFixtures.newDepartment("ISSUER", "USING_UNIT");
        keys.ensureKeys(dept);
        given().header("Authorization", auth(Tokens.verifier(dept))).get(keysPath(dept)).then().statusCode(200)
                .body("$", hasSize(2));
    }

    // ------------------------------------------------------------------ rotate

    @Test
    void adminRotatesAndOldKeysAreRetiredNotDeleted() {
        String dept = KeyFixtures.newIssuer();
        List<String> before = keys.ensureKeys(dept).stream().map(k -> k.kid()).toList();

        List<String> rotated = given().header("Authorization", admin()).post(keysPath(dept) + "/rotate")
                .then().statusCode(200)
                .body("$", hasSize(2)).body("state", everyItem(equalTo("ACTIVE")))
                .extract().jsonPath().getList("kid");
        assertTrue(rotated.stream().noneMatch(before::contains));

        List<Map<String, Object>> all = list(dept);
        assertEquals(4, all.size());
        for (Map<String, Object> k : all) {
            boolean old = before.contains(k.get("kid"));
            assertEquals(old ? "RETIRED" : "ACTIVE", k.get("state"));
            assertEquals(old, k.get("retiredAt") != null);
            assertEquals(old, k.get("publishUntil") != null);
        }
        assertEquals(rotated.get(0), directory.active(dept, KeyAlgorithm.valueOf(
                (String) all.stream().filter(k -> k.get("kid").equals(rotated.get(0))).findFirst().orElseThrow().get("algorithm")))
                .kid(), "signing uses the new key at once");
    }

    @Test
    void anIssuerRotatesItsOwnKeysAndNeverAnotherDepartmentsEitherWay() {
        String a = KeyFixtures.newIssuer();
        String b = KeyFixtures.newIssuer();
        List<String> aKids = keys.ensureKeys(a).stream().map(k -> k.kid()).toList();
        List<String> bKids = keys.ensureKeys(b).stream().map(k -> k.kid()).toList();

        given().header("Authorization", auth(Tokens.issuer(a))).post(keysPath(b) + "/rotate").then().statusCode(403)
                .body("detail", containsString(b));
        given().header("Authorization", auth(Tokens.issuer(b))).post(keysPath(a) + "/rotate").then().statusCode(403);
        assertEquals(aKids, keys.ensureKeys(a).stream().map(k -> k.kid()).toList(), "A's keys untouched");
        assertEquals(bKids, keys.ensureKeys(b).stream().map(k -> k.kid()).toList(), "B's keys untouched");

        given().header("Authorization", auth(Tokens.issuer(a))).post(keysPath(a) + "/rotate").then().statusCode(200);
        given().header("Authorization", auth(Tokens.issuer(b))).post(keysPath(b) + "/rotate").then().statusCode(200);
        assertTrue(keys.ensureKeys(a).stream().noneMatch(k -> aKids.contains(k.kid())));
        assertTrue(keys.ensureKeys(b).stream().noneMatch(k -> bKids.contains(k.kid())));
    }

    @Test
    void otherRolesCannotRotate() {
        String dept = KeyFixtures.newDepartment("ISSUER", "USING_UNIT", "REVIEWER");
        given().header("Authorization", auth(Tokens.verifier(dept))).post(keysPath(dept) + "/rotate").then().statusCode(403);
        given().header("Authorization", auth(Tokens.reviewer(dept))).post(keysPath(dept) + "/rotate").then().statusCode(403);
        given().header("Authorization", auth(Tokens.citizen(Fixtures.CITIZEN_ID)))
                .post(keysPath(dept) + "/rotate").then().statusCode(403);
        given().post(keysPath(dept) + "/rotate").then().statusCode(401);
    }

    @Test
    void rotationOfUnknownOrNonSigningDepartments() {
        given().header("Authorization", admin()).post(keysPath("NOSUCHDEPT") + "/rotate").then().statusCode(404);
        String window = KeyFixtures.newDepartment("USING_UNIT");
        given().header("Authorization", admin()).post(keysPath(window) + "/rotate").then().statusCode(422)
                .body("type", equalTo("urn:certfree:problem:unprocessable"))
                .body("detail", containsString(window));
        assertEquals(List.of(), list(window));

        String closed = KeyFixtures.newIssuer();
        given().header("Authorization", admin()).delete("/api/v1/departments/" + closed).then().statusCode(200);
        given().header("Authorization", admin()).post(keysPath(closed) + "/rotate").then().statusCode(409);
    }

    @Test
    void aRetriedRotationWithTheSameIdempotencyKeyRotatesOnce() {
        String dept = KeyFixtures.newIssuer();
        keys.ensureKeys(dept);
        String key = "rotate-" + UUID.randomUUID();
        Response first = given().header("Authorization", admin()).header("Idempotency-Key", key).post(keysPath(dept) + "/rotate");
        Response second = given().header("Authorization", admin()).header("Idempotency-Key", key).post(keysPath(dept) + "/rotate");
        assertEquals(200, first.statusCode());
        assertEquals(200, second.statusCode());
        assertEquals("true", second.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getList("kid"), second.jsonPath().getList("kid"));
        assertEquals(4, list(dept).size(), "one rotation: two retired, two active");
    }

    // ------------------------------------------------------------------ compromise

    @Test
    void adminDeclaresAnActiveKeyCompromisedAndItIsReplaced() {
        String dept = KeyFixtures.newIssuer();
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        String ed = directory.active(dept, KeyAlgorithm.ED25519).kid();
        Instant at = clock.instant().minusSeconds(600);

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(compromiseBody(at))
                .post(keysPath(dept) + "/" + kid + "/compromise")
                .then().statusCode(200)
                .body("kid", equalTo(kid))
                .body("state", equalTo("COMPROMISED"))
                .body("compromisedAt", equalTo(at.toString()))
                .body("compromiseReason", equalTo("私钥文件被误传到公共网盘"))
                .body("retiredAt", not(equalTo(null)));

        List<Map<String, Object>> all = list(dept);
        assertEquals(3, all.size());
        assertTrue(all.stream().anyMatch(k -> k.get("algorithm").equals("SM2_SM3") && k.get("state").equals("ACTIVE")));
        assertTrue(all.stream().anyMatch(k -> k.get("kid").equals(ed) && k.get("state").equals("ACTIVE")),
                "the other algorithm's key is untouched");
        assertNotEquals(kid, directory.active(dept, KeyAlgorithm.SM2_SM3).kid());
    }

    @Test
    void onlyAdminMayDeclareACompromise() {
        String dept = KeyFixtures.newIssuer();
        String kid = directory.active(dept, KeyAlgorithm.ED25519).kid();
        Map<String, Object> body = compromiseBody(clock.instant().minusSeconds(60));
        for (String token : List.of(Tokens.issuer(dept), Tokens.verifier(Fixtures.WINDOW),
                Tokens.citizen(Fixtures.CITIZEN_ID))) {
            given().header("Authorization", auth(token)).contentType(ContentType.JSON).body(body)
                    .post(keysPath(dept) + "/" + kid + "/compromise").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).post(keysPath(dept) + "/" + kid + "/compromise").then().statusCode(401);
        assertEquals(KeyState.ACTIVE, keys.find(kid).orElseThrow().state());
    }

    @Test
    void compromiseRequestsAreValidated() {
        String dept = KeyFixtures.newIssuer();
        String other = KeyFixtures.newIssuer();
        String kid = directory.active(dept, KeyAlgorithm.ED25519).kid();
        String path = keysPath(dept) + "/" + kid + "/compromise";

        given().header("Authorization", admin()).contentType(ContentType.JSON).post(path).then().statusCode(400);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post(path).then().statusCode(400).body("errors.field", hasItem(containsString("compromisedAt")));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("compromisedAt", clock.instant().toString(), "reason", " "))
                .post(path).then().statusCode(400).body("errors.field", hasItem(containsString("reason")));
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("compromisedAt", "yesterday", "reason", "x")).post(path).then().statusCode(400);
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(compromiseBody(clock.instant().plusSeconds(3600))).post(path).then().statusCode(400)
                .body("errors.field", hasItem("compromisedAt"));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(compromiseBody(clock.instant()))
                .post(keysPath(dept) + "/nosuchkid/compromise").then().statusCode(404);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(compromiseBody(clock.instant()))
                .post(keysPath(other) + "/" + kid + "/compromise").then().statusCode(404)
                .body("detail", containsString(other));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(compromiseBody(clock.instant()))
                .post(keysPath("NOSUCHDEPT") + "/" + kid + "/compromise").then().statusCode(404);
        assertEquals(KeyState.ACTIVE, keys.find(kid).orElseThrow().state(), "nothing changed");
    }

    @Test
    void aCompromiseInstantCanOnlyMoveEarlier() {
        String dept = KeyFixtures.newIssuer();
        String kid = directory.active(dept, KeyAlgorithm.ED25519).kid();
        String path = keysPath(dept) + "/" + kid + "/compromise";
        Instant first = clock.instant().minusSeconds(60);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(compromiseBody(first))
                .post(path).then().statusCode(200);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(compromiseBody(first.plusSeconds(30)))
                .post(path).then().statusCode(409).body("detail", containsString(kid));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(compromiseBody(first.minusSeconds(3600)))
                .post(path).then().statusCode(200).body("compromisedAt", equalTo(first.minusSeconds(3600).toString()));
        assertEquals(3, list(dept).size(), "the replacement key was made once");
    }

    @Test
    void aRetiredKeyCanBeCompromisedToo() {
        String dept = KeyFixtures.newIssuer();
        String signed = jws.signCompact(dept, KeyAlgorithm.SM2_SM3, "x".getBytes(), "t");
        String kid = verifier.verify(signed).kids().get(0);
        keys.rotate(dept);
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(compromiseBody(clock.instant().minusSeconds(3600)))
                .post(keysPath(dept) + "/" + kid + "/compromise").then().statusCode(200).body("state", equalTo("COMPROMISED"));
        assertEquals(JwsOutcome.KEY_COMPROMISED, verifier.verify(signed).outcome());
        assertEquals(4, list(dept).size(), "no replacement for a key that no longer signs");
    }

    // ------------------------------------------------------------------ JWKS

    @Test
    void theJwksIsPublicCacheableAndHoldsEveryPublishedKey() {
        String dept = KeyFixtures.newIssuer();
        List<String> kids = keys.ensureKeys(dept).stream().map(k -> k.kid()).toList();

        Response r = given().get("/.well-known/jwks.json");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("application/jwk-set+json"), r.contentType());
        assertEquals("public, max-age=300", r.header("Cache-Control"));
        String etag = r.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "strong ETag");
        assertFalse(r.asString().contains("\"d\""), "no private key member");

        List<Map<String, Object>> ours = r.jsonPath().getList("keys.findAll { it.dept == '" + dept + "' }");
        assertEquals(2, ours.size());
        for (Map<String, Object> jwk : ours) {
            assertTrue(kids.contains(jwk.get("kid")));
            assertEquals("sig", jwk.get("use"));
            assertEquals("active", jwk.get("status"));
            assertTrue(jwk.get("nbf") instanceof Number);
            assertFalse(jwk.containsKey("exp"));
            if (jwk.get("alg").equals("SM2SM3")) {
                assertEquals("EC", jwk.get("kty"));
                assertEquals("SM2", jwk.get("crv"));
                assertTrue(jwk.containsKey("x") && jwk.containsKey("y"));
            } else {
                assertEquals("EdDSA", jwk.get("alg"));
                assertEquals("OKP", jwk.get("kty"));
                assertEquals("Ed25519", jwk.get("crv"));
                assertFalse(jwk.containsKey("y"));
            }
        }

        given().header("If-None-Match", etag).get("/.well-known/jwks.json").then().statusCode(304);
        given().accept("application/json").get("/.well-known/jwks.json").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void theJwksFollowsRotationAndCompromiseAtOnce() {
        String dept = KeyFixtures.newIssuer();
        List<String> old = keys.ensureKeys(dept).stream().map(k -> k.kid()).toList();
        String etag = given().get("/.well-known/jwks.json").header("ETag");

        List<String> fresh = given().header("Authorization", admin()).post(keysPath(dept) + "/rotate").then().statusCode(200)
                .extract().jsonPath().getList("kid");
        Instant at = clock.instant().minusSeconds(120);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(compromiseBody(at))
                .post(keysPath(dept) + "/" + old.get(0) + "/compromise").then().statusCode(200);

        Response r = given().header("If-None-Match", etag).get("/.well-known/jwks.json");
        assertEquals(200, r.statusCode(), "changed keys, changed JWKS");
        List<Map<String, Object>> ours = r.jsonPath().getList("keys.findAll { it.dept == '" + dept + "' }");
        assertEquals(4, ours.size());
        for (Map<String, Object> jwk : ours) {
            String kid = (String) jwk.get("kid");
            if (fresh.contains(kid)) {
                assertEquals("active", jwk.get("status"));
            } else if (kid.equals(old.get(0))) {
                assertEquals("compromised", jwk.get("status"));
                assertEquals(at.getEpochSecond(), ((Number) jwk.get("exp")).longValue());
                assertTrue(jwk.get("published_until") instanceof Number);
            } else {
                assertEquals("retired", jwk.get("status"));
                assertFalse(jwk.containsKey("exp"));
                assertTrue(jwk.get("published_until") instanceof Number);
            }
        }
    }
}
