package org.certfree.proofs.ofd;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.certfree.proofs.keys.pki.CertificateIssuer;
import org.certfree.proofs.keys.pki.DepartmentCertificates;
import org.certfree.proofs.keys.pki.TestCa;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Demo mode, no official seal system configured (review of issue #17): makers chain to the PKI roots, so a department's
 * signing certificate under them must not pass as a seal maker — refused at {@code PUT /departments/{code}/seal} (422)
 * and by {@link OfdVerifier} with {@link OfdTrusts}; and when the demo maker's certificate is revoked, choosing a seal
 * makes a new maker and a new seal instead of using the old one.
 */
@QuarkusTest
class DemoSealTrustTest {

    @Inject
    DepartmentCertificates certificates;

    @Inject
    DepartmentSeals seals;

    @Inject
    OfdTrusts trusts;

    @Inject
    DemoSealMaker demoMaker;

    @Inject
    CertificateIssuer issuer;

    @Inject
    CertfreeConfig config;

    /** A department signing certificate of the test CA (a PKI root), its key, and a seal it made listing {@code users}. */
    record DepartmentMade(KeyPair key, X509Certificate certificate, byte[] esl) {
    }

    static DepartmentMade sealByADepartmentCertificate(String dept, X509Certificate... users) throws Exception {
        KeyPair key = OfdFixtures.sm2();
        byte[] point = ((ECPublicKey) key.getPublic()).getQ().getEncoded(false);
        Instant now = Instant.now();
        X509Certificate cert = TestCa.CONFIGURED.issue(Arrays.copyOfRange(point, 1, point.length),
                new X500Name("C=CN,O=测试证书机构,OU=电子证明签名,CN=印章测试局,UID=" + dept),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, now.minusSeconds(3600), now.plusSeconds(86400L * 30));
        List<X509Certificate> listed = users.length == 0 ? List.of(cert) : List.of(users);
        byte[] esl = SealMaker.make(new SealMaker.SealSpec("5119-DEPT-" + dept, "印章测试局自制章", DemoSealImage.png("印章测试局", "自制"),
                40, 40, listed, now.minusSeconds(60), now.plusSeconds(86400)), key.getPrivate(), cert, now);
        return new DepartmentMade(key, cert, esl);
    }

    @Test
    void aDepartmentSigningCertificateIsNoSealMakerAtLoadNorInAnUploadedOfd() throws Exception {
        Fixtures.departments();
        String dept = ProofOfdDownloadTest.newIssuer();
        X509Certificate leaf = certificates.activeSm2Chain(dept).orElseThrow().get(0);
        String before = seal(dept).getString("current.sealId");

        DepartmentMade made = sealByADepartmentCertificate(dept, leaf);
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType("application/octet-stream")
                .body(made.esl()).put("/api/v1/departments/" + dept + "/seal").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("演示制章者"));
        assertEquals(before, seal(dept).getString("current.sealId"), "nothing changed");

        DepartmentMade self = sealByADepartmentCertificate(dept);
        byte[] ofd = OfdSealSigner.seal(OfdFixtures.builder().build(OfdFixtures.proof(Status.VALID)),
                new OfdSealSigner.SealIdentity(self.key().getPrivate(), List.of(self.certificate(), TestCa.CONFIGURED.certificate),
                        self.esl()), Instant.now());
        OfdVerification v = new OfdVerifier(trusts.current(), SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertEquals(OfdRefusal.SEAL_MAKER_UNTRUSTED, v.refusal(), v.message());
        assertTrue(v.message().contains("演示制章者"), v.message());

        String number = (String) Fixtures.issued(dept, Matters.retained(dept, 0), "郑一", Fixtures.randomResidentId())
                .get("number");
        byte[] served = given().header("Authorization", Tokens.bearer(Tokens.issuer(dept)))
                .get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200).extract().asByteArray();
        OfdVerification good = new OfdVerifier(trusts.current(), SafeUnzip.Limits.DEFAULT).verify(served);
        assertTrue(good.passed(), () -> "the demo maker's seal still passes: " + good.refusal() + " " + good.message());
    }

    @Test
    void aRevokedDemoMakerIsReplacedWithANewMakerAndSeal() throws Exception {
        Fixtures.departments();
        String dept = ProofOfdDownloadTest.newIssuer();
        String first = seal(dept).getString("current.sealId");
        X509Certificate revokedMaker = seals.current(dept).maker();
        OfdTrusts revoking = new OfdTrusts() {
            @Override
            public OfdTrust.RevocationLookup revocations() {
                OfdTrust.RevocationLookup real = super.revocations();
                return c -> Arrays.equals(c.getPublicKey().getEncoded(), revokedMaker.getPublicKey().getEncoded())
                        ? Optional.of(new OfdTrust.Revocation(Instant.now().minusSeconds(60), "keyCompromise"))
                        : real.revocation(c);
            }
        };
        revoking.certs = certificates;
        revoking.demoMaker = demoMaker;
        revoking.issuer = issuer;
        revoking.config = config;
        QuarkusMock.installMockForType(revoking, OfdTrusts.class);

        String number = (String) Fixtures.issued(dept, Matters.retained(dept, 0), "王二", Fixtures.randomResidentId())
                .get("number");
        byte[] ofd = given().header("Authorization", Tokens.bearer(Tokens.issuer(dept)))
                .get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200).extract().asByteArray();
        JsonPath now = seal(dept);
        assertNotEquals(first, now.getString("current.sealId"), "a new seal");
        assertEquals(List.of(first), now.getList("replaced.sealId"), "the old one stays in the history");
        X509Certificate newMaker = seals.current(dept).maker();
        assertFalse(Arrays.equals(revokedMaker.getPublicKey().getEncoded(), newMaker.getPublicKey().getEncoded()),
                "made by a new maker key");
        OfdVerification v = new OfdVerifier(revoking.current(), SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertEquals(now.getString("current.sealId"), v.sealId());
    }

    private static JsonPath seal(String dept) {
        return given().header("Authorization", Tokens.bearer(Tokens.admin())).get("/api/v1/departments/" + dept + "/seal")
                .then().statusCode(200).extract().jsonPath();
    }
}
