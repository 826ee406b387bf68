package org.certfree.proofs.keys;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.testsupport.Tokens;

/** Fresh departments for key tests (rotation and compromise change state, so tests do not share them). */
final class KeyFixtures {

    private KeyFixtures() {
    }

    /** A new active department with {@code roles}, created through the API; returns its code. */
    static String newDepartment(String... roles) {
        String code = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin()))
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "密钥测试部门" + code, "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "659900", "roles", List.of(roles)))
                .post("/api/v1/departments")
                .then().statusCode(201);
        return code;
    }

    static String newIssuer() {
        return newDepartment("ISSUER");
    }
}
