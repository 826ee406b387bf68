package org.certfree.proofs.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of error is an RFC 9457 problem document with an English title and a Chinese detail. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    private static String admin() {
        return Tokens.bearer(Tokens.admin());
    }

    @Test
    void validationErrorListsTheFields() {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(Map.of("code", "X1"))
                .post("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:validation"))
                .body("title", equalTo("Request is not valid"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/departments"))
                .body("errors.field", hasItem("name"))
                .body("detail", containsString("请"));
    }

    @Test
    void malformedJson() {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body("{\"code\": \"X1\",")
                .post("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:malformed-body"))
                .body("detail", containsString("不是有效的 JSON"));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"X1\",\"name\":\"a\",\"kind\":\"GOVERNMENT_DEPARTMENT\",\"regionCode\":\"652800\",\"roles\":\"ISSUER\",\"active\":\"maybe\"}")
                .post("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", notNullValue());
    }

    @Test
    void aNulCharacterInTextIsA400NamingTheFieldAndNothingIsStored() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"NUL1\",\"name\":\"a\\u0000b\",\"kind\":\"GOVERNMENT_DEPARTMENT\",\"regionCode\":\"652800\",\"roles\":[\"ISSUER\"]}")
                .post("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:validation"))
                .body("errors[0].field", equalTo("name"))
                .body("detail", containsString("U+0000"));
        given().header("Authorization", admin()).get("/api/v1/departments/NUL1").then().statusCode(404);
    }

    @Test
    void unknownEnumValueIsA400() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"X1\",\"name\":\"a\",\"kind\":\"CASTLE\",\"regionCode\":\"652800\",\"roles\":[\"ISSUER\"]}")
                .post("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void unknownFieldIsRefused() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"X1\",\"name\":\"a\",\"kind\":\"GOVERNMENT_DEPARTMENT\",\"regionCode\":\"652800\",\"roles\":[\"ISSUER\"],\"mayor\":1}")
                .post("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("mayor"));
    }

    @Test
    void missingBody() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .post("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("请求体"));
    }

    @Test
    void wrongContentType() {
        given().header("Authorization", admin()).contentType(ContentType.TEXT).body("code=X1")
                .post("/api/v1/departments")
                .then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:unsupported-media-type"))
                .body("detail", containsString("application/json"));
    }

    @Test
    void oversizedBody() {
        String huge = "{\"name\":\"" + "长".repeat(600_000) + "\"}";
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(huge)
                .post("/api/v1/departments")
                .then().statusCode(413).contentType(containsString(PROBLEM))
                .body("type", equalTo("urn:certfree:problem:payload-too-large"))
                .body("detail", containsString("上限"));
    }

    @Test
    void unknownPath() {
        given().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("/api/v1/no-such-thing"));
    }

    @Test
    void unknownResource() {
        given().header("Authorization", admin()).get("/api/v1/departments/NOPE")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:not-found"));
    }

    @Test
    void methodNotAllowed() {
        given().header("Authorization", admin()).patch("/api/v1/departments")
                .then().statusCode(405).contentType(PROBLEM)
                .body("detail", containsString("PATCH"));
    }

    @Test
    void badQueryParameter() {
        given().header("Authorization", admin()).queryParam("page", "first").get("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", admin()).queryParam("role", "KING").get("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("参数值 KING 不在允许范围内，可选：ISSUER, USING_UNIT, REVIEWER。"));
        given().header("Authorization", admin()).queryParam("page", -1).get("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
    }

    @Test
    void anUnknownEnumParameterNamesTheParameterAndTheValuesItTakes() {
        given().header("Authorization", admin()).queryParam("kind", "CASTLE").get("/api/v1/departments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:bad-parameter"))
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("CASTLE"));
        given().queryParam("status", "OPEN").get("/api/v1/publication-batches")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("参数值 OPEN 不在允许范围内，可选：DRAFT, PUBLISHED。"))
                .body("errors[0].field", equalTo("status"));
        given().header("Authorization", admin()).queryParam("role", "ISSUER").get("/api/v1/departments")
                .then().statusCode(200);
    }

    @Test
    void conflict() {
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.GOOD_ISSUER, "name", "重复", "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "652800", "roles", new String[] { "ISSUER" }))
                .post("/api/v1/departments")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:duplicate"));
    }

    @Test
    void noToken() {
        given().get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("Bearer"));
    }

    @Test
    void invalidToken() {
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM)
                .body("detail", containsString("令牌无效"));
        String token = Tokens.admin();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", "Bearer " + tampered).get("/api/v1/me")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void wrongRole() {
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)))
                .delete("/api/v1/departments/" + Fixtures.GOOD_ISSUER)
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:forbidden"))
                .body("detail", containsString("无权"));
    }
}
