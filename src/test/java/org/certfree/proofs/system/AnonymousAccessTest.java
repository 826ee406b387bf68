package org.certfree.proofs.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the served OpenAPI document: each one that declares the bearer security
 * requirement must answer an anonymous caller 401, and each one that does not must be on the list of
 * deliberately public endpoints below (a new endpoint cannot become public by forgetting an annotation).
 */
@QuarkusTest
class AnonymousAccessTest {

    /** Deliberately public operations ("METHOD path-regex"). */
    private static final List<Pattern> PUBLIC = List.of(
            Pattern.compile("POST /api/v1/dev/tokens"),
            Pattern.compile("GET /\\.well-known/jwks\\.json"),
            Pattern.compile("GET /api/v1/lists(/.*)?"),
            Pattern.compile("GET /api/v1/publication-batches(/.*)?"),
            Pattern.compile("GET /api/v1/transparency(/.*)?"),
            Pattern.compile("GET /api/v1/commitment-templates/\\{matterCode\\}"),
            Pattern.compile("GET /api/v1/proofs/\\{[a-zA-Z]+\\}/status"),
            Pattern.compile("GET /api/v1/proofs/\\{[a-zA-Z]+\\}/qr(\\.[a-z]+)?"),
            Pattern.compile("GET /api/v1/status-lists(/.*)?"),
            Pattern.compile("GET /api/v1/using-units?(/.*)?"),
            Pattern.compile("GET /verify(/.*)?"),
            Pattern.compile("GET /supervision"),
            Pattern.compile("GET /api/v1/bench/floor/\\{code\\}"),
            Pattern.compile("GET /api/v1/pki/(roots|crl)"));

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everySecuredOperationRefusesAnonymousCallersAndEveryOtherIsDeliberatelyPublic() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").asString());
        List<String> failures = new ArrayList<>();
        int secured = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String method = op.getKey().toUpperCase();
                String name = method + " " + path.getKey();
                boolean isSecured = op.getValue().has("security") && !op.getValue().get("security").isEmpty();
                boolean isPublic = PUBLIC.stream().anyMatch(p -> p.matcher(name).matches());
                String url = path.getKey().replaceAll("\\{[^}]+}", "X1");
                if (isSecured) {
                    secured++;
                    Response r = call(method, url, bodyType(op.getValue()));
                    if (r.statusCode() != 401) {
                        failures.add(name + " answered " + r.statusCode() + " to an anonymous caller");
                    } else if (!r.contentType().startsWith("application/problem+json")) {
                        failures.add(name + " answered 401 without a problem document");
                    }
                } else if (!isPublic) {
                    failures.add(name + " has no security requirement and is not on the public list");
                } else {
                    Response r = call(method, url, bodyType(op.getValue()));
                    if (r.statusCode() == 401) {
                        failures.add(name + " is public but answered 401");
                    }
                }
            }
        }
        assertTrue(secured > 0, "no secured operation found");
        assertEquals(List.of(), failures);
    }

    /** The media type the operation documents for its request body (JSON when it has none): what a client would send. */
    private static String bodyType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.isObject() && content.size() > 0 ? content.fieldNames().next() : "application/json";
    }

    private static Response call(String method, String url, String bodyType) {
        var request = given().contentType(bodyType).body((bodyType.contains("json") ? "{}" : "x").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return switch (method) {
            case "GET" -> given().get(url);
            case "DELETE" -> given().delete(url);
            case "POST" -> request.post(url);
            case "PUT" -> request.put(url);
            case "PATCH" -> request.patch(url);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
