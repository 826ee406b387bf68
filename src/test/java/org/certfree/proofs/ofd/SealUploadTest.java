package org.certfree.proofs.ofd;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.keys.KeyDirectory;
import org.certfree.proofs.keys.pki.DepartmentCertificates;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.keys.pki.TestCa;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #17, item 2: an ADMIN loads a department's official seal ({@code .esl}) made by a maker certificate of the
 * official seal system ({@link SealSystemProfile}: its root is {@code certfree.ofd.seal-maker-roots-file}); the
 * department's OFDs then carry it. Garbage, an untrusted maker, a maker under the PKI roots (which issue department
 * certificates), an expired seal, a seal not listing the active key's certificate, and anyone but an ADMIN are refused
 * with a 4xx problem, and nothing changes. A department certificate behind an intermediate CA seals OFDs that verify.
 */
@QuarkusTest
@TestProfile(SealSystemProfile.class)
class SealUploadTest {

    @Inject
    DepartmentCertificates certificates;

    @Inject
    KeyDirectory directory;

    @Inject
    OfdTrusts trusts;

    private String dept;
    private String path;
    private X509Certificate leaf;

    @BeforeEach
    void aFreshDepartmentWithoutSeal() {
        Fixtures.departments();
        dept = ProofOfdDownloadTest.newIssuer();
        path = "/api/v1/departments/" + dept + "/seal";
        leaf = certificates.activeSm2Chain(dept).orElseThrow().get(0);
        assertNull(seal().get("current"), "with an official seal system the service makes no demo seal");
    }

    /** A seal made by a maker certificate of {@code ca}, listing {@code users}, valid from {@code from} to {@code until}. */
    static byte[] esl(String id, TestCa ca, List<X509Certificate> users, Instant from, Instant until) throws Exception {
        KeyPair maker = OfdFixtures.sm2();
        byte[] point = ((ECPublicKey) maker.getPublic()).getQ().getEncoded(false);
        X509Certificate makerCert = ca.issue(Arrays.copyOfRange(point, 1, point.length),
                new X500Name("C=CN,O=测试电子印章系统,CN=Test Seal Maker"), KeyUsage.digitalSignature,
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86400L * 30));
        return SealMaker.make(new SealMaker.SealSpec(id, "印章测试局电子证明专用章（正式）", DemoSealImage.png("印章测试局", "正式"),
                42, 42, users, from, until), maker.getPrivate(), makerCert, Instant.now());
    }

    private static byte[] official(String id, List<X509Certificate> users) throws Exception {
        return esl(id, TestCa.SEAL_SYSTEM, users, Instant.now().minusSeconds(60), Instant.now().plusSeconds(86400L * 10));
    }

    @Test
    void anOfficialSealIsLoadedKeptOnceAndCarriedByTheNextOfd() throws Exception {
        byte[] first = official("5119-FIRST-" + dept, List.of(leaf));
        put(Tokens.admin(), first).then().statusCode(200).body("current.sealId", equalTo("5119-FIRST-" + dept));
        byte[] esl = official("5119-OFFICIAL-" + dept, List.of(leaf));
        JsonPath loaded = put(Tokens.admin(), esl).then().statusCode(200).extract().jsonPath();
        assertEquals("OFFICIAL", loaded.getString("current.source"));
        assertEquals("5119-OFFICIAL-" + dept, loaded.getString("current.sealId"));
        assertEquals(List.of("5119-FIRST-" + dept), loaded.getList("replaced.sealId"), "the first seal stays in the history");
        put(Tokens.admin(), esl).then().statusCode(200).body("replaced.size()", equalTo(1)); // the same seal: no change

        String matter = Matters.retained(dept, 0);
        String holder = Fixtures.randomResidentId();
        String number = (String) Fixtures.issued(dept, matter, "周九", holder).get("number");
        byte[] ofd = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder)))
                .get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200).extract().asByteArray();
        OfdVerification v = new OfdVerifier(trusts.current(), SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertEquals("5119-OFFICIAL-" + dept, v.sealId());
        assertEquals(number, v.metadata().number());
    }

    @Test
    void badSealsAndOtherCallersAreRefusedAndNothingChanges() throws Exception {
        String before = seal().getString("current.sealId");
        X509Certificate otherDepartments = certificates.activeSm2Chain(Fixtures.GOOD_ISSUER).orElseThrow().get(0);
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        Map<String, Integer> statuses = Map.of("garbage", 400, "empty", 400, "untrusted maker", 422, "expired", 422,
                "wrong certificate list", 422, "maker under the PKI roots", 422, "department certificate as maker", 422);
        Map<String, byte[]> bodies = Map.of(
                "garbage", "not a seal at all".getBytes(),
                "empty", new byte[0],
                "untrusted maker", esl("5119-X1", TestCa.generate(), List.of(leaf), Instant.now().minusSeconds(60),
                        Instant.now().plusSeconds(86400)),
                "expired", esl("5119-X2", TestCa.SEAL_SYSTEM, List.of(leaf), Instant.now().minusSeconds(86400L * 3),
                        Instant.now().minusSeconds(86400)),
                "wrong certificate list", official("5119-X3", List.of(otherDepartments)),
                "maker under the PKI roots", esl("5119-X5", TestCa.CONFIGURED, List.of(leaf), Instant.now().minusSeconds(60),
                        Instant.now().plusSeconds(86400)),
                "department certificate as maker", DemoSealTrustTest.sealByADepartmentCertificate(dept, leaf).esl());
        for (Map.Entry<String, byte[]> b : bodies.entrySet()) {
            var r = put(Tokens.admin(), b.getValue()).then().statusCode(statuses.get(b.getKey()))
                    .contentType("application/problem+json");
            if (b.getKey().equals("wrong certificate list")) {
                r.body("detail", containsString(kid)).body("detail", containsString(leaf.getSerialNumber().toString(16)));
            }
            if (b.getKey().equals("untrusted maker") || b.getKey().equals("maker under the PKI roots")) {
                r.body("detail", containsString("Test Seal Maker")).body("detail", containsString("seal-maker-roots-file"));
            }
        }
        byte[] good = official("5119-X4", List.of(leaf));
        for (String token : List.of(Tokens.issuer(dept), Tokens.reviewer(Fixtures.JUSTICE))) {
            put(token, good).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("application/octet-stream").body(good).put(path).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType("application/octet-stream").body(good)
                .put("/api/v1/departments/NOPE404/seal").then().statusCode(404);
        JsonPath after = seal();
        assertNull(before);
        assertNull(after.get("current"));
        assertEquals(0, after.getList("replaced").size(), "nothing changed");
    }

    @Test
    void aDepartmentCertificateBehindAnIntermediateCaSealsOfdsThatVerify() throws Exception {
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        String keyPath = "/api/v1/departments/" + dept + "/keys/" + kid;
        String csr = given().header("Authorization", Tokens.bearer(Tokens.admin())).get(keyPath + "/csr").then()
                .statusCode(200).extract().asString();
        TestCa intermediate = TestCa.CONFIGURED.intermediate("C=CN,O=测试证书机构,CN=Certfree Test Intermediate CA " + dept);
        String chain = intermediate.issueFor(csr) + Sm2Pki.pem("CERTIFICATE", Sm2Pki.der(intermediate.certificate));
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType("application/x-pem-file")
                .body(chain.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(keyPath + "/certificate").then()
                .statusCode(200).body("source", equalTo("UPLOADED"));
        List<X509Certificate> stored = certificates.activeSm2Chain(dept).orElseThrow();
        assertEquals(List.of(intermediate.certificate, TestCa.CONFIGURED.certificate), stored.subList(1, stored.size()),
                "the uploaded certificate is the key's chain now: leaf, intermediate, root");
        assertTrue(trusts.current().intermediates().contains(intermediate.certificate));

        put(Tokens.admin(), official("5119-ICA-" + dept, List.of(stored.get(0)))).then().statusCode(200);
        String number = (String) Fixtures.issued(dept, Matters.retained(dept, 0), "钱七", Fixtures.randomResidentId())
                .get("number");
        byte[] ofd = given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).get("/api/v1/proofs/" + number + "/ofd")
                .then().statusCode(200).extract().asByteArray();
        OfdVerification v = new OfdVerifier(trusts.current(), SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertEquals(stored.get(0), v.signer());
        OfdTrust withoutIntermediates = new OfdTrust(trusts.current().signerRoots(), trusts.current().makerRoots(),
                List.of(), trusts.current().revocations());
        assertEquals(OfdRefusal.SIGNER_UNTRUSTED,
                new OfdVerifier(withoutIntermediates, SafeUnzip.Limits.DEFAULT).verify(ofd).refusal(), "what #17 review found");
    }

    private io.restassured.response.Response put(String token, byte[] body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType("application/octet-stream").body(body)
                .put(path);
    }

    private JsonPath seal() {
        return given().header("Authorization", Tokens.bearer(Tokens.admin())).get(path).then().statusCode(200).extract()
                .jsonPath();
    }
}
