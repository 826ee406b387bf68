package org.certfree.proofs.system.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests past the service's limits — a long address, large headers, a chunked body without a
 * declared length — get a problem document naming the limit, not Vert.x's bare status.
 */
@QuarkusTest
class RequestLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    @Test
    void aLongAddressIs414WithAProblem() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/api/v1/lists?x=" + "a".repeat(9_000))).GET());
        assertProblem(r, 414, "urn:certfree:problem:uri-too-long", "8192");
    }

    @Test
    void largeHeadersAre431WithAProblem() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/api/v1/lists")).header("X-Big", "a".repeat(40_000)).GET());
        assertProblem(r, 431, "urn:certfree:problem:headers-too-large", "20480");
    }

    @Test
    void aChunkedBodyPastTheLimitIs413WithAProblemAndASmallOneIsRead() throws Exception {
        String big = "{\"purpose\":\"" + "a".repeat(2_000_000) + "\"}";
        HttpResponse<String> r = send(verification(big));
        assertProblem(r, 413, "urn:certfree:problem:payload-too-large", "1048576");

        HttpResponse<String> small = send(verification("{\"number\":\"ZM-2024-0000-0000-0000-1\",\"code\":\"123456\",\"purpose\":\"办理入学\"}"));
        assertEquals(200, small.statusCode(), small.body());
        assertEquals("TOTAL_FAILED", JSON.readTree(small.body()).get("indication").asText());
    }

    /** A POST whose body has no declared length: Java's client sends it chunked. */
    private HttpRequest.Builder verification(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(base.resolve("/api/v1/verifications"))
                .header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type, String limit) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
        JsonNode problem = JSON.readTree(r.body());
        assertEquals(type, problem.get("type").asText());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains(limit), problem.toString());
    }
}
