package org.certfree.proofs.verification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.NodeScripts;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The page a proof's QR code opens, in headless Chromium, as a citizen would see it. */
@QuarkusTest
class StatusPageTest {

    @TestHTTPResource("/verify")
    URL page;

    @Test
    void theQrPageShowsTheStatusInChinese() throws Exception {
        NodeScripts.requireChromium();
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Map<String, Object> body = new HashMap<>();
        body.put("matterCode", matter);
        body.put("subject", Map.of("kind", "PERSON", "name", "李小红", "id", Fixtures.OTHER_CITIZEN_ID));
        body.put("claims", Map.of("婚姻状况", "未婚"));
        body.put("purpose", "办理婚姻登记");
        Map<?, ?> p = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .contentType(ContentType.JSON).body(body).post("/api/v1/proofs").then().statusCode(201).extract().as(Map.class);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));

        String url = page + "?n=" + p.get("number") + "&c=" + p.get("verificationCode");
        NodeScripts.Run run = NodeScripts.run("status-page.mjs", url, shots.resolve("status-valid.png").toAbsolutePath().toString());
        assertEquals(0, run.exit(), run.stderr());
        JsonNode shown = new ObjectMapper().readTree(run.stdout());
        assertEquals("电子证明核验", shown.get("title").asText());
        assertEquals("有效", shown.get("status").asText());
        assertTrue(shown.get("text").asText().contains("李**"), shown.toString());
        assertTrue(!shown.get("text").asText().contains(Fixtures.OTHER_CITIZEN_ID), "the ID must never show");

        String wrong = page + "?n=" + p.get("number") + "&c=" + ("000000".equals(p.get("verificationCode")) ? "000001" : "000000");
        run = NodeScripts.run("status-page.mjs", wrong, shots.resolve("status-no-match.png").toAbsolutePath().toString());
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(new ObjectMapper().readTree(run.stdout()).get("error").asText().contains("没有找到"), run.stdout());
    }
}
