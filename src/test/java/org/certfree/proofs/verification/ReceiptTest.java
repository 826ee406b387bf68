package org.certfree.proofs.verification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.certfree.proofs.common.merkle.MerkleHash;
import org.certfree.proofs.common.merkle.MerkleVerifier;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.NodeScripts;
import org.certfree.proofs.testsupport.Tokens;
import org.certfree.proofs.verification.dto.Receipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verification receipts are signed in batches (one SM2 signature over a Merkle root), and each one
 * still proves on its own that the issuing department gave that answer: checked here by
 * {@code src/test/js/verify-receipt.mjs} (sm-crypto and Node's SHA-256, given only the JWKS) and by
 * the RFC 9162 inclusion check; any change to a body, path, index or head is refused.
 */
@QuarkusTest
class ReceiptTest {

    private static final String SCRIPT = "verify-receipt.mjs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReceiptBatcher batcher;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
    }

    @Test
    void aReceiptProvesTheIssuersAnswerToAThirdParty() throws Exception {
        Map<?, ?> proof = issued();
        Map<?, ?> result = verify(Map.of("number", proof.get("number"), "code", proof.get("verificationCode"), "purpose", "办理入学"));
        JsonNode receipt = JSON.valueToTree(result.get("receipt"));
        JsonNode out = accepted(NodeScripts.run(SCRIPT, jwks().toString(), save(receipt)));
        JsonNode body = out.get("body");
        assertEquals(Fixtures.GOOD_ISSUER, out.get("issuer").asText());
        assertEquals(result.get("id"), body.get("id").asText());
        assertEquals(proof.get("number"), body.get("proofNumber").asText());
        assertEquals(Fixtures.WINDOW, body.get("unit").asText());
        assertEquals("办理入学", body.get("purpose").asText());
        assertEquals("urn:certfree:indication:total-passed", body.get("indication").asText());
        assertEquals(Fixtures.GOOD_ISSUER, body.get("issuerDept").asText());
        assertEquals(false, body.get("retrieved").asBoolean(true), "no content was handed over");
    }

    @Test
    void concurrentVerificationsEachGetAReceiptThatChecksAndAreAllLogged() throws Exception {
        Map<?, ?> proof = issued();
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Map<?, ?>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String purpose = "并发核验 " + i;
                Callable<Map<?, ?>> call = () -> verify(Map.of("number", proof.get("number"), "code", proof.get("verificationCode"),
                        "purpose", purpose));
                answers.add(pool.submit(call));
            }
            Set<String> purposes = new HashSet<>();
            for (Future<Map<?, ?>> answer : answers) {
                JsonNode receipt = JSON.valueToTree(answer.get().get("receipt"));
                JsonNode body = JSON.readTree(Base64.getUrlDecoder().decode(receipt.get("payload").asText()));
                JsonNode head = JSON.readTree(Base64.getUrlDecoder().decode(receipt.get("batch").asText().split("\\.")[1]));
                assertTrue(included(receipt, head), "every receipt's path leads to its signed root: " + receipt);
                purposes.add(body.get("purpose").asText());
            }
            assertEquals(n, purposes.size(), "each receipt is about its own verification");
            JsonNode last = JSON.valueToTree(answers.get(n - 1).get().get("receipt"));
            accepted(NodeScripts.run(SCRIPT, jwks().toString(), save(last)));
        } finally {
            pool.shutdownNow();
        }
        JsonNode log = JSON.readTree(given().header("Authorization", Tokens.bearer(Tokens.citizen(holder)))
                .get("/api/v1/me/access-log?size=100").then().statusCode(200).extract().asString());
        int logged = 0;
        for (JsonNode e : log.get("items")) {
            logged += e.get("purpose").asText().startsWith("并发核验 ") ? 1 : 0;
        }
        assertEquals(n, logged, "every verification is in the holder's access log, once");
    }

    @Test
    void inABatchEveryReceiptChecksAndAnyChangeIsRefused() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bodies.add(("{\"issuerDept\":\"" + Fixtures.GOOD_ISSUER + "\",\"n\":" + i + ",\"typ\":\"certfree-receipt\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<Receipt> receipts = batcher.signAll(Fixtures.GOOD_ISSUER, bodies);
        Path jwks = jwks();
        for (Receipt r : receipts) {
            JsonNode out = accepted(NodeScripts.run(SCRIPT, jwks.toString(), save(JSON.valueToTree(r))));
            assertEquals(5, out.get("batchSize").asInt());
        }
        ObjectNode r2 = JSON.valueToTree(receipts.get(2));

        ObjectNode otherBody = r2.deepCopy();
        otherBody.put("payload", receipts.get(3).payload());
        rejected(jwks, otherBody, "does not lead to the signed root");

        ObjectNode otherIndex = r2.deepCopy();
        otherIndex.put("index", 3);
        rejected(jwks, otherIndex, "does not lead to the signed root");

        ObjectNode badPath = r2.deepCopy();
        String first = badPath.get("path").get(0).asText();
        ((ArrayNode) badPath.get("path")).set(0, JSON.getNodeFactory().textNode((first.charAt(0) == '0' ? "1" : "0") + first.substring(1)));
        rejected(jwks, badPath, "does not lead to the signed root");

        ObjectNode shortPath = r2.deepCopy();
        ((ArrayNode) shortPath.get("path")).remove(0);
        rejected(jwks, shortPath, "shorter than the tree is deep");

        String[] jws = r2.get("batch").asText().split("\\.");
        ObjectNode forgedHead = r2.deepCopy();
        String head = new String(Base64.getUrlDecoder().decode(jws[1]), StandardCharsets.UTF_8).replace("\"size\":5", "\"size\":6");
        forgedHead.put("batch", jws[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(head.getBytes(StandardCharsets.UTF_8))
                + "." + jws[2]);
        rejected(jwks, forgedHead, "batch signature does not verify");
    }

    // ------------------------------------------------------------------ helpers

    private String holder;

    private Map<?, ?> issued() {
        holder = Fixtures.randomResidentId();
        return Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", holder);
    }

    private static Map<?, ?> verify(Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(body).post("/api/v1/verifications").then().statusCode(200).extract().as(Map.class);
    }

    /** RFC 9162 inclusion of the receipt body in the root its batch head names. */
    private static boolean included(JsonNode receipt, JsonNode head) {
        List<byte[]> path = new ArrayList<>();
        receipt.get("path").forEach(p -> path.add(MerkleHash.fromHex(p.asText())));
        byte[] leaf = MerkleHash.leaf(Base64.getUrlDecoder().decode(receipt.get("payload").asText()));
        return MerkleVerifier.verifyInclusion(receipt.get("index").asLong(), head.get("size").asLong(), leaf, path,
                MerkleHash.fromHex(head.get("root").asText()));
    }

    private static Path jwks() throws Exception {
        return Path.of(save(JSON.readTree(given().get("/.well-known/jwks.json").then().statusCode(200).extract().asByteArray())));
    }

    private static String save(JsonNode content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "receipts")).toAbsolutePath();
        Path file = Files.createTempFile(dir, "receipt", ".json");
        Files.writeString(file, JSON.writeValueAsString(content), StandardCharsets.UTF_8);
        return file.toString();
    }

    private static JsonNode accepted(NodeScripts.Run run) throws Exception {
        assertEquals(0, run.exit(), "the receipt must be accepted:\n" + run.stdout() + run.stderr());
        return JSON.readTree(run.stdout());
    }

    private static void rejected(Path jwks, JsonNode receipt, String reason) throws Exception {
        NodeScripts.Run run = NodeScripts.run(SCRIPT, jwks.toString(), save(receipt));
        assertEquals(1, run.exit(), "the receipt must be rejected (" + reason + "):\n" + run.stdout() + run.stderr());
        assertTrue(JSON.readTree(run.stdout()).get("reason").asText().contains(reason), run.stdout());
    }
}
