package org.certfree.proofs.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Development tokens for tests, minted through the real {@code POST /api/v1/dev/tokens}. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String admin() {
        return mint("ADMIN", null, null);
    }

    public static String reviewer(String dept) {
        return mint("REVIEWER", dept, null);
    }

    public static String listEditor(String dept) {
        return mint("LIST_EDITOR", dept, null);
    }

    public static String issuer(String dept) {
        return mint("ISSUER", dept, null);
    }

    public static String verifier(String dept) {
        return mint("VERIFIER", dept, null);
    }

    public static String citizen(String residentId) {
        return mint("CITIZEN", null, residentId);
    }

    /** "Authorization: Bearer …" value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String mint(String role, String dept, String subject) {
        return CACHE.computeIfAbsent(role + "|" + dept + "|" + subject, k -> {
            Map<String, Object> body = new HashMap<>();
            body.put("role", role);
            if (dept != null) {
                body.put("dept", dept);
            }
            if (subject != null) {
                body.put("subject", subject);
            }
            return given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/dev/tokens")
                    .then().statusCode(200)
                    .extract().path("token");
        });
    }
}
