package org.certfree.proofs.copy;

import static org.certfree.proofs.copy.CopyFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.HolderAccessCollector;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The online check of a purpose-bound copy (加注件) by a using unit ({@code POST /api/v1/copy-verifications}): passes
 * at the unit it is bound to, before its expiry, while the proof is in force; refused at another unit, after the
 * expiry, after a withdrawal, when the proof is revoked or suspended, and when tampered with; who may check (both
 * ways); every check of a copy in the holder's access log with the unit, purpose and result.
 */
@QuarkusTest
class CopyCheckTest {

    @Inject
    ControllableClock clock;

    @Inject
    HolderIndex holders;

    @Inject
    HolderAccessCollector accessLog;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void passesAtTheBoundUnitWithWhatTheHolderDisclosedAndIsLogged() {
        CopyFixtures f = new CopyFixtures();
        Response made = f.make();
        f.check(Fixtures.WINDOW, made.path("token")).then().statusCode(200)
                .body("indication", equalTo("TOTAL_PASSED")).body("subIndication", nullValue())
                .body("copyId", equalTo(made.path("id"))).body("purpose", equalTo(CopyFixtures.PURPOSE))
                .body("proofNumber", equalTo(f.number)).body("proofStatus", equalTo("VALID"))
                .body("disclosed.subjectName", equalTo("张三")).body("disclosed.subjectId", equalTo(f.holderId))
                .body("disclosed.claims.户籍地址", equalTo("新疆库尔勒市人民东路 1 号"));
        // the general JSON serialization of the same token (SM2-SM3 and Ed25519) passes too
        f.check(Fixtures.WINDOW, made.path("tokenJson")).then().statusCode(200).body("indication", equalTo("TOTAL_PASSED"));

        List<HolderAccess> checks = accessLog.of(holders.of(f.holderId)).stream()
                .filter(a -> a.kind() == AccessKind.COPY_CHECKED).toList();
        assertEquals(2, checks.size());
        assertEquals(Fixtures.WINDOW, checks.get(0).unit());
        assertEquals(CopyFixtures.PURPOSE, checks.get(0).purpose());
        assertEquals("TOTAL_PASSED", checks.get(0).details().get("result"));
        f.asHolder().get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.find { it.kind == 'COPY_CHECKED' }.unit", equalTo(Fixtures.WINDOW))
                .body("items.find { it.kind == 'COPY_CHECKED' }.kindText", equalTo("核验加注件"));
    }

    @Test
    void onlyAUsingUnitChecksAndAnotherUnitIsRefusedWithoutTheContent() {
        CopyFixtures f = new CopyFixtures();
        String token = f.make().path("token");
        f.check(Fixtures.OTHER_WINDOW, token).then().statusCode(200).body("indication", equalTo("TOTAL_FAILED"))
                .body("subIndication", equalTo("OTHER_UNIT")).body("disclosed", nullValue())
                .body("message", containsString(Fixtures.WINDOW));
        assertEquals("TOTAL_FAILED/OTHER_UNIT", accessLog.of(holders.of(f.holderId)).stream()
                .filter(a -> a.kind() == AccessKind.COPY_CHECKED).findFirst().orElseThrow().details().get("result"));
        // a citizen (the holder too), issuer staff, ADMIN, nobody
        as(Tokens.citizen(f.holderId)).body(Map.of("token", token)).post("/api/v1/copy-verifications").then().statusCode(403);
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).body(Map.of("token", token)).post("/api/v1/copy-verifications").then().statusCode(403);
        as(Tokens.admin()).body(Map.of("token", token)).post("/api/v1/copy-verifications").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("token", token))
                .post("/api/v1/copy-verifications").then().statusCode(401);
        as(Tokens.verifier(Fixtures.WINDOW)).body(Map.of("token", " ")).post("/api/v1/copy-verifications").then().statusCode(400)
                .body("detail", containsString("令牌"));
    }

    @Test
    void refusedAfterItsExpiryAndAfterItsWithdrawal() {
        CopyFixtures f = new CopyFixtures();
        Response expiring = f.make();
        clock.advance(Duration.ofDays(30).plusSeconds(5));
        f.check(Fixtures.WINDOW, expiring.path("token")).then().statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("EXPIRED"))
                .body("message", containsString("加注件已于"));
        clock.reset();

        Response withdrawn = f.make();
        f.asHolder().post("/api/v1/copies/" + withdrawn.path("id") + "/withdraw").then().statusCode(200);
        f.check(Fixtures.WINDOW, withdrawn.path("token")).then().statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("WITHDRAWN"))
                .body("disclosed", nullValue());
    }

    @Test
    void refusedWhenTheProofIsRevokedSupersededOrSuspended() {
        CopyFixtures revoked = new CopyFixtures();
        String first = revoked.make().path("token");
        revoked.revoke();
        revoked.check(Fixtures.WINDOW, first).then().statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("REVOKED"))
                .body("proofStatus", equalTo("REVOKED")).body("disclosed", nullValue());

        CopyFixtures corrected = new CopyFixtures();
        String third = corrected.make().path("token");
        corrected.supersede();
        corrected.check(Fixtures.WINDOW, third).then().statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("SUPERSEDED"))
                .body("disclosed", nullValue());

        CopyFixtures suspended = new CopyFixtures();
        String second = suspended.make().path("token");
        suspended.suspend();
        suspended.check(Fixtures.WINDOW, second).then().statusCode(200)
                .body("indication", equalTo("INDETERMINATE")).body("subIndication", equalTo("SUSPENDED"))
                .body("disclosed", nullValue());
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        CopyFixtures f = new CopyFixtures();
        Response made = f.make();
        String token = made.path("token");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"aud\":\"" + Fixtures.WINDOW + "\"", "\"aud\":\"" + Fixtures.OTHER_WINDOW + "\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        f.check(Fixtures.OTHER_WINDOW, tampered).then().statusCode(200)
                .body("indication", equalTo("TOTAL_FAILED")).body("subIndication", equalTo("SIG_CRYPTO_FAILURE"));
        f.check(Fixtures.WINDOW, "not a token").then().statusCode(200).body("subIndication", equalTo("FORMAT_FAILURE"));
        // a proof's own JWS is no copy
        f.check(Fixtures.WINDOW, issuedJws()).then().statusCode(200).body("subIndication", equalTo("FORMAT_FAILURE"));
    }

    private static String issuedJws() {
        return (String) Fixtures.issued(Fixtures.GOOD_ISSUER, CopyFixtures.matter(), "李四", Fixtures.randomResidentId())
                .get("jwsCompact");
    }
}
