package org.certfree.proofs.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.certfree.proofs.testsupport.NodeScripts;
import org.junit.jupiter.api.Test;

/**
 * Lints {@code openapi/openapi.yaml} (kept equal to the served document by {@link OpenApiDocumentTest})
 * as a client generator reads it: Redocly CLI with the rules of {@code redocly.yaml}, Redocly's
 * "recommended" set with a few warnings raised to errors. Any error fails; warnings are printed.
 * Needs Node.js: skipped without it, failed on CI (see {@link NodeScripts}).
 */
class OpenApiLintTest {

    @Test
    void theApiDocumentHasNoLintErrors() {
        NodeScripts.Run run = NodeScripts.run("lint-openapi.mjs");
        JsonNode report = null;
        try {
            report = new ObjectMapper().readTree(run.stdout());
        } catch (JsonProcessingException e) {
            fail("Redocly gave no report (exit " + run.exit() + "):\n" + run.stdout() + run.stderr());
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            String line = problem.path("ruleId").asText() + ": " + problem.path("message").asText()
                    + " (" + problem.path("location").path(0).path("pointer").asText() + ")";
            if ("error".equals(problem.path("severity").asText())) {
                errors.add(line);
            } else {
                System.out.println("Redocly warning: " + line);
            }
        }
        assertEquals(List.of(), errors, "Redocly finds errors in openapi/openapi.yaml (rules: redocly.yaml); "
                + "fix the annotations, then regenerate the document (see OpenApiDocumentTest)");
        assertEquals(0, run.exit(), "Redocly failed:\n" + run.stderr());
    }
}
