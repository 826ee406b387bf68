package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.NodeScripts;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proofs are SD-JWTs (RFC 9901): nothing personal in the signed payload, the holder chooses what a window
 * sees, and an independent implementation ({@code @sd-jwt/core} with jose / sm-crypto, given only the
 * JWKS) agrees with the service on what verifies and what does not.
 */
@QuarkusTest
class SdJwtTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "欧阳明";
    private static final String ADDRESS = "新疆库尔勒市人民东路 1 号";

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
    }

    /** A proof with three claims, read by its holder. */
    private Map<String, Object> holdersProof(String holder) {
        Map<String, Object> body = Map.of("matterCode", matter,
                "subject", Map.of("kind", "PERSON", "name", NAME, "id", holder),
                "claims", Map.of("户籍地址", ADDRESS, "民族", "汉族", "与户主关系", "户主"),
                "purpose", "办理入学");
        String number = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .contentType(ContentType.JSON).body(body).post("/api/v1/proofs").then().statusCode(201).extract().path("number");
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/proofs/" + number)
                .then().statusCode(200).extract().as(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static String disclosure(Map<String, Object> proof, String path) {
        return ((List<Map<String, String>>) proof.get("disclosures")).stream().filter(d -> d.get("path").equals(path))
                .findFirst().orElseThrow().get("disclosure");
    }

    private static JsonNode payloadOf(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void theSignedPayloadHoldsDigestsOnlyAndTheHolderGetsEveryDisclosure() throws Exception {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> proof = holdersProof(holder);
        String jwt = (String) proof.get("jwsCompact");
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        assertFalse(payload.contains(holder) || payload.contains(NAME) || payload.contains(ADDRESS) || payload.contains("汉族"), payload);
        JsonNode p = payloadOf(jwt);
        assertEquals("sha-256", p.path("_sd_alg").asText());
        assertEquals(2, p.path("subject").path("_sd").size());
        assertEquals(3, p.path("claims").path("_sd").size());
        String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"typ\":\"certfree-proof+sd-jwt\""), header);
        // the holder's SD-JWT carries all five disclosures; the view shows the values they disclose
        String sdJwt = (String) proof.get("sdJwt");
        assertTrue(sdJwt.startsWith(jwt + "~") && sdJwt.endsWith("~"));
        assertEquals(5, sdJwt.split("~").length - 1);
        assertEquals(NAME, ((Map<?, ?>) proof.get("subject")).get("name"));
        assertEquals(ADDRESS, ((Map<?, ?>) proof.get("claims")).get("户籍地址"));
        assertEquals(new String(Base64.getUrlDecoder().decode(disclosure(proof, "subject.id")), StandardCharsets.UTF_8)
                .contains(holder), true);
        // the general JSON serialization: both signatures, the disclosures in the first one's unprotected header
        JsonNode general = JSON.readTree((String) proof.get("jwsJson"));
        assertEquals(2, general.path("signatures").size());
        assertEquals(5, general.path("signatures").get(0).path("header").path("disclosures").size());
        assertTrue(general.path("signatures").get(1).path("header").isMissingNode());
    }

    @Test
    void anIndependentVerifierChecksSignatureAndDisclosuresWithOnlyTheJwks() throws Exception {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> proof = holdersProof(holder);
        String jwt = (String) proof.get("jwsCompact");
        // the holder reveals the address only
        String onlyAddress = jwt + "~" + disclosure(proof, "claims.户籍地址") + "~";
        JsonNode seen = nodeVerifies(onlyAddress);
        assertEquals(ADDRESS, seen.path("claims").path("claims").path("户籍地址").asText());
        assertTrue(seen.path("claims").path("claims").path("民族").isMissingNode());
        assertTrue(seen.path("claims").path("subject").path("name").isMissingNode());
        assertTrue(seen.path("claims").path("subject").path("id").isMissingNode());
        assertFalse(seen.toString().contains(holder) || seen.toString().contains(NAME), seen.toString());
        // the whole SD-JWT and the general JSON serialization (SM2SM3 and EdDSA) verify too
        assertEquals(holder, nodeVerifies((String) proof.get("sdJwt")).path("claims").path("subject").path("id").asText());
        assertEquals(NAME, nodeVerifies((String) proof.get("jwsJson")).path("claims").path("subject").path("name").asText());
        // a disclosure altered by the holder (another address, same salt) is refused, as is one of another proof
        String tampered = jwt + "~" + alter(disclosure(proof, "claims.户籍地址"), "新疆库尔勒市天山东路 9 号") + "~";
        assertEquals(false, nodeRuns(tampered).path("verified").asBoolean(true));
        Map<String, Object> other = holdersProof(Fixtures.randomResidentId());
        String foreign = jwt + "~" + disclosure(other, "subject.name") + "~";
        assertEquals(false, nodeRuns(foreign).path("verified").asBoolean(true));
    }

    @Test
    void aWindowLearnsOnlyWhatTheHolderPresentsAndRefusesATamperedDisclosure() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> proof = holdersProof(holder);
        String jwt = (String) proof.get("jwsCompact");
        String onlyAddress = jwt + "~" + disclosure(proof, "claims.户籍地址") + "~";
        verify(Map.of("jws", onlyAddress)).statusCode(200).body("indication", equalTo("TOTAL_PASSED"))
                .body("disclosed.claims.户籍地址", equalTo(ADDRESS)).body("disclosed.claims", not(hasKey("民族")))
                .body("disclosed.subjectName", nullValue()).body("disclosed.subjectId", nullValue())
                .body("disclosed.paths", equalTo(List.of("claims.户籍地址")));
        // nothing disclosed at all: the proof still verifies, and the window learns no value
        verify(Map.of("jws", jwt + "~")).statusCode(200).body("indication", equalTo("TOTAL_PASSED"))
                .body("disclosed.paths", equalTo(List.of()));
        String tampered = jwt + "~" + alter(disclosure(proof, "claims.户籍地址"), "新疆库尔勒市天山东路 9 号") + "~";
        verify(Map.of("jws", tampered)).statusCode(200).body("indication", equalTo("TOTAL_FAILED"))
                .body("subIndication", equalTo("HASH_FAILURE")).body("disclosed", nullValue());
        String twice = jwt + "~" + disclosure(proof, "subject.name") + "~" + disclosure(proof, "subject.name") + "~";
        verify(Map.of("jws", twice)).statusCode(200).body("subIndication", equalTo("HASH_FAILURE"));
        verify(Map.of("jws", jwt + "~not-a-disclosure~")).statusCode(200).body("indication", equalTo("TOTAL_FAILED"));
        // the general JSON serialization alike: its first signature's header says what is disclosed
        String address = disclosure(proof, "claims.户籍地址");
        verify(Map.of("jws", withDisclosures((String) proof.get("jwsJson"), 0, List.of(address)))).statusCode(200)
                .body("indication", equalTo("TOTAL_PASSED")).body("disclosed.paths", equalTo(List.of("claims.户籍地址")))
                .body("disclosed.subjectName", nullValue());
        verify(Map.of("jws", withDisclosures((String) proof.get("jwsJson"), 0, List.of(alter(address, "别处")))))
                .statusCode(200).body("subIndication", equalTo("HASH_FAILURE"));
        verify(Map.of("jws", withDisclosures((String) proof.get("jwsJson"), 1, List.of(address)))).statusCode(200)
                .body("subIndication", equalTo("FORMAT_FAILURE")); // RFC 9901 §8.1: the first signature's header only
        verify(Map.of("jws", jwt + "~" + disclosure(proof, "subject.name") + "~eyJhbGciOiJub25lIn0.e30.")).statusCode(200)
                .body("subIndication", equalTo("FORMAT_FAILURE")); // a key-binding JWT: none is issued
    }

    @Test
    void aConsentHandsOverExactlyTheDisclosuresItNames() throws Exception {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> proof = holdersProof(holder);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(),
                        "disclose", List.of("subject.name", "claims.户籍地址")))
                .post("/api/v1/consents").then().statusCode(201).body("disclose", hasItems("subject.name", "claims.户籍地址"));
        String sdJwt = verify(Map.of("number", proof.get("number"), "code", proof.get("verificationCode"), "retrieve", true))
                .statusCode(200).body("indication", equalTo("TOTAL_PASSED"))
                .body("content.subjectName", equalTo(NAME)).body("content.subjectId", nullValue())
                .body("content.claims.户籍地址", equalTo(ADDRESS)).body("content.claims", not(hasKey("民族")))
                .body("content.disclosed", equalTo(List.of("subject.name", "claims.户籍地址")))
                .extract().path("content.sdJwt");
        // what the unit got verifies independently and says no more than the consent
        JsonNode seen = nodeVerifies(sdJwt);
        assertEquals(NAME, seen.path("claims").path("subject").path("name").asText());
        assertTrue(seen.path("claims").path("subject").path("id").isMissingNode());
        assertTrue(seen.path("claims").path("claims").path("与户主关系").isMissingNode());
        // a consent naming something that is no disclosure is a 400 that grants nothing
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "别的用途",
                        "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(), "disclose", List.of("住址")))
                .post("/api/v1/consents").then().statusCode(400).body("errors[0].field", equalTo("disclose[0]"));
    }

    /** The general JSON serialization with exactly {@code disclosures} in the header of signature {@code at}. */
    private static String withDisclosures(String generalJson, int at, List<String> disclosures) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(generalJson);
            root.withArray("signatures").forEach(sig -> ((com.fasterxml.jackson.databind.node.ObjectNode) sig).remove("header"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("signatures").get(at)).putObject("header")
                    .set("disclosures", JSON.valueToTree(disclosures));
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Re-encodes a disclosure with another value and the same salt and name: its digest no longer matches. */
    private static String alter(String disclosure, String value) {
        try {
            JsonNode d = JSON.readTree(Base64.getUrlDecoder().decode(disclosure));
            String altered = JSON.writeValueAsString(List.of(d.get(0).asText(), d.get(1).asText(), value));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse verify(Map<String, Object> body) {
        Map<String, Object> b = new HashMap<>(body);
        b.putIfAbsent("purpose", "办理入学");
        return given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(b).post("/api/v1/verifications").then();
    }

    private static JsonNode nodeVerifies(String presented) throws Exception {
        JsonNode out = nodeRuns(presented);
        assertTrue(out.path("verified").asBoolean(), out.toString());
        return out;
    }

    private static JsonNode nodeRuns(String presented) throws Exception {
        Path dir = Files.createTempDirectory("sd-jwt");
        Path jwks = dir.resolve("jwks.json");
        Path token = dir.resolve("sd-jwt.txt");
        Files.write(jwks, given().get("/.well-known/jwks.json").then().statusCode(200).extract().asByteArray());
        Files.writeString(token, presented);
        NodeScripts.Run run = NodeScripts.run("verify-sd-jwt.mjs", jwks.toAbsolutePath().toString(), token.toAbsolutePath().toString());
        assertTrue(run.exit() == 0 || run.exit() == 1, run.stderr() + run.stdout());
        return JSON.readTree(run.stdout());
    }
}
