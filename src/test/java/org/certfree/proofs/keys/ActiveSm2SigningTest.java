package org.certfree.proofs.keys;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A signer handed out by {@link ActiveSm2Signing} and used after its transaction ended (an OFD is sealed after its read
 * commits) confirms its key again: a compromise committed in between refuses the signature with 409.
 */
@QuarkusTest
class ActiveSm2SigningTest {

    @Inject
    ActiveSm2Signing signing;

    @Inject
    KeyService keys;

    @Test
    void aKeyCompromisedAfterTheSignerWasHandedOutSignsNothingMore() {
        Fixtures.departments();
        String dept = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", dept, "name", "签名测试局" + dept.substring(1, 4), "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "511900", "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        ActiveSm2Signing.Sm2Signer signer = QuarkusTransaction.requiringNew().call(() -> signing.active(dept));
        byte[] message = "盖章前的待签数据".getBytes(StandardCharsets.UTF_8);
        assertTrue(signer.signDer(message).length > 64, "signs while the key is ACTIVE");

        keys.compromise(dept, signer.kid(), Instant.now(), "测试：私钥泄露", "test");
        ApiException refused = assertThrows(ApiException.class, () -> signer.signDer(message));
        assertEquals(409, refused.type().status());
    }
}
