package org.certfree.proofs.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** JSON calls to a packaged instance started as a process (no REST Assured: it is not a @QuarkusTest). */
final class ServiceClient {

    /** An answer: status, raw body and (when JSON) the parsed body. */
    record Answer(int status, String raw, JsonNode body) {
        String text(String field) {
            return body.path(field).asText();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;

    ServiceClient(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    byte[] bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    Answer post(String path, String token, Object body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    /** A PUT of {@code text} as {@code contentType} (a PEM upload). */
    Answer putText(String path, String token, String contentType, String text) throws Exception {
        return send(request(path, token).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.US_ASCII)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Answer send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
        } catch (java.io.IOException notJson) {
            body = JSON.missingNode();
        }
        return new Answer(r.statusCode(), r.body(), body);
    }
}
