package org.certfree.proofs.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public status check reveals only status, matter, issuer, dates and a masked name. */
@QuarkusTest
class StatusCheckTest {

    private String matter;

    @jakarta.inject.Inject
    StatusCheckLimiter limiter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
    }

    private Map<String, Object> issued() {
        Map<String, Object> body = new HashMap<>();
        body.put("matterCode", matter);
        body.put("subject", Map.of("kind", "PERSON", "name", "王小明", "id", Fixtures.CITIZEN_ID));
        body.put("claims", Map.of("婚姻状况", "未婚"));
        body.put("purpose", "办理婚姻登记");
        return given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(body).post("/api/v1/proofs").then().statusCode(201).extract().as(Map.class);
    }

    @Test
    void numberAndCodeGiveTheStatusAndNothingMore() {
        Map<String, Object> p = issued();
        given().queryParam("code", p.get("verificationCode")).get("/api/v1/proofs/" + p.get("number") + "/status")
                .then().statusCode(200)
                .body("status", equalTo("VALID")).body("statusText", equalTo("有效"))
                .body("holderName", equalTo("王**")).body("issuerName", notNullValue())
                .body("$", not(hasKey("claims"))).body("$", not(hasKey("subjectId")));
    }

    @Test
    void wrongCodeAndUnknownNumberAnswerAlike() {
        Map<String, Object> p = issued();
        String wrong = "000000".equals(p.get("verificationCode")) ? "000001" : "000000";
        Response a = given().queryParam("code", wrong).get("/api/v1/proofs/" + p.get("number") + "/status");
        Response b = given().queryParam("code", wrong).get("/api/v1/proofs/" + new ProofNumbers().newNumber(2026) + "/status");
        assertEquals(404, a.statusCode());
        assertEquals(404, b.statusCode());
        assertEquals(a.jsonPath().getString("detail"), b.jsonPath().getString("detail"));
        given().queryParam("code", "12ab").get("/api/v1/proofs/" + p.get("number") + "/status").then().statusCode(400);
    }

    @Test
    void revocationShowsInTheStatusListAfterItsNextPublication() throws Exception {
        Map<String, Object> p = issued();
        int index = (Integer) given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .get("/api/v1/proofs/" + p.get("number")).then().extract().path("statusListIndex");
        assertTrue(!bit(statusList(), index));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "SUBJECT_REQUEST")).post("/api/v1/proofs/" + p.get("number") + "/revoke")
                .then().statusCode(200);
        assertTrue(bit(statusList(), index));
        given().queryParam("code", p.get("verificationCode")).get("/api/v1/proofs/" + p.get("number") + "/status")
                .then().statusCode(200).body("status", equalTo("REVOKED"));
    }

    @Test
    void tooManyChecksFromOneClientGet429WithRetryAfter() {
        limiter.reset();
        try {
            int limited = 0;
            for (int i = 0; i < 100 && limited == 0; i++) {
                // a new number each time: the per-number lock after wrong codes (CodeLockTest) is another limit
                String unissued = new ProofNumbers().newNumber(2026);
                Response r = given().queryParam("code", "123456").get("/api/v1/proofs/" + unissued + "/status");
                if (r.statusCode() == 429) {
                    limited++;
                    assertTrue(r.getHeader("Retry-After") != null);
                    assertTrue(r.jsonPath().getString("detail").contains("秒后再试"));
                    assertEquals("application/problem+json", r.contentType());
                } else {
                    assertEquals(404, r.statusCode());
                }
            }
            assertEquals(1, limited, "no 429 after 100 checks in a row");
        } finally {
            limiter.reset();
        }
    }

    @Test
    void statusListOfAnUnknownDepartmentIs404() {
        given().get("/api/v1/status-lists/NOPE").then().statusCode(404);
    }

    @Test
    void aHeldListIsNotSentAgainAndCachesKeepItAMinuteAtMost() {
        var first = given().get("/api/v1/status-lists/" + Fixtures.GOOD_ISSUER).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/jose")).extract();
        String etag = first.header("ETag");
        long maxAge = Long.parseLong(first.header("Cache-Control").replaceAll(".*max-age=(\\d+).*", "$1"));
        assertTrue(maxAge <= 60, first.header("Cache-Control"));
        given().header("If-None-Match", etag).get("/api/v1/status-lists/" + Fixtures.GOOD_ISSUER).then().statusCode(304)
                .header("ETag", org.hamcrest.Matchers.equalTo(etag));
        given().header("If-None-Match", "\"" + Fixtures.GOOD_ISSUER + "-0\"").get("/api/v1/status-lists/" + Fixtures.GOOD_ISSUER)
                .then().statusCode(200);
    }

    private static byte[] statusList() throws Exception {
        String jws = given().get("/api/v1/status-lists/" + Fixtures.GOOD_ISSUER).then().statusCode(200).extract().asString();
        String payload = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
        Map<?, ?> doc = new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
        assertTrue(((Number) doc.get("size")).intValue() >= 131_072);
        byte[] gz = Base64.getUrlDecoder().decode((String) doc.get("encodedList"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static boolean bit(byte[] bits, int index) {
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
