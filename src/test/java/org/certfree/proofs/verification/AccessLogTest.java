package org.certfree.proofs.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/me/access-log} (issue #13, item 4): the holder's verifications and every other
 * read of their data by someone else, as one listing paged in SQL, newest first, each entry saying
 * who, what, when and why. Each test uses a holder no other test uses, so it knows their whole log.
 */
@QuarkusTest
class AccessLogTest {

    private static final String STAFF = "gaj-staff-0042";

    @Inject
    ControllableClock clock;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Verifications and reads interleaved in time come back as one list, newest first, paged without gaps or overlaps. */
    @Test
    void verificationsAndReadsAreOneListNewestFirstPagedInSql() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> p = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "王五", holder);
        String number = (String) p.get("number");
        List<String> expected = new ArrayList<>(); // oldest first
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            verify(Map.of("number", number, "code", p.get("verificationCode"), "purpose", "分页核验 " + i));
            expected.add("VERIFICATION 分页核验 " + i);
            clock.advance(Duration.ofMinutes(1));
            given().header("Authorization", Tokens.bearer(staff())).queryParam("purpose", "分页查看 " + i)
                    .get("/api/v1/proofs/" + number).then().statusCode(200);
            expected.add("PROOF_READ 分页查看 " + i);
        }
        List<String> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonPath log = log(holder, page, 2);
            assertEquals(6, log.getLong("total"));
            List<Map<String, Object>> items = log.getList("items");
            for (Map<String, Object> e : items) {
                seen.add(e.get("kind") + " " + e.get("purpose"));
            }
            assertEquals(page < 3 ? 2 : 0, items.size(), "page " + page);
        }
        assertEquals(newestFirst, seen);
    }

    /** Who (unit code and name, staff id), what (kind, kindText, a verification's result), when and why, for each kind. */
    @Test
    void eachEntrySaysWhoWhatWhenAndWhy() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> p = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "赵六", holder);
        String number = (String) p.get("number");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        verify(Map.of("jws", p.get("jwsCompact"), "purpose", "核对户籍", "serviceMatter", "义务教育入学登记"));
        given().header("Authorization", Tokens.bearer(staff())).queryParam("purpose", "受理户籍迁移")
                .get("/api/v1/proofs/" + number + "/pdf").then().statusCode(200);

        JsonPath log = log(holder, 0, 20);
        assertEquals(2, log.getLong("total"));
        Map<String, Object> pdf = log.getMap("items[0]");
        assertEquals("PROOF_PDF", pdf.get("kind"));
        assertEquals("下载证明文件", pdf.get("kindText"));
        assertEquals(Fixtures.GOOD_ISSUER, pdf.get("unit"));
        assertEquals("测试州公安局", pdf.get("unitName"));
        assertEquals(STAFF, pdf.get("actor"));
        assertEquals(number, pdf.get("proofNumber"));
        assertEquals("受理户籍迁移", pdf.get("purpose"));
        assertEquals(Map.of("format", "pdf"), pdf.get("details"));
        assertNull(pdf.get("result"));
        assertEquals(false, pdf.get("retrieved"));
        Instant at = Instant.parse((String) pdf.get("at"));
        assertEquals(true, !at.isBefore(before) && at.isBefore(Instant.now().plusSeconds(1)), at.toString());

        Map<String, Object> verification = log.getMap("items[1]");
        assertEquals("VERIFICATION", verification.get("kind"));
        assertEquals("核验证明", verification.get("kindText"));
        assertEquals("TOTAL_PASSED", verification.get("result"));
        assertEquals(Fixtures.WINDOW, verification.get("unit"));
        assertEquals("测试市政务服务中心窗口", verification.get("unitName"));
        assertEquals("核对户籍", verification.get("purpose"));
        assertEquals("义务教育入学登记", verification.get("serviceMatter"));
        assertEquals(number, verification.get("proofNumber"));
    }

    /** A verification that handed the content over under the holder's consent is a retrieval, with its consent. */
    @Test
    void aRetrievalUnderConsentSaysSoAndNamesTheConsent() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> p = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "钱七", holder);
        String consent = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
        verify(Map.of("jws", p.get("jwsCompact"), "retrieve", true, "purpose", "办理入学"));

        Map<String, Object> e = log(holder, 0, 20).getMap("items[0]");
        assertEquals("RETRIEVAL", e.get("kind"));
        assertEquals("调取证明", e.get("kindText"));
        assertEquals(true, e.get("retrieved"));
        assertEquals("TOTAL_PASSED", e.get("result"));
        assertEquals(consent, e.get("consentId"));
    }

    @Test
    void onlyACitizenHasAnAccessLog() {
        for (String token : List.of(Tokens.issuer(Fixtures.GOOD_ISSUER), Tokens.verifier(Fixtures.WINDOW), Tokens.admin(),
                Tokens.reviewer(Fixtures.JUSTICE))) {
            given().header("Authorization", Tokens.bearer(token)).get("/api/v1/me/access-log").then().statusCode(403);
        }
        given().get("/api/v1/me/access-log").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.randomResidentId()))).get("/api/v1/me/access-log")
                .then().statusCode(200).body("total", equalTo(0));
    }

    private static String staff() {
        return Tokens.mint("ISSUER", Fixtures.GOOD_ISSUER, STAFF);
    }

    private static void verify(Map<String, Object> body) {
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON).body(body)
                .post("/api/v1/verifications").then().statusCode(200);
    }

    private static JsonPath log(String holder, int page, int size) {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("page", page)
                .queryParam("size", size).get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath();
    }
}
