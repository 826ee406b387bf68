package org.certfree.proofs.system.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, item 6: input PostgreSQL cannot store or an int cannot hold is a 400 problem document naming
 * it, never a 500 (each of these answered 500, or stored "?" with a 201, before).
 */
@QuarkusTest
class UnstorableInputTest {

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
    }

    private static ValidatableResponse problem(ValidatableResponse r, String field) {
        return r.statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void aPageBeyondAnIntsReachIsRefusedOnEveryPagedList() {
        String admin = Tokens.bearer(Tokens.admin());
        for (String list : List.of("/api/v1/departments", "/api/v1/proofs", "/api/v1/matters", "/api/v1/proof-requests",
                "/api/v1/using-units", "/api/v1/lists/retained")) {
            for (String paging : List.of("?page=10737419&size=200", "?page=2147483647")) {
                problem(given().header("Authorization", admin).get(list + paging).then(), "page");
            }
        }
        problem(given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)))
                .get("/api/v1/me/access-log?page=2147483647").then(), "page");
    }

    @Test
    void nulAndLoneSurrogatesInPathOrQueryAreRefused() {
        problem(given().urlEncodingEnabled(false).get("/api/v1/proofs/ZM-2026-%00/status?code=123456").then(), "number");
        problem(given().urlEncodingEnabled(false).get("/api/v1/lists/retained?q=%00").then(), "q");
        // (a lone surrogate cannot arrive in a URL: its UTF-8 decoding turns it into U+FFFD)
    }

    @Test
    void nulInAMapKeyAndLoneSurrogatesInTextAreRefusedAndNothingIsIssued() {
        String issuer = Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER));
        long before = proofs(issuer);
        String nulKey = "{\"matterCode\":\"" + matter + "\",\"subject\":{\"kind\":\"PERSON\",\"name\":\"张三\",\"id\":\""
                + Fixtures.CITIZEN_ID + "\"},\"claims\":{\"户籍\\u0000地址\":\"库尔勒\"},\"purpose\":\"办理入学\"}";
        given().header("Authorization", issuer).contentType(ContentType.JSON).body(nulKey).post("/api/v1/proofs")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("U+0000"));
        String surrogate = "{\"matterCode\":\"" + matter + "\",\"subject\":{\"kind\":\"PERSON\",\"name\":\"张三\",\"id\":\""
                + Fixtures.CITIZEN_ID + "\"},\"claims\":{\"户籍地址\":\"库尔勒\"},\"purpose\":\"办理\\ud800入学\"}";
        problem(given().header("Authorization", issuer).contentType(ContentType.JSON).body(surrogate).post("/api/v1/proofs")
                .then(), "purpose").body("detail", containsString("代理项"));
        given().header("Authorization", issuer).get("/api/v1/proofs?size=1").then().statusCode(200).body("total",
                equalTo((int) before));
    }

    @Test
    void timesPostgresqlCannotStoreAreRefused() {
        String issuer = Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER));
        problem(given().header("Authorization", issuer).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "张三", "id", Fixtures.CITIZEN_ID),
                        "claims", Map.of("户籍地址", "库尔勒"), "purpose", "办理入学", "validUntil", "+300000-01-01T00:00:00Z"))
                .post("/api/v1/proofs").then(), "validUntil").body("detail", containsString("9999"));
        problem(given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学", "expiresAt", "+300000-01-01T00:00:00Z"))
                .post("/api/v1/consents").then(), "expiresAt");
        problem(given().get("/api/v1/lists/retained?asOf=-4714-01-01").then(), "asOf");
        problem(given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "测试", "source", "测试"))
                .put("/api/v1/calendar/+999999999-12-31").then(), "day");
    }

    private static long proofs(String issuer) {
        return ((Number) given().header("Authorization", issuer).get("/api/v1/proofs?size=1").then().statusCode(200)
                .extract().path("total")).longValue();
    }
}
