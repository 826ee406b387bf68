package org.certfree.proofs.keys;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our JWS, checked by code that shares nothing with the service: {@code src/test/js/verify-jws.mjs}
 * on Node.js with npm {@code jose} (EdDSA) and {@code sm-crypto} (SM2-SM3), given only the JWKS served
 * at {@code /.well-known/jwks.json}. Node is required: without it this test fails (CI has Node).
 */
@QuarkusTest
class IndependentVerificationTest {

    private static final Path JS = Path.of("src", "test", "js");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Jws jws;

    @Inject
    JwsVerifier verifier;

    @Inject
    KeyService keys;

    @Inject
    KeyDirectory directory;

    /** Runs {@code npm ci} once (node_modules is not committed), when the lock file is newer than the install. */
    @BeforeAll
    static void installVerifier() throws Exception {
        Result node = run(List.of("node", "--version"), Path.of("."), 60);
        if (node.exit() != 0 && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.abort("Node.js 20+ is not installed: the independent JWS check is skipped outside CI");
        }
        if (node.exit() != 0) {
            fail("node is not on PATH or does not run (" + node.output().strip() + "): this test needs Node.js 20+"
                    + " to verify our JWS independently (install nodejs; CI has it)");
        }
        Path marker = JS.resolve("node_modules").resolve(".package-lock.json");
        if (!Files.exists(marker)
                || Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(JS.resolve("package-lock.json"))) < 0) {
            Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), JS, 600);
            if (npm.exit() != 0) {
                fail("npm ci in " + JS + " failed (exit " + npm.exit() + "):\n" + npm.output());
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path dir, int timeoutSeconds) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
    }

    /** Runs the Node verifier on {@code jws} with the JWKS the service serves now. */
    private static Result nodeVerify(String jws) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "independent-verification"));
        Path jwks = Files.createTempFile(dir, "jwks", ".json");
        Path token = Files.createTempFile(dir, "jws", ".txt");
        Files.write(jwks, given().get("/.well-known/jwks.json").then().statusCode(200).extract().asByteArray());
        Files.writeString(token, jws, StandardCharsets.UTF_8);
        return run(List.of("node", JS.resolve("verify-jws.mjs").toString(), jwks.toString(), token.toString()),
                Path.of("."), 60);
    }

    private static String tamperCompact(String compact) {
        String[] p = compact.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8).replace("张三", "李四");
        return p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + p[2];
    }

    private static void assertAccepted(Result r, String what) {
        assertEquals(0, r.exit(), what + " must be accepted by the independent verifier:\n" + r.output());
        assertTrue(r.output().contains("\"valid\":true"), r.output());
    }

    private static void assertRejected(Result r, String what) {
        assertEquals(1, r.exit(), what + " must be rejected by the independent verifier:\n" + r.output());
    }

    @Test
    void nodeAcceptsGenuineAndRejectsTamperedJwsOfBothAlgorithms() throws Exception {
        String dept = KeyFixtures.newIssuer();
        byte[] payload = "{\"subject\":\"张三\",\"matter\":\"无犯罪记录证明\"}".getBytes(StandardCharsets.UTF_8);
        List<String> genuine = new ArrayList<>();
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            genuine.add(jws.signCompact(dept, alg, payload, "proof+jws"));
        }
        String general = jws.signGeneralJson(dept, payload, "proof+jws");

        for (String compact : genuine) {
            assertAccepted(nodeVerify(compact), "a genuine compact JWS");
            assertRejected(nodeVerify(tamperCompact(compact)), "a compact JWS with a tampered payload");
        }
        Result both = nodeVerify(general);
        assertAccepted(both, "a genuine general-JSON JWS");
        assertTrue(both.output().contains("\"alg\":\"SM2SM3\"") && both.output().contains("\"alg\":\"EdDSA\""), both.output());

        ObjectNode tampered = (ObjectNode) JSON.readTree(general);
        tampered.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"subject\":\"李四\",\"matter\":\"无犯罪记录证明\"}".getBytes(StandardCharsets.UTF_8)));
        assertRejected(nodeVerify(JSON.writeValueAsString(tampered)), "a general-JSON JWS with a tampered payload");
    }

    @Test
    void nodeRejectsAnotherKeysKidAndAPostCompromiseSignature() throws Exception {
        String a = KeyFixtures.newIssuer();
        String b = KeyFixtures.newIssuer();
        byte[] payload = "{\"subject\":\"张三\"}".getBytes(StandardCharsets.UTF_8);
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            String byA = jws.signCompact(a, alg, payload, "proof+jws");
            String kidOfB = directory.active(b, alg).kid();
            String[] p = byA.split("\\.");
            ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(p[0]));
            header.put("kid", kidOfB);
            String relabelled = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + p[1] + "." + p[2];
            assertRejected(nodeVerify(relabelled), alg + " signature of A presented under B's kid");
        }

        String signed = jws.signCompact(a, KeyAlgorithm.SM2_SM3, payload, "proof+jws");
        assertAccepted(nodeVerify(signed), "before the compromise");
        keys.compromise(a, directory.active(a, KeyAlgorithm.SM2_SM3).kid(), Instant.now().minusSeconds(3600), "测试", "test");
        Result after = nodeVerify(signed);
        assertRejected(after, "a signature made after the key's compromise instant");
        assertTrue(after.output().contains("compromised"), after.output());
        assertEquals(JwsOutcome.KEY_COMPROMISED, verifier.verify(signed).outcome(), "the service agrees");
    }
}
