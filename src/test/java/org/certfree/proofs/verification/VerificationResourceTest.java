package org.certfree.proofs.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.ProofLookup;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Using-unit verification on the issuer's authority: every path, and who is refused. */
@QuarkusTest
class VerificationResourceTest {

    @Inject
    DataSource dataSource;


    @jakarta.inject.Inject
    org.certfree.proofs.common.ControllableClock clock;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        // WINDOW is on the 用证 list for the matter; OTHER_WINDOW is not.
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
    }

    private Map<String, Object> issued(String subjectId) {
        return Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", subjectId);
    }

    private static ValidatableResponse verify(String unit, Map<String, Object> body) {
        Map<String, Object> b = new HashMap<>(body);
        b.putIfAbsent("purpose", "办理入学");
        return given().header("Authorization", Tokens.bearer(Tokens.verifier(unit))).contentType(ContentType.JSON).body(b)
                .post("/api/v1/verifications").then();
    }

    @Test
    void aGenuineProofPassesByEveryInputFormAndTheReceiptIsSigned() {
        Map<String, Object> p = issued(Fixtures.CITIZEN_ID);
        String number = (String) p.get("number");
        String code = (String) p.get("verificationCode");
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsCompact"))).statusCode(200)
                .body("indication", equalTo("TOTAL_PASSED")).body("proofStatus", equalTo("VALID"))
                .body("receipt", notNullValue()).body("holderName", equalTo("张*"));
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsJson"))).statusCode(200).body("indication", equalTo("TOTAL_PASSED"));
        verify(Fixtures.WINDOW, Map.of("qr", "https://zwfw.example/verify?n=" + number + "&c=" + code)).statusCode(200)
                .body("indication", equalTo("TOTAL_PASSED"));
        String batch = verify(Fixtures.WINDOW, Map.of("number", number, "code", code)).statusCode(200)
                .body("indication", equalTo("TOTAL_PASSED")).extract().path("receipt.batch");
        String header = new String(Base64.getUrlDecoder().decode(batch.split("\\.")[0]));
        assertEquals(true, header.contains("\"alg\":\"SM2SM3\"") && header.contains("certfree-receipt-batch+jws"), header);
        // the receipt's own check, by an independent library: ReceiptTest
    }

    @Test
    void tamperedWrongKeyAndNeverIssuedAreRejected() {
        Map<String, Object> p = issued(Fixtures.CITIZEN_ID);
        String compact = (String) p.get("jwsCompact");
        String[] parts = compact.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("办理入学", "办理出国").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        verify(Fixtures.WINDOW, Map.of("jws", forged)).statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("SIG_CRYPTO_FAILURE"));
        verify(Fixtures.WINDOW, Map.of("jws", "not-a-jws")).statusCode(200).body("subIndication", equalTo("FORMAT_FAILURE"));
        String unissued = new ProofNumbers().newNumber(2026);
        verify(Fixtures.WINDOW, Map.of("number", unissued, "code", "123456")).statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("NOT_ISSUED"))
                .body("message", equalTo(Messages.VERDICT_NUMBER_OR_CODE));
        verify(Fixtures.WINDOW, Map.of("number", p.get("number"), "code", "000000".equals(p.get("verificationCode")) ? "000001" : "000000"))
                .statusCode(200).body("subIndication", equalTo("NOT_ISSUED"))
                .body("message", equalTo(Messages.VERDICT_NUMBER_OR_CODE)); // #12 item 9: a typo does not read "never issued"
    }

    @Test
    void aProofRowAlteredBehindTheServicesBackFailsTheSignatureCheck() throws Exception {
        Map<String, Object> p = issued(Fixtures.CITIZEN_ID);
        Map<String, Object> byNumber = Map.of("number", p.get("number"), "code", p.get("verificationCode"));
        verify(Fixtures.WINDOW, byNumber).statusCode(200).body("indication", equalTo("TOTAL_PASSED"));
        // a trigger forbids it; a database superuser who switches triggers off for the session gets past it
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE proof SET payload = payload || ' ' WHERE number = ?")) {
            c.createStatement().execute("SET session_replication_role = replica");
            s.setString(1, (String) p.get("number"));
            assertEquals(1, s.executeUpdate());
            c.createStatement().execute("SET session_replication_role = origin");
        }
        // the stored signature still verifies, but not over this row's payload any more
        verify(Fixtures.WINDOW, byNumber).statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("SIG_CRYPTO_FAILURE"));
    }

    @Test
    void revocationIsSeenByTheVeryNextVerificationAndTheVerdictIsStable() {
        Map<String, Object> p = issued(Fixtures.CITIZEN_ID);
        Map<String, Object> byNumber = Map.of("number", p.get("number"), "code", p.get("verificationCode"));
        verify(Fixtures.WINDOW, byNumber).body("indication", equalTo("TOTAL_PASSED"));
        verify(Fixtures.WINDOW, byNumber).body("indication", equalTo("TOTAL_PASSED"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + p.get("number") + "/revoke").then().statusCode(200);
        verify(Fixtures.WINDOW, byNumber).body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("REVOKED"))
                .body("revocationReason", equalTo("DATA_CHANGED"));
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsCompact"))).body("subIndication", equalTo("REVOKED"));
    }

    @Test
    void holderMismatchFails() {
        Map<String, Object> p = issued(Fixtures.CITIZEN_ID);
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsCompact"), "holderId", Fixtures.OTHER_CITIZEN_ID))
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("SUBJECT_MISMATCH"))
                .body("subjectMatches", equalTo(false));
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsCompact"), "holderId", Fixtures.CITIZEN_ID))
                .body("indication", equalTo("TOTAL_PASSED")).body("subjectMatches", equalTo(true));
    }

    @Test
    void retrievalNeedsTheHoldersConsent() {
        Map<String, Object> p = issued(Fixtures.CITIZEN_ID);
        Map<String, Object> retrieve = Map.of("jws", p.get("jwsCompact"), "retrieve", true);
        verify(Fixtures.WINDOW, retrieve).body("indication", equalTo("TOTAL_PASSED"))
                .body("content", nullValue()).body("contentWithheld", containsString("授权"));
        String citizen = Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID));
        String consent = given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
        String payload = verify(Fixtures.WINDOW, retrieve).body("content.subjectId", equalTo(Fixtures.CITIZEN_ID))
                .body("content.claims.户籍地址", equalTo("新疆库尔勒市人民东路 1 号")).extract().path("receipt.payload");
        // the signed receipt says that the content was handed over, and under which consent
        String receiptBody = new String(Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(true, receiptBody.contains("\"retrieved\":true") && receiptBody.contains("\"consentId\":\"" + consent + "\""),
                receiptBody);
        // the consent is for 办理入学 only: another purpose gets the verdict, not the content
        Map<String, Object> otherPurpose = Map.of("jws", p.get("jwsCompact"), "retrieve", true, "purpose", "核对社保缴费");
        verify(Fixtures.WINDOW, otherPurpose).body("indication", equalTo("TOTAL_PASSED")).body("content", nullValue())
                .body("contentWithheld", containsString("办理入学"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID)))
                .post("/api/v1/consents/" + consent + "/revoke").then().statusCode(404);
        given().header("Authorization", citizen).post("/api/v1/consents/" + consent + "/revoke").then().statusCode(200)
                .body("active", equalTo(false));
        verify(Fixtures.WINDOW, retrieve).body("content", nullValue());
    }

    @Test
    void aUnitNotOnTheUsageListIsRefusedAndOtherRolesCannotVerify() {
        Map<String, Object> p = issued(Fixtures.CITIZEN_ID);
        verify(Fixtures.OTHER_WINDOW, Map.of("jws", p.get("jwsCompact"))).statusCode(403)
                .body("detail", containsString("用证清单"));
        for (String token : new String[] { Tokens.issuer(Fixtures.GOOD_ISSUER), Tokens.citizen(Fixtures.CITIZEN_ID), Tokens.admin() }) {
            given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON)
                    .body(Map.of("jws", p.get("jwsCompact"), "purpose", "x")).post("/api/v1/verifications").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("jws", p.get("jwsCompact"), "purpose", "x"))
                .post("/api/v1/verifications").then().statusCode(401);
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsCompact"), "number", p.get("number"))).statusCode(400);
        verify(Fixtures.WINDOW, Map.of()).statusCode(400);
    }

    @Test
    void aNulCharacterInThePurposeIsA400AndNothingIsLogged() {
        Map<String, Object> p = issued(Fixtures.OTHER_CITIZEN_ID);
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsCompact"), "purpose", "核对\u0000户籍")).statusCode(400)
                .body("errors[0].field", equalTo("purpose"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.proofNumber", not(hasItem(p.get("number"))));
    }

    @Test
    void theHolderSeesWhoAccessedTheirProofsAndNobodyElseDoes() {
        Map<String, Object> p = issued(Fixtures.OTHER_CITIZEN_ID);
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsCompact"), "purpose", "核对户籍", "serviceMatter", "义务教育入学登记"))
                .statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.purpose", hasItem("核对户籍")).body("items.unit", hasItem(Fixtures.WINDOW));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.proofNumber", not(hasItem(p.get("number"))));
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).get("/api/v1/me/access-log")
                .then().statusCode(403);
    }

    @Test
    void usageListIsPublicButOnlyAdminChangesIt() {
        given().queryParam("matter", matter).get("/api/v1/using-units").then().statusCode(200)
                .body("items.unit", hasItem(Fixtures.WINDOW));
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "serviceMatter", "x", "businessSystem", "y", "proofMatterCode", matter))
                .post("/api/v1/using-units").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.GOOD_ISSUER + "X", "serviceMatter", "x", "businessSystem", "y", "proofMatterCode", matter))
                .post("/api/v1/using-units").then().statusCode(400);
    }

    @Test
    void aProofSignedAfterItsKeysCompromiseFailsAndOneSignedBeforeStillPasses() {
        String dept = "TKEYC";
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", dept, "name", "测试州密钥泄露演练局", "kind", "GOVERNMENT_DEPARTMENT", "uscc", Fixtures.uscc("MT0A0099"),
                        "regionCode", "659900", "roles", java.util.List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
        String keyMatter = Matters.retained(dept, 0);
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "serviceMatter", "密钥泄露演练", "businessSystem", "演练系统", "proofMatterCode", keyMatter))
                .post("/api/v1/using-units").then().statusCode(201);
        String issuer = Tokens.bearer(Tokens.issuer(dept));
        Map<String, Object> body = new HashMap<>();
        body.put("matterCode", keyMatter);
        body.put("subject", Map.of("kind", "PERSON", "name", "张三", "id", Fixtures.CITIZEN_ID));
        body.put("claims", Map.of("结论", "属实"));
        body.put("purpose", "演练");
        try {
            Map<String, Object> before = given().header("Authorization", issuer).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/proofs").then().statusCode(201).extract().as(Map.class);
            clock.advance(java.time.Duration.ofHours(2));
            Map<String, Object> after = given().header("Authorization", issuer).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/proofs").then().statusCode(201).extract().as(Map.class);
            Instant compromisedAt = clock.instant().minus(java.time.Duration.ofHours(1));
            for (Map<String, Object> key : given().header("Authorization", Tokens.bearer(Tokens.admin()))
                    .get("/api/v1/departments/" + dept + "/keys").then().statusCode(200).extract().jsonPath()
                    .<Map<String, Object>>getList("findAll { it.state == 'ACTIVE' }")) {
                given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                        .body(Map.of("compromisedAt", compromisedAt.toString(), "reason", "签名服务器被入侵（演练）"))
                        .post("/api/v1/departments/" + dept + "/keys/" + key.get("kid") + "/compromise").then().statusCode(200);
            }
            for (String form : new String[] { "jwsCompact", "jwsJson" }) {
                verify(Fixtures.WINDOW, Map.of("jws", after.get(form))).statusCode(200)
                        .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("KEY_COMPROMISED"));
                verify(Fixtures.WINDOW, Map.of("jws", before.get(form))).statusCode(200).body("indication", equalTo("TOTAL_PASSED"));
            }
            // Number + code has no signature to show, but the issuer's record carries one: still refused.
            verify(Fixtures.WINDOW, Map.of("number", after.get("number"), "code", after.get("verificationCode")))
                    .body("subIndication", equalTo("KEY_COMPROMISED"));
            // New proofs are signed with the replacement keys and pass.
            Map<String, Object> fresh = given().header("Authorization", issuer).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/proofs").then().statusCode(201).extract().as(Map.class);
            verify(Fixtures.WINDOW, Map.of("jws", fresh.get("jwsJson"))).body("indication", equalTo("TOTAL_PASSED"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRetriedVerificationWithTheSameKeyIsAnsweredOnceAndLoggedOnce() {
        Map<String, Object> p = issued(Fixtures.OTHER_CITIZEN_ID);
        String key = "verify-" + java.util.UUID.randomUUID();
        Map<String, Object> body = Map.of("number", p.get("number"), "code", p.get("verificationCode"), "purpose", "重试测试");
        String first = given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/verifications").then().statusCode(200).extract().path("id");
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/verifications").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        java.util.List<String> logged = given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID)))
                .queryParam("size", 200).get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.purpose == '重试测试' && it.proofNumber == '" + p.get("number") + "' }.proofNumber");
        assertEquals(1, logged.size(), logged.toString());
    }

    @Test
    void aStoredAnswerIsNeverReplayedToAnotherUnitAndIsNotKeptInPlainText() throws Exception {
        Map<String, Object> p = issued(Fixtures.OTHER_CITIZEN_ID);
        String key = "verify-" + java.util.UUID.randomUUID();
        Map<String, Object> body = Map.of("number", p.get("number"), "code", p.get("verificationCode"), "purpose", "同名测试");
        // the same staff id in two units, the same key and body
        given().header("Authorization", Tokens.bearer(Tokens.mint("VERIFIER", Fixtures.WINDOW, "shared-staff-id")))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/verifications").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.mint("VERIFIER", Fixtures.OTHER_WINDOW, "shared-staff-id")))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/verifications").then().statusCode(403) // its own answer: not on the 用证 list
                .header("Idempotent-Replayed", nullValue());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT principal, body FROM idempotency_record WHERE key = ?")) {
            s.setString(1, key);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                assertEquals(true, rs.next());
                assertEquals(Fixtures.WINDOW + "/shared-staff-id", rs.getString("principal"));
                assertEquals(false, rs.getString("body").contains((String) p.get("number")), "stored answer in plain text");
            }
        }
    }

    @Test
    void guessingACodeIsStoppedAfterTooManyWrongOnesAndTheHolderSeesTheAttempts() {
        Map<String, Object> p = issued(Fixtures.OTHER_CITIZEN_ID);
        String number = (String) p.get("number");
        String right = (String) p.get("verificationCode");
        int tried = 0;
        for (int guess = 0; tried < ProofLookup.MAX_WRONG_CODES; guess++) {
            String code = String.format("%06d", guess);
            if (code.equals(right)) {
                continue;
            }
            verify(Fixtures.WINDOW, Map.of("number", number, "code", code, "purpose", "猜码测试")).statusCode(200)
                    .body("subIndication", equalTo("NOT_ISSUED")).body("proofNumber", nullValue());
            tried++;
        }
        // now even the right code (typed, or in a QR payload) is refused for a while; the signed proof still verifies
        verify(Fixtures.WINDOW, Map.of("number", number, "code", right)).statusCode(429)
                .header("Retry-After", equalTo(String.valueOf(ProofLookup.CODE_LOCK.toSeconds())))
                .body("detail", containsString("核验码"));
        verify(Fixtures.WINDOW, Map.of("qr", "https://zwfw.example/verify?n=" + number + "&c=" + right)).statusCode(429);
        verify(Fixtures.WINDOW, Map.of("jws", p.get("jwsCompact"))).statusCode(200).body("indication", equalTo("TOTAL_PASSED"));
        // a unit outside the 用证 list is refused for that reason first
        verify(Fixtures.OTHER_WINDOW, Map.of("number", number, "code", "000000")).statusCode(403);
        java.util.List<String> attempts = given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID)))
                .queryParam("size", 200).get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.purpose == '猜码测试' && it.proofNumber == '" + number + "' }.indication");
        assertEquals(ProofLookup.MAX_WRONG_CODES, attempts.size(), attempts.toString());
    }

    @Test
    void aUnitOutsideTheUsageListIsRefusedWhetherTheCodeIsRightOrWrong() {
        Map<String, Object> p = issued(Fixtures.CITIZEN_ID);
        verify(Fixtures.OTHER_WINDOW, Map.of("number", p.get("number"), "code", p.get("verificationCode"))).statusCode(403);
        String wrong = "000000".equals(p.get("verificationCode")) ? "000001" : "000000";
        verify(Fixtures.OTHER_WINDOW, Map.of("number", p.get("number"), "code", wrong)).statusCode(403);
    }

    @Test
    void aUsageEntryDifferingOnlyInSpacesIsTheSameEntry() {
        // WINDOW is on the list for the matter (set-up); the same entry with spaces around is a 409 naming it
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("unit", " " + Fixtures.WINDOW + " ", "serviceMatter", " 义务教育入学登记 ", "businessSystem", "入学服务平台",
                        "proofMatterCode", " " + matter + " "))
                .post("/api/v1/using-units").then().statusCode(409).header("Location", containsString("/api/v1/using-units/"));
    }

    @Test
    void onlyMattersOnTheRetainedListCanBeUsedOrConsentedTo() {
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "serviceMatter", "x", "businessSystem", "y", "proofMatterCode", "NO-SUCH-MATTER"))
                .post("/api/v1/using-units").then().statusCode(400).body("errors[0].field", equalTo("proofMatterCode"))
                .body("errors[0].message", containsString("保留清单"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", "NO-SUCH-MATTER", "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
                .post("/api/v1/consents").then().statusCode(400).body("errors[0].field", equalTo("matterCode"));
    }
}
