package org.certfree.proofs.ofd;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.keys.KeyDirectory;
import org.certfree.proofs.keys.pki.DepartmentCertificates;
import org.certfree.proofs.keys.pki.TestCa;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production makes no seals: with the demo seal maker unavailable (as in production mode, where there is no demo
 * root, or with an official seal system configured: {@link SealSystemProfile}), a department without a loaded seal
 * gets 409 for its OFD proofs, telling the ADMIN which certificate the seal must list and where to load it, and no
 * access-log row; once the official seal is loaded, its OFDs are sealed with it; when that seal's maker is revoked,
 * 409 again until a new seal is loaded. (The department's key certificate here still comes from the demo root.)
 */
@QuarkusTest
@TestProfile(SealSystemProfile.class)
class ProductionSealTest {

    @Inject
    DepartmentCertificates certificates;

    @Inject
    KeyDirectory directory;

    @Inject
    OfdTrusts trusts;

    @Inject
    DemoSealMaker demoMaker;

    @Inject
    org.certfree.proofs.keys.pki.CertificateIssuer issuer;

    @Inject
    org.certfree.proofs.system.config.CertfreeConfig config;

    @BeforeEach
    void noSealMaker() {
        QuarkusMock.installMockForType(new DemoSealMaker() {
            @Override
            boolean available() {
                return false;
            }
        }, DemoSealMaker.class);
    }

    @Test
    void ofdRequestsAre409UntilAnAdminLoadsTheSealThenItIsUsed() throws Exception {
        Fixtures.departments();
        String dept = ProofOfdDownloadTest.newIssuer();
        String matter = Matters.retained(dept, 0);
        String holder = Fixtures.randomResidentId();
        String number = (String) Fixtures.issued(dept, matter, "吴十", holder).get("number");
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        String staff = Tokens.bearer(Tokens.issuer(dept));

        given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/ofd").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(kid))
                .body("detail", containsString("PUT /api/v1/departments/" + dept + "/seal"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", Tokens.bearer(Tokens.admin())).get("/api/v1/departments/" + dept + "/seal").then()
                .statusCode(200).body("current", nullValue());

        X509Certificate leaf = certificates.activeSm2Chain(dept).orElseThrow().get(0);
        byte[] esl = SealUploadTest.esl("5119-PROD-" + dept, TestCa.SEAL_SYSTEM, List.of(leaf), Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(86400));
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType("application/octet-stream").body(esl)
                .put("/api/v1/departments/" + dept + "/seal").then().statusCode(200);
        byte[] ofd = given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200)
                .extract().asByteArray();
        OfdVerification v = new OfdVerifier(trusts.current(), SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertEquals("5119-PROD-" + dept, v.sealId());
    }

    @Test
    void aRevokedMakerMakesOfdRequests409UntilANewSealIsLoaded() throws Exception {
        Fixtures.departments();
        String dept = ProofOfdDownloadTest.newIssuer();
        String number = (String) Fixtures.issued(dept, Matters.retained(dept, 0), "冯三", Fixtures.randomResidentId())
                .get("number");
        X509Certificate leaf = certificates.activeSm2Chain(dept).orElseThrow().get(0);
        String admin = Tokens.bearer(Tokens.admin());
        String staff = Tokens.bearer(Tokens.issuer(dept));
        byte[] esl = SealUploadTest.esl("5119-REVOKED-" + dept, TestCa.SEAL_SYSTEM, List.of(leaf),
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(86400));
        given().header("Authorization", admin).contentType("application/octet-stream").body(esl)
                .put("/api/v1/departments/" + dept + "/seal").then().statusCode(200);
        given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200);

        X509Certificate maker = Seals.parse(esl).maker();
        OfdTrusts revoking = new OfdTrusts() {
            @Override
            public OfdTrust.RevocationLookup revocations() {
                OfdTrust.RevocationLookup real = super.revocations();
                return c -> c.equals(maker) ? Optional.of(new OfdTrust.Revocation(Instant.now(), "keyCompromise"))
                        : real.revocation(c);
            }
        };
        revoking.certs = certificates;
        revoking.demoMaker = demoMaker;
        revoking.issuer = issuer;
        revoking.config = config;
        QuarkusMock.installMockForType(revoking, OfdTrusts.class);

        given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/ofd").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("5119-REVOKED-" + dept))
                .body("detail", containsString("已被吊销"))
                .body("detail", containsString("PUT /api/v1/departments/" + dept + "/seal"));
        byte[] renewed = SealUploadTest.esl("5119-RENEWED-" + dept, TestCa.SEAL_SYSTEM, List.of(leaf),
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(86400));
        given().header("Authorization", admin).contentType("application/octet-stream").body(renewed)
                .put("/api/v1/departments/" + dept + "/seal").then().statusCode(200);
        byte[] ofd = given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200)
                .extract().asByteArray();
        OfdVerification v = new OfdVerifier(revoking.current(), SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertEquals("5119-RENEWED-" + dept, v.sealId());
    }
}
