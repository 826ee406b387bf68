package org.certfree.proofs.ofd;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.keys.KeyDirectory;
import org.certfree.proofs.keys.KeyService;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #17, items 2–3 through the API: {@code GET /api/v1/proofs/{number}/ofd} gives a proof sealed by its issuing
 * department's ACTIVE SM2 key and demo seal, which {@link OfdVerifier} with the service's {@link OfdTrusts} passes;
 * the PDF's access rules and access log apply (also in {@code HolderReadsTest}); a rotation makes a new seal and both
 * OFDs verify; a compromise revokes the key's certificate and its OFD is refused. Each test has its own department.
 */
@QuarkusTest
class ProofOfdDownloadTest {

    @Inject
    OfdTrusts trusts;

    @Inject
    KeyService keys;

    @Inject
    KeyDirectory directory;

    private String dept;
    private String holder;
    private String number;

    @BeforeEach
    void aProofOfAFreshDepartmentAndHolder() {
        Fixtures.departments();
        dept = newIssuer();
        String matter = Matters.retained(dept, 0);
        holder = Fixtures.randomResidentId();
        number = (String) Fixtures.issued(dept, matter, "孙八", holder).get("number");
    }

    static String newIssuer() {
        String code = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "印章测试局" + code.substring(1, 4), "kind", "GOVERNMENT_DEPARTMENT",
                        "regionCode", "511900", "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        return code;
    }

    private byte[] download(String token) {
        return given().header("Authorization", Tokens.bearer(token)).get("/api/v1/proofs/" + number + "/ofd").then()
                .statusCode(200).contentType("application/ofd")
                .header("Content-Disposition", "attachment; filename=\"" + number + ".ofd\"").extract().asByteArray();
    }

    private OfdVerification verify(byte[] ofd) {
        return new OfdVerifier(trusts.current(), SafeUnzip.Limits.DEFAULT).verify(ofd);
    }

    @Test
    void theHolderDownloadsASealedOfdThatTheVerifierPassesAndReadsBack() {
        byte[] ofd = download(Tokens.citizen(holder));
        OfdVerification v = verify(ofd);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertEquals(number, v.metadata().number());
        assertEquals(dept, v.metadata().issuerCode());
        assertEquals("孙八", v.metadata().holder());
        assertEquals(ResidentId.mask(holder), v.metadata().holderIdentifier(), "masked as on the PDF");
        assertFalse(new String(ofd, StandardCharsets.ISO_8859_1).contains(holder), "no unmasked identifier stored");
        for (byte[] entry : OfdZips.entries(ofd).values()) {
            assertFalse(new String(entry, StandardCharsets.UTF_8).contains(holder), "no unmasked identifier in any file");
        }
        String sm2 = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        JsonPath seal = seal();
        assertEquals("DEMO", seal.getString("current.source"));
        assertEquals(v.sealId(), seal.getString("current.sealId"));
        assertTrue(seal.getString("current.name").endsWith("电子证明专用章"));
        assertEquals(0, seal.getList("replaced").size());
        assertTrue(v.signer().getSubjectX500Principal().getName().contains(dept), "signed by the department's certificate");
        assertEquals(sm2, directory.active(dept, KeyAlgorithm.SM2_SM3).kid());
        assertEquals(0, log().getLong("total"), "the holder's own download is not logged");
    }

    /** For a person to look at: a demo proof's OFD as downloaded, and its page 1 with the department's seal. */
    @Test
    void aDownloadedDemoOfdRendersWithTheDepartmentsSeal() throws Exception {
        java.nio.file.Path out = java.nio.file.Path.of("target", "ofd").toAbsolutePath();
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Path ofd = java.nio.file.Files.write(out.resolve("demo-proof.ofd"), download(Tokens.citizen(holder)));
        int red = OfdPageImageTest.renderPageOne(ofd, out.resolve("demo-proof-page1.png"));
        assertTrue(red > 500, "red pixels of the seal: " + red);
    }

    @Test
    void theIssuersDownloadIsLoggedForTheHolderAndOthersAreRefused() {
        String staff = Tokens.mint("ISSUER", dept, "seal-window-staff");
        given().header("Authorization", Tokens.bearer(staff)).queryParam("purpose", "打印归档")
                .get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200).contentType("application/ofd");
        JsonPath log = log();
        assertEquals(1, log.getLong("total"));
        assertEquals("PROOF_PDF", log.getString("items[0].kind"));
        assertEquals("ofd", log.getString("items[0].details.format"));
        assertEquals("打印归档", log.getString("items[0].purpose"));
        assertEquals("seal-window-staff", log.getString("items[0].actor"));

        for (String token : List.of(Tokens.issuer(Fixtures.GOOD_ISSUER), Tokens.verifier(Fixtures.WINDOW),
                Tokens.citizen(Fixtures.OTHER_CITIZEN_ID), Tokens.admin())) {
            given().header("Authorization", Tokens.bearer(token)).get("/api/v1/proofs/" + number + "/ofd").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().get("/api/v1/proofs/" + number + "/ofd").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(staff)).get("/api/v1/proofs/ZZ-NO-SUCH/ofd").then()
                .statusCode(org.hamcrest.Matchers.oneOf(400, 404));
        assertEquals(1, log().getLong("total"), "refused downloads leave nothing");
    }

    @Test
    void aRotationMakesANewSealAndBothOfdsVerify() {
        byte[] before = download(Tokens.citizen(holder));
        String oldSeal = verify(before).sealId();
        keys.rotate(dept);
        byte[] after = download(Tokens.citizen(holder));
        OfdVerification v = verify(after);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertNotEquals(oldSeal, v.sealId(), "a new seal lists the new key's certificate");
        OfdVerification old = verify(before);
        assertTrue(old.passed(), () -> "signed before the rotation: " + old.refusal() + " " + old.message());
        JsonPath seal = seal();
        assertEquals(v.sealId(), seal.getString("current.sealId"));
        assertEquals(List.of(oldSeal), seal.getList("replaced.sealId"), "the old seal stays in the history");
        assertTrue(seal.getString("replaced[0].replacedAt") != null);
    }

    @Test
    void aCompromisedKeysOfdIsRefusedAndTheNextOneIsSealedWithTheNewKey() {
        byte[] before = download(Tokens.citizen(holder));
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        keys.compromise(dept, kid, Instant.now(), "测试：私钥泄露", "test");
        OfdVerification refused = verify(before);
        assertEquals(OfdRefusal.REVOKED, refused.refusal(), () -> refused.refusal() + " " + refused.message());
        OfdVerification next = verify(download(Tokens.citizen(holder)));
        assertTrue(next.passed(), () -> next.refusal() + " " + next.message());
        assertNotEquals(verify(before).sealId(), next.sealId());
    }

    @Test
    void theSealIsReadByAdminAndTheDepartmentsStaffOnly() {
        String path = "/api/v1/departments/" + dept + "/seal";
        for (String token : List.of(Tokens.admin(), Tokens.issuer(dept))) {
            given().header("Authorization", Tokens.bearer(token)).get(path).then().statusCode(200)
                    .body("departmentCode", equalTo(dept)).body("current.source", equalTo("DEMO"));
        }
        byte[] png = given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).get(path + "/picture").then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        for (String token : List.of(Tokens.issuer(Fixtures.GOOD_ISSUER), Tokens.citizen(holder))) {
            given().header("Authorization", Tokens.bearer(token)).get(path).then().statusCode(403);
            given().header("Authorization", Tokens.bearer(token)).get(path + "/picture").then().statusCode(403);
        }
        given().get(path).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.admin())).get("/api/v1/departments/NOPE404/seal").then()
                .statusCode(404).contentType("application/problem+json");
        assertNull(seal().getString("current.replacedAt"));
    }

    private JsonPath seal() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin())).get("/api/v1/departments/" + dept + "/seal")
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath log() {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath();
    }
}
