package org.certfree.proofs.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The 4xx answers the API document names for operations that have no other client error: each is
 * really answered, as a problem document.
 */
@QuarkusTest
class DocumentedClientErrorsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theJwksRefusesAFormatItCannotProduce() {
        given().accept("text/html").get("/.well-known/jwks.json").then().statusCode(406).contentType(PROBLEM)
                .body("type", equalTo("urn:certfree:problem:not-acceptable"));
    }

    @Test
    void theStatusPageRefusesAFormatItCannotProduce() {
        given().accept("application/json").get("/verify").then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void theTransparencyCheckRefusesAFormatItCannotProduce() {
        given().accept("text/csv").get("/api/v1/transparency/verify").then().statusCode(406).contentType(PROBLEM);
    }

    @Test
    void theBatchListRefusesAnUnknownStatus() {
        given().get("/api/v1/publication-batches?status=ARCHIVED").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("DRAFT, PUBLISHED"));
    }
}
