package org.certfree.proofs.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.junit.jupiter.api.Test;

/**
 * A proof's two signed forms share one SM2-SM3 signature: the compact JWS is the JSON serialization's
 * first signature (same protected header, payload and signature bytes), so issuance signs with SM2 once.
 */
@QuarkusTest
class SignedFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCompactFormIsTheJsonFormsSm2Signature() throws Exception {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Map<String, Object> proof = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", Fixtures.randomResidentId());
        String[] compact = ((String) proof.get("jwsCompact")).split("\\.");
        JsonNode json = JSON.readTree((String) proof.get("jwsJson"));
        JsonNode sm2 = json.path("signatures").get(0);
        assertEquals(2, json.path("signatures").size(), "SM2SM3 and EdDSA");
        assertEquals(compact[0], sm2.path("protected").asText(), "same protected header");
        assertEquals(compact[1], json.path("payload").asText(), "same payload");
        assertEquals(compact[2], sm2.path("signature").asText(), "same signature: SM2 signed once");
        JsonNode header = JSON.readTree(java.util.Base64.getUrlDecoder().decode(compact[0]));
        assertEquals("SM2SM3", header.path("alg").asText());
    }
}
