package org.certfree.proofs.copy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.keys.pki.TestCa;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.NodeScripts;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A using unit checks a purpose-bound copy (加注件) offline: {@code src/test/js/verify-copy.mjs} on Node.js, given
 * only the JWKS and the issuer's status list as served (cached) — no call to the service. Accepted at the bound unit
 * before expiry; refused at another unit, after expiry, tampered, and once a newer list shows the proof revoked or
 * suspended. A withdrawal is not visible offline (the documented limit).
 */
@QuarkusTest
class OfflineCopyTest {

    private static final String SCRIPT = "verify-copy.mjs";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ControllableClock clock;

    /** An issuing department of this test alone: its status lists are never dated by another test's clock. */
    private String dept;
    private String matter;

    @BeforeEach
    void department() {
        Fixtures.departments();
        dept = "CP" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", dept, "name", "加注件测试部门" + dept, "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "659900", "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        matter = Matters.retained(dept, 0);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void acceptedAtTheBoundUnitBeforeExpiryAndRefusedElsewhereLaterOrTampered() throws Exception {
        CopyFixtures f = new CopyFixtures(dept, matter);
        Response made = f.make();
        String token = made.path("token");
        Path jwks = jwks();
        String list = statusList();

        JsonNode ok = accepted(run(jwks, list, token, Fixtures.WINDOW, clock.instant()));
        assertEquals(made.path("id").toString(), ok.get("copy").get("id").asText());
        assertEquals(CopyFixtures.PURPOSE, ok.get("copy").get("purpose").asText());
        assertEquals(f.number, ok.get("proof").get("number").asText());
        assertEquals("张三", ok.get("disclosed").get("subject").get("name").asText());
        assertEquals("新疆库尔勒市人民东路 1 号", ok.get("disclosed").get("claims").get("户籍地址").asText());
        accepted(run(jwks, list, made.path("tokenJson"), Fixtures.WINDOW, clock.instant())); // SM2-SM3 + Ed25519

        refused(run(jwks, list, token, Fixtures.OTHER_WINDOW, clock.instant()), "bound to another unit");
        Instant expiresAt = Instant.parse(made.path("expiresAt"));
        refused(run(jwks, list, token, Fixtures.WINDOW, expiresAt.plusSeconds(1)), "copy expired");

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace(CopyFixtures.PURPOSE, "办理任何事项");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refused(run(jwks, list, tampered, Fixtures.WINDOW, clock.instant()), "signature does not verify");

        // another issuer's list does not answer for this copy
        String foreign = given().get("/api/v1/status-lists/" + Fixtures.OTHER_DEPT_ISSUER).then().statusCode(200).extract().asString();
        refused(run(jwks(), foreign, token, Fixtures.WINDOW, clock.instant()), "status list");

        // a withdrawal is seen online only: offline, the copy passes until it expires
        f.asHolder().post("/api/v1/copies/" + made.path("id") + "/withdraw").then().statusCode(200);
        accepted(run(jwks, statusList(), token, Fixtures.WINDOW, clock.instant()));
    }

    @Test
    void refusedOnceANewerStatusListShowsTheProofRevokedOrSuspended() throws Exception {
        CopyFixtures revoked = new CopyFixtures(dept, matter);
        CopyFixtures suspended = new CopyFixtures(dept, matter);
        String first = revoked.make().path("token");
        String second = suspended.make().path("token");
        Path jwks = jwks();
        String before = statusList();
        accepted(run(jwks, before, first, Fixtures.WINDOW, clock.instant()));
        accepted(run(jwks, before, second, Fixtures.WINDOW, clock.instant()));

        revoked.revoke();
        suspended.suspend();
        String after = statusList();
        long number = JSON.readTree(Base64.getUrlDecoder().decode(after.split("\\.")[1])).get("number").asLong();
        refused(run(jwks, after, first, Fixtures.WINDOW, clock.instant()), "revoked");
        refused(run(jwks, after, second, Fixtures.WINDOW, clock.instant()), "suspended");
        // the list cached before says nothing yet; a unit that has seen the newer one refuses the older one
        accepted(run(jwks, before, first, Fixtures.WINDOW, clock.instant()));
        refused(run(jwks, before, first, Fixtures.WINDOW, clock.instant(), "--min-number=" + number), "older than");
    }

    @Test
    void withTheRootsEverySm2KeyMustBeCertifiedByOne() throws Exception {
        CopyFixtures f = new CopyFixtures(dept, matter);
        String token = f.make().path("token");
        // another issuer's keys exist once it has signed a status list
        given().get("/api/v1/status-lists/" + Fixtures.OTHER_DEPT_ISSUER).then().statusCode(200);
        Path jwks = jwks();
        String list = statusList();
        String roots = given().get("/api/v1/pki/roots").then().statusCode(200).extract().asString();

        accepted(run(jwks, list, token, Fixtures.WINDOW, clock.instant(), "--roots=" + save("roots", roots)));

        // a root with the same name but another key certifies nothing here
        String stranger = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                TestCa.generate().certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        refused(run(jwks, list, token, Fixtures.WINDOW, clock.instant(), "--roots=" + save("roots", stranger)),
                "does not end at a trusted root");

        // the department's SM2 key carrying another key's certificate chain
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(jwks));
        JsonNode ours = null;
        JsonNode other = null;
        for (JsonNode k : doc.get("keys")) {
            if ("SM2SM3".equals(k.path("alg").asText()) && k.has("x5c")) {
                if (dept.equals(k.path("dept").asText())) {
                    ours = k;
                } else if (Fixtures.OTHER_DEPT_ISSUER.equals(k.path("dept").asText())) {
                    other = k;
                }
            }
        }
        assertNotNull(ours, "the department's SM2 key carries x5c");
        assertNotNull(other, "another department's SM2 key carries x5c");
        JsonNode ownLeaf = ours.get("x5c").get(0);
        ((ObjectNode) ours).set("x5c", other.get("x5c"));
        Path swapped = save("jwks", JSON.writeValueAsString(doc));
        refused(run(swapped, list, token, Fixtures.WINDOW, clock.instant(), "--roots=" + save("roots", roots)),
                "for another key");
        // an end-entity certificate posing as the issuer of the chain
        ((ObjectNode) ours).putArray("x5c").add(ownLeaf).add(ownLeaf);
        refused(run(save("jwks", JSON.writeValueAsString(doc)), list, token, Fixtures.WINDOW, clock.instant(),
                "--roots=" + save("roots", roots)), "is not a CA's");
        ((ObjectNode) ours).remove("x5c");
        Path bare = save("jwks", JSON.writeValueAsString(doc));
        refused(run(bare, list, token, Fixtures.WINDOW, clock.instant(), "--roots=" + save("roots", roots)),
                "has no x5c chain");
        // without --roots the script checks the JWKS alone, as before
        accepted(run(bare, list, token, Fixtures.WINDOW, clock.instant()));
    }

    // ------------------------------------------------------------------ helpers

    private String statusList() {
        Response r = given().get("/api/v1/status-lists/" + dept);
        assertEquals(200, r.statusCode(), r.asString());
        return r.asString();
    }

    private static Path jwks() throws Exception {
        byte[] body = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asByteArray();
        return save("jwks", new String(body, StandardCharsets.UTF_8));
    }

    private static Path save(String prefix, String content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "offline-copy")).toAbsolutePath();
        Path file = Files.createTempFile(dir, prefix, ".txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static NodeScripts.Run run(Path jwks, String list, String token, String unit, Instant now, String... more)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(jwks.toString(), save("list", list).toString(), save("copy", token).toString(),
                "--unit=" + unit, "--now=" + now));
        args.addAll(List.of(more));
        return NodeScripts.run(SCRIPT, args.toArray(String[]::new));
    }

    private static JsonNode accepted(NodeScripts.Run run) throws Exception {
        assertEquals(0, run.exit(), "the copy must be accepted:\n" + run.stdout() + run.stderr());
        JsonNode out = JSON.readTree(run.stdout());
        assertTrue(out.get("valid").asBoolean(), run.stdout());
        return out;
    }

    private static void refused(NodeScripts.Run run, String reason) throws Exception {
        assertEquals(1, run.exit(), "the copy must be refused (" + reason + "):\n" + run.stdout() + run.stderr());
        JsonNode out = JSON.readTree(run.stdout());
        assertTrue(out.get("reason").asText().contains(reason), "expected a reason with \"" + reason + "\": " + run.stdout());
    }
}
