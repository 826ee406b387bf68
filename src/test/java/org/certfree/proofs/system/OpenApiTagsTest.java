package org.certfree.proofs.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The demo-mode operations are under their own tag, which the document lists last. */
@QuarkusTest
class OpenApiTagsTest {

    @Test
    void theDemoTagIsLastAndHoldsExactlyTheDemoModeOperations() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi").asString());
        List<String> tags = new ArrayList<>();
        doc.get("tags").forEach(t -> tags.add(t.get("name").asText()));
        assertEquals("demo", tags.get(tags.size() - 1), "tag order: " + tags);
        assertEquals(1, tags.stream().filter("demo"::equals).count());

        Set<String> demo = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode opTags = op.getValue().get("tags");
            if (opTags != null && opTags.toString().contains("\"demo\"")) {
                demo.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertEquals(Set.of("POST /api/v1/dev/tokens", "GET /api/v1/bench/floor/{code}"), demo);
    }
}
