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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.NodeScripts;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A third party checks a department's signed status list offline: {@code src/test/js/verify-status-list.mjs}
 * on Node.js, with npm {@code sm-crypto} for the SM2-SM3 signature and Node's zlib for GZIP, given only
 * the JWKS and the list as served — no call to the service per proof. Revocations show in the list
 * after its next publication; tampered, foreign, wrongly labelled and expired lists are refused.
 */
@QuarkusTest
class OfflineStatusListTest {

    private static final String SCRIPT = "verify-status-list.mjs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64E = Base64.getUrlEncoder().withoutPadding();

    @Inject
    ControllableClock clock;

    /** A department of this test alone: moving the clock leaves its list dated ahead of real time. */
    private String dept;
    private String matter;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        dept = "SL" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", dept, "name", "状态列表测试部门" + dept, "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "659900", "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        matter = Matters.retained(dept, 0);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aThirdPartySeesARevocationInTheNextPublishedListWithoutAskingPerProof() throws Exception {
        Map<?, ?> kept = issued("张三", Fixtures.CITIZEN_ID);
        Map<?, ?> revoked = issued("李四", Fixtures.OTHER_CITIZEN_ID);
        int keptIndex = signedIndex(kept);
        int revokedIndex = signedIndex(revoked);
        Path jwks = jwks();

        String first = statusList(dept);
        JsonNode before = accepted(run(jwks, first, "--issuer=" + dept, keptIndex, revokedIndex));
        assertEquals(dept, before.get("issuer").asText());
        assertTrue(before.get("size").asInt() >= 131_072, before.toString());
        assertEquals(0, status(before, keptIndex));
        assertEquals(0, status(before, revokedIndex));
        long firstNumber = before.get("number").asLong();

        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + revoked.get("number") + "/revoke")
                .then().statusCode(200);

        String second = statusList(dept);
        JsonNode after = accepted(run(jwks, second, "--issuer=" + dept, "--min-number=" + (firstNumber + 1),
                keptIndex, revokedIndex));
        assertTrue(after.get("number").asLong() > firstNumber, "a new list is published after the revocation: " + after);
        assertEquals(0, status(after, keptIndex));
        assertEquals(1, status(after, revokedIndex));

        // The earlier list still verifies (it is signed and unexpired) but is stale: a verifier that has
        // seen the newer one refuses it by its number.
        assertEquals(0, status(accepted(run(jwks, first, keptIndex, revokedIndex)), revokedIndex));
        assertRejected(run(jwks, first, "--min-number=" + after.get("number").asLong(), revokedIndex), "older than");

        // Without any revocation a new list (higher number) follows once the last one is past half its life,
        // and a list past its validUntil is refused.
        clock.advance(StatusListService.VALIDITY.dividedBy(2).plusSeconds(1));
        String third = statusList(dept);
        JsonNode later = accepted(run(jwks, third, keptIndex, revokedIndex));
        assertTrue(later.get("number").asLong() > after.get("number").asLong(), later.toString());
        assertEquals(1, status(later, revokedIndex));
        Instant validUntil = Instant.parse(later.get("validUntil").asText());
        assertEquals(StatusListService.VALIDITY, Duration.between(Instant.parse(later.get("issuedAt").asText()), validUntil));
        assertRejected(NodeScripts.run(SCRIPT, jwks.toString(), save("list", third), "--now=" + validUntil.plusSeconds(1),
                String.valueOf(keptIndex)), "expired");
    }

    @Test
    void theListIsNeverSmallerThanASlotAlreadyHandedOut() throws Exception {
        // issuance sizes the list from a count each replica keeps for a while; after rolled-back
        // issuances it can hand out a slot past the size the published count alone would give
        Map<?, ?> revoked = issued("李四", Fixtures.OTHER_CITIZEN_ID);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + revoked.get("number") + "/revoke")
                .then().statusCode(200);
        int far = 200_000;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE proof SET status_list_index = ? WHERE number = ?")) {
            c.createStatement().execute("SET session_replication_role = replica"); // past the immutability trigger
            s.setInt(1, far);
            s.setString(2, (String) revoked.get("number"));
            assertEquals(1, s.executeUpdate());
            c.createStatement().execute("SET session_replication_role = origin");
        }
        JsonNode list = accepted(run(jwks(), statusList(dept), "--issuer=" + dept, far));
        assertEquals(262_144, list.get("size").asInt(), list.toString());
        assertEquals(1, status(list, far));
    }

    @Test
    void tamperedForeignAndWronglyLabelledListsAreRefused() throws Exception {
        int index = signedIndex(issued("王五", Fixtures.CITIZEN_ID));
        String list = statusList(dept);
        Path jwks = jwks();
        accepted(run(jwks, list, index));
        String[] parts = list.split("\\.");

        // One character of the signed statement changed: the list number's last digit.
        String payload = new String(B64.decode(parts[1]), StandardCharsets.UTF_8);
        int digit = payload.indexOf("\"number\":") + "\"number\":".length();
        while (Character.isDigit(payload.charAt(digit + 1))) {
            digit++;
        }
        char last = payload.charAt(digit);
        String forged = payload.substring(0, digit) + (last == '9' ? '8' : (char) (last + 1)) + payload.substring(digit + 1);
        assertEquals(payload.length(), forged.length());
        String tampered = parts[0] + "." + B64E.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRejected(run(jwks, tampered, index), "signature does not verify");

        // A JWKS that lacks the list's key.
        String kid = JSON.readTree(B64.decode(parts[0])).get("kid").asText();
        ObjectNode set = (ObjectNode) JSON.readTree(Files.readAllBytes(jwks));
        ArrayNode others = JSON.createArrayNode();
        for (JsonNode k : set.get("keys")) {
            if (!kid.equals(k.path("kid").asText())) {
                others.add(k);
            }
        }
        assertEquals(set.get("keys").size() - 1, others.size(), "the list's kid is in the served JWKS");
        set.set("keys", others);
        Path withoutKey = Path.of(save("jwks", JSON.writeValueAsString(set)));
        assertRejected(run(withoutKey, list, index), "is not in the JWKS");

        // The same signature presented under another algorithm.
        ObjectNode header = (ObjectNode) JSON.readTree(B64.decode(parts[0]));
        header.put("alg", "EdDSA");
        String relabelled = B64E.encodeToString(JSON.writeValueAsBytes(header)) + "." + parts[1] + "." + parts[2];
        assertRejected(run(jwks, relabelled, index), "alg EdDSA is not accepted");

        // Another department's genuine list is not this department's.
        String foreign = statusList(Fixtures.OTHER_DEPT_ISSUER);
        Path jwksNow = jwks();
        accepted(run(jwksNow, foreign, index));
        assertRejected(run(jwksNow, foreign, "--issuer=" + dept, index), "not of " + dept);
    }

    // ------------------------------------------------------------------ helpers

    private Map<?, ?> issued(String name, String subjectId) {
        return Fixtures.issued(dept, matter, name, subjectId);
    }

    /** The status-list index as the proof itself signs it (what an offline verifier reads), checked against the view. */
    private int signedIndex(Map<?, ?> proof) throws Exception {
        JsonNode signed = JSON.readTree(B64.decode(((String) proof.get("jwsCompact")).split("\\.")[1]));
        JsonNode status = signed.get("status");
        assertEquals("/api/v1/status-lists/" + dept, status.get("list").asText());
        assertEquals(((Number) proof.get("statusListIndex")).intValue(), status.get("index").asInt());
        return status.get("index").asInt();
    }

    private static String statusList(String dept) {
        Response r = given().get("/api/v1/status-lists/" + dept);
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/jose"), r.contentType());
        return r.asString();
    }

    /** The JWKS as served now, saved to a file: all the verifier holds besides the list. */
    private static Path jwks() throws Exception {
        byte[] body = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asByteArray();
        return Path.of(save("jwks", new String(body, StandardCharsets.UTF_8)));
    }

    private static String save(String prefix, String content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "offline-status-list")).toAbsolutePath();
        Path file = Files.createTempFile(dir, prefix, ".txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toString();
    }

    /** Runs the offline verifier at the service's (possibly advanced) time; args are options and indexes. */
    private NodeScripts.Run run(Path jwks, String list, Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(jwks.toString(), save("list", list), "--now=" + clock.instant()));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        return NodeScripts.run(SCRIPT, command.toArray(String[]::new));
    }

    private static JsonNode accepted(NodeScripts.Run run) throws Exception {
        assertEquals(0, run.exit(), "the list must be accepted:\n" + run.stdout() + run.stderr());
        JsonNode out = JSON.readTree(run.stdout());
        assertTrue(out.get("valid").asBoolean(), run.stdout());
        return out;
    }

    private static void assertRejected(NodeScripts.Run run, String reason) throws Exception {
        assertEquals(1, run.exit(), "the list must be rejected (" + reason + "):\n" + run.stdout() + run.stderr());
        JsonNode out = JSON.readTree(run.stdout());
        assertEquals(false, out.get("valid").asBoolean(), run.stdout());
        assertTrue(out.get("reason").asText().contains(reason), "expected a reason with \"" + reason + "\": " + run.stdout());
    }

    private static int status(JsonNode result, int index) {
        JsonNode statuses = result.get("statuses");
        for (Iterator<String> names = statuses.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals(String.valueOf(index))) {
                return statuses.get(name).asInt();
            }
        }
        throw new AssertionError("no status for index " + index + " in " + result);
    }
}
