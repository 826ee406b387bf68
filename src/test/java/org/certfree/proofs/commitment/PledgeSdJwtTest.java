package org.certfree.proofs.commitment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.NodeScripts;
import org.junit.jupiter.api.Test;

/**
 * A pledge document verifies like a proof with an independent implementation given only the JWKS:
 * {@code @sd-jwt/core} with jose (EdDSA) and sm-crypto (SM2, user id 1234567812345678), typ
 * {@code certfree-pledge+sd-jwt}; the disclosed answers are the pledger's.
 */
@QuarkusTest
class PledgeSdJwtTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Test
    void aPledgeDocumentVerifiesWithOnlyTheJwks() throws Exception {
        demoData.seed();
        lists.seed();
        String holder = Fixtures.randomResidentId();
        Map<String, Object> pledge = Pledges.made(Pledges.MARKET, holder);
        Map<?, ?> doc = (Map<?, ?>) pledge.get("document");
        for (String form : List.of("sdJwt", "jwsJson")) {
            JsonNode out = nodeRuns((String) doc.get(form));
            assertTrue(out.path("verified").asBoolean(false), form + ": " + out);
            assertEquals("certfree-pledge+sd-jwt", out.path("typ").asText(), form);
            JsonNode claims = out.path("claims");
            assertEquals("certfree-pledge", claims.path("typ").asText(), claims.toString());
            assertEquals(Pledges.answers(Pledges.MARKET), JSON.convertValue(claims.path("claims"), Map.class), form);
            assertEquals(holder, claims.path("subject").path("id").asText(), form);
            assertEquals(Pledges.hash(Pledges.MARKET), claims.path("pledge").path("template").path("hash").asText(), form);
            assertEquals(Pledges.UNIT, claims.path("pledge").path("usingUnit").asText(), form);
        }
        // the signed JWT alone (no disclosures) verifies and discloses no answer
        JsonNode bare = nodeRuns(doc.get("jwsCompact") + "~");
        assertTrue(bare.path("verified").asBoolean(false), bare.toString());
        assertTrue(bare.path("claims").path("claims").path("address").isMissingNode(), bare.toString());
    }

    private static JsonNode nodeRuns(String presented) throws Exception {
        Path dir = Files.createTempDirectory("pledge-sd-jwt");
        Path jwks = dir.resolve("jwks.json");
        Path token = dir.resolve("sd-jwt.txt");
        Files.write(jwks, given().get("/.well-known/jwks.json").then().statusCode(200).extract().asByteArray());
        Files.writeString(token, presented);
        NodeScripts.Run run = NodeScripts.run("verify-sd-jwt.mjs", jwks.toAbsolutePath().toString(), token.toAbsolutePath().toString());
        assertTrue(run.exit() == 0 || run.exit() == 1, run.stderr() + run.stdout());
        return JSON.readTree(run.stdout());
    }
}
