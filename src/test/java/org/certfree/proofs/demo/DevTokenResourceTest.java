package org.certfree.proofs.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DevTokenResourceTest {

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    @Test
    void issuerTokenCarriesRoleAndDepartment() {
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", contains("ISSUER"))
                .body("dept", equalTo(Fixtures.GOOD_ISSUER));
    }

    @Test
    void aRememberedTokenDoesNotVouchForAnAlteredOneOrAnExpiredOne() {
        String good = Tokens.issuer(Fixtures.GOOD_ISSUER);
        given().header("Authorization", Tokens.bearer(good)).get("/api/v1/me").then().statusCode(200);
        String[] parts = good.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        given().header("Authorization", Tokens.bearer(otherSignature)).get("/api/v1/me").then().statusCode(401);
        String otherClaims = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "." + parts[2];
        given().header("Authorization", Tokens.bearer(otherClaims)).get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(good)).get("/api/v1/me").then().statusCode(200);

        // a token past its exp (and past the parser's clock-skew allowance) is refused, remembered or not
        String expired = io.smallrye.jwt.build.Jwt.subject("dev-expired").groups(java.util.Set.of("ISSUER"))
                .claim(Caller.DEPT_CLAIM, Fixtures.GOOD_ISSUER).issuedAt(java.time.Instant.now().minusSeconds(7200))
                .expiresAt(java.time.Instant.now().minusSeconds(3600)).sign();
        given().header("Authorization", Tokens.bearer(expired)).get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(expired)).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void citizenTokenCarriesTheResidentId() {
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", contains("CITIZEN"))
                .body("subject", equalTo(Fixtures.CITIZEN_ID))
                .body("dept", nullValue());
    }

    @Test
    void refusesRolesTheDepartmentDoesNotHave() {
        mint(Map.of("role", "ISSUER", "dept", Fixtures.WINDOW)).statusCode(400).body("detail", containsString("ISSUER"));
        mint(Map.of("role", "REVIEWER", "dept", Fixtures.GOOD_ISSUER)).statusCode(400);
        mint(Map.of("role", "VERIFIER", "dept", Fixtures.JUSTICE)).statusCode(400);
    }

    @Test
    void refusesMissingOrUnknownDepartment() {
        mint(Map.of("role", "ISSUER")).statusCode(400).body("errors[0].field", equalTo("dept"));
        mint(Map.of("role", "ISSUER", "dept", "NOWHERE")).statusCode(400).body("detail", containsString("NOWHERE"));
    }

    @Test
    void citizenNeedsAValidSubjectAndNoDepartment() {
        mint(Map.of("role", "CITIZEN")).statusCode(400).body("errors[0].field", equalTo("subject"));
        mint(Map.of("role", "CITIZEN", "subject", "110105194912310021")).statusCode(400);
        mint(Map.of("role", "CITIZEN", "subject", Fixtures.CITIZEN_ID, "dept", Fixtures.WINDOW)).statusCode(400);
        mint(Map.of("role", "CITIZEN", "subject", "91350100M000100Y43")).statusCode(200);
    }

    @Test
    void refusesUnknownRole() {
        mint(Map.of("role", "KING")).statusCode(400).body("errors[0].field", equalTo("role"));
    }

    private static io.restassured.response.ValidatableResponse mint(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/dev/tokens").then();
    }
}
