package org.certfree.proofs.keys.pki;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.keys.KeyDirectory;
import org.certfree.proofs.keys.KeyService;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Department certificates end to end: issued by the demo root with every key, in the JWKS as x5c, renewed by rotation,
 * revoked by a compromise and listed in the demo root's CRL — each checked by OpenSSL 3 as well — and the CSR and
 * upload of certificates an external CA (the test root) issued, bad uploads refused with nothing changed.
 */
@QuarkusTest
class DepartmentCertificatesTest {

    @Inject
    KeyService keys;

    @Inject
    KeyDirectory directory;

    @Inject
    Jws jws;

    @Inject
    JwsVerifier verifier;

    @Inject
    DepartmentCertificates certificates;

    static String newIssuer() {
        String code = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "证书测试局" + code, "kind", "GOVERNMENT_DEPARTMENT", "regionCode", "511900",
                        "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        return code;
    }

    private static String admin() {
        return Tokens.bearer(Tokens.admin());
    }

    private static String keyPath(String dept, String kid) {
        return "/api/v1/departments/" + dept + "/keys/" + kid;
    }

    /** The SM2 JWK of {@code kid} as served in the JWKS. */
    private static Map<String, Object> jwk(String kid) {
        return given().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath()
                .getMap("keys.find { it.kid == '" + kid + "' }");
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> x5c(String kid) throws Exception {
        List<String> x5c = (List<String>) jwk(kid).get("x5c");
        assertNotNull(x5c, "x5c on SM2 key " + kid);
        java.io.ByteArrayOutputStream der = new java.io.ByteArrayOutputStream();
        x5c.forEach(c -> der.writeBytes(Base64.getDecoder().decode(c)));
        return Sm2Pki.certificates(der.toByteArray());
    }

    private static byte[] roots() {
        return given().get("/api/v1/pki/roots").then().statusCode(200).extract().asByteArray();
    }

    private static Path folder() throws Exception {
        return Files.createDirectories(Path.of("target", "pki-openssl", UUID.randomUUID().toString()));
    }

    private static String pem(X509Certificate c) {
        return Sm2Pki.pem("CERTIFICATE", Sm2Pki.der(c));
    }

    @Test
    void everySm2KeyHasACertificateInTheJwksThatOpenSslChainsToTheRoots() throws Exception {
        OpenSsl.require();
        String dept = newIssuer();
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        List<X509Certificate> chain = x5c(kid);
        assertEquals(1, chain.size(), "the demo root issues directly; the root is not in x5c");
        X509Certificate leaf = chain.get(0);

        Map<String, Object> jwk = jwk(kid);
        byte[] xy = Sm2Pki.rawPublicKey(leaf);
        assertArrayEquals(Base64.getUrlDecoder().decode((String) jwk.get("x")), java.util.Arrays.copyOfRange(xy, 0, 32));
        assertArrayEquals(Base64.getUrlDecoder().decode((String) jwk.get("y")), java.util.Arrays.copyOfRange(xy, 32, 64));
        X500Name subject = X500Name.getInstance(leaf.getSubjectX500Principal().getEncoded());
        assertEquals("证书测试局" + dept, IETFUtils.valueToString(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue()));
        assertEquals(dept, IETFUtils.valueToString(subject.getRDNs(BCStyle.UID)[0].getFirst().getValue()));
        assertEquals(1, subject.getRDNs(BCStyle.O).length);
        assertTrue(leaf.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()), "key usage critical");
        assertTrue(leaf.getKeyUsage()[0] && leaf.getKeyUsage()[1], "digitalSignature + nonRepudiation");
        assertTrue(leaf.getSerialNumber().bitLength() >= 64, "random serial of at least 64 bits");
        assertNotNull(leaf.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
        assertNotNull(leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
        assertEquals("1.2.156.10197.1.501", leaf.getSigAlgOID());
        assertEquals(leaf, certificates.chain(kid).orElseThrow().get(0), "the facade serves the same chain");
        assertTrue(certificates.activeSm2Chain(dept).orElseThrow().size() == 2, "leaf and root");

        Path dir = folder();
        Files.writeString(dir.resolve("leaf.pem"), pem(leaf));
        Files.write(dir.resolve("roots.pem"), roots());
        OpenSsl.Result ok = OpenSsl.run(dir, "verify", "-vfyopt", OpenSsl.DISTID, "-CAfile", "roots.pem", "leaf.pem");
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("leaf.pem: OK"), ok.output());

        // a signature of the key, checked by OpenSSL with the certificate's public key
        String compact = jws.signCompact(dept, KeyAlgorithm.SM2_SM3, "{\"subject\":\"张三\"}".getBytes(StandardCharsets.UTF_8),
                "proof+jws");
        String[] p = compact.split("\\.");
        Files.writeString(dir.resolve("input.txt"), p[0] + "." + p[1], StandardCharsets.US_ASCII);
        Files.write(dir.resolve("sig.der"), Sm2Pki.derSignature(Base64.getUrlDecoder().decode(p[2])));
        Files.writeString(dir.resolve("pub.pem"), OpenSsl.run(dir, "x509", "-in", "leaf.pem", "-pubkey", "-noout").output());
        OpenSsl.Result sig = OpenSsl.run(dir, "dgst", "-sm3", "-sigopt", OpenSsl.DISTID, "-verify", "pub.pem",
                "-signature", "sig.der", "input.txt");
        assertTrue(sig.output().contains("Verified OK"), sig.output());
        assertEquals(JwsOutcome.VALID, verifier.verify(compact).outcome());
    }

    @Test
    void rotationIssuesANewCertificateAndTheOldOneStays() throws Exception {
        String dept = newIssuer();
        String old = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        BigInteger oldSerial = x5c(old).get(0).getSerialNumber();
        String fresh = keys.rotate(dept).stream().filter(k -> k.algorithm() == KeyAlgorithm.SM2_SM3).findFirst().orElseThrow().kid();
        X509Certificate cert = x5c(fresh).get(0);
        assertNotEquals(oldSerial, cert.getSerialNumber());
        assertArrayEquals(Base64.getUrlDecoder().decode((String) jwk(fresh).get("x")),
                java.util.Arrays.copyOfRange(Sm2Pki.rawPublicKey(cert), 0, 32));
        assertEquals(oldSerial, x5c(old).get(0).getSerialNumber(), "the retired key keeps its certificate");
        given().header("Authorization", admin()).get(keyPath(dept, fresh) + "/certificates").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1)).body("[0].source", org.hamcrest.Matchers.equalTo("DEMO_ROOT"));
    }

    @Test
    void compromiseRevokesTheCertificateInTheCrlThatOpenSslChecks() throws Exception {
        OpenSsl.require();
        String dept = newIssuer();
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        X509Certificate leaf = x5c(kid).get(0);
        String before = jws.signCompact(dept, KeyAlgorithm.SM2_SM3, "{\"n\":1}".getBytes(StandardCharsets.UTF_8), "proof+jws");
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(3000);
        keys.compromise(dept, kid, at, "测试", "test");

        String pemCrls = given().get("/api/v1/pki/crl").then().statusCode(200).extract().asString();
        X509Certificate demoRoot = Sm2Pki.certificates(roots()).stream()
                .filter(r -> r.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())).findFirst().orElseThrow();
        X509CRL crl = null;
        for (String block : pemCrls.split("(?=-----BEGIN X509 CRL-----)")) {
            X509CRL c = Sm2Pki.crl(block.getBytes(StandardCharsets.US_ASCII));
            if (c.getIssuerX500Principal().equals(demoRoot.getSubjectX500Principal())) {
                crl = c;
            }
        }
        assertNotNull(crl, "the demo root's CRL is published");
        crl.verify(demoRoot.getPublicKey(), Sm2Pki.BC);
        assertEquals(2, crl.getVersion());
        assertNotNull(crl.getNextUpdate());
        X509CRLEntry entry = crl.getRevokedCertificate(leaf.getSerialNumber());
        assertNotNull(entry, "the serial is listed");
        assertEquals(java.security.cert.CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
        assertEquals(at, RevocationLists.revocation(leaf, List.of(crl)).orElseThrow().invalidFrom(), "invalidity date");
        assertTrue(certificates.revocation(leaf).orElseThrow().revokedAsOf(at));
        assertFalse(certificates.revocation(leaf).orElseThrow().revokedAsOf(at.minusSeconds(1)));
        assertEquals(JwsOutcome.VALID, verifier.verify(before).outcome(), "signed before the compromise instant");

        Path dir = folder();
        Files.writeString(dir.resolve("leaf.pem"), pem(leaf));
        Files.writeString(dir.resolve("root.pem"), pem(demoRoot));
        Files.writeString(dir.resolve("crl.pem"), Sm2Pki.pem("X509 CRL", crl.getEncoded()));
        OpenSsl.Result text = OpenSsl.run(dir, "crl", "-in", "crl.pem", "-noout", "-text");
        String serial = leaf.getSerialNumber().toString(16).toUpperCase();
        assertTrue(text.output().replace(":", "").toUpperCase().contains(serial), "serial listed:\n" + text.output());
        assertTrue(text.output().contains("Key Compromise") && text.output().contains("Invalidity Date")
                && text.output().contains("Next Update") && text.output().contains("CRL Number"), text.output());
        // OpenSSL 3 verifies a CRL's SM2 signature only with an empty user ID (no distid for CRLs: openssl/openssl
        // #23471, #32744), so its signature is checked as the issues suggest: the signed TBSCertList and the signature
        // value, by openssl dgst with the standard ID and the root's public key.
        Files.write(dir.resolve("tbs.der"), crl.getTBSCertList());
        Files.write(dir.resolve("crl-sig.der"), crl.getSignature());
        Files.writeString(dir.resolve("root-pub.pem"), OpenSsl.run(dir, "x509", "-in", "root.pem", "-pubkey", "-noout").output());
        OpenSsl.Result signed = OpenSsl.run(dir, "dgst", "-sm3", "-sigopt", OpenSsl.DISTID, "-verify", "root-pub.pem",
                "-signature", "crl-sig.der", "tbs.der");
        assertTrue(signed.output().contains("Verified OK"), signed.output());
        OpenSsl.Result chain = OpenSsl.run(dir, "verify", "-vfyopt", OpenSsl.DISTID, "-CAfile", "root.pem", "leaf.pem");
        assertEquals(0, chain.exit(), "the chain itself still verifies: " + chain.output());
    }

    @Test
    void anUploadedCertificateOfTheCsrIsCheckedAndBadOnesChangeNothing() throws Exception {
        String dept = newIssuer();
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        String csrPem = given().header("Authorization", admin()).get(keyPath(dept, kid) + "/csr").then().statusCode(200)
                .extract().asString();
        org.bouncycastle.pkcs.PKCS10CertificationRequest csr = new org.bouncycastle.pkcs.PKCS10CertificationRequest(
                new org.bouncycastle.util.io.pem.PemReader(new java.io.StringReader(csrPem)).readPemObject().getContent());
        assertTrue(csr.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .setProvider(Sm2Pki.BC).build(csr.getSubjectPublicKeyInfo())), "proof of possession");
        byte[] xy = java.util.Arrays.copyOfRange(csr.getSubjectPublicKeyInfo().getPublicKeyData().getOctets(), 1, 65);
        X500Name subject = csr.getSubject();
        int usage = org.bouncycastle.asn1.x509.KeyUsage.digitalSignature | org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation;
        Instant now = Instant.now();

        String path = keyPath(dept, kid) + "/certificate";
        X509Certificate other = TestCa.CONFIGURED.issue(otherKey(), subject, usage, now.minusSeconds(60), now.plusSeconds(86400));
        Map<String, String> bad = Map.of(
                "garbage", "这不是证书 -----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                "another key", pem(other),
                "untrusted root", pem(TestCa.generate().issue(xy, subject, usage, now.minusSeconds(60), now.plusSeconds(86400))),
                "expired", pem(TestCa.CONFIGURED.issue(xy, subject, usage, now.minusSeconds(86400 * 2), now.minusSeconds(86400))),
                "no digitalSignature", pem(TestCa.CONFIGURED.issue(xy, subject, org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment,
                        now.minusSeconds(60), now.plusSeconds(86400))));
        for (Map.Entry<String, String> b : bad.entrySet()) {
            int status = b.getKey().equals("garbage") ? 400 : 422;
            given().header("Authorization", admin()).contentType("application/x-pem-file")
                    .body(b.getValue().getBytes(StandardCharsets.UTF_8)).put(path)
                    .then().statusCode(status).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
            given().header("Authorization", admin()).get(keyPath(dept, kid) + "/certificates").then().statusCode(200)
                    .body("size()", org.hamcrest.Matchers.equalTo(1));
        }

        X509Certificate issued = TestCa.CONFIGURED.issue(xy, subject, usage, now.minusSeconds(60), now.plusSeconds(86400 * 30));
        String body = pem(issued) + pem(TestCa.CONFIGURED.certificate);
        given().header("Authorization", admin()).contentType("application/x-pem-file").body(body.getBytes(StandardCharsets.US_ASCII)).put(path).then()
                .statusCode(200).body("source", org.hamcrest.Matchers.equalTo("UPLOADED"))
                .body("serial", org.hamcrest.Matchers.equalTo(issued.getSerialNumber().toString(16)));
        given().header("Authorization", admin()).contentType("application/x-pem-file").body(body.getBytes(StandardCharsets.US_ASCII)).put(path).then()
                .statusCode(200);
        given().header("Authorization", admin()).get(keyPath(dept, kid) + "/certificates").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(2)).body("[0].source", org.hamcrest.Matchers.equalTo("UPLOADED"));
        assertEquals(issued, x5c(kid).get(0), "the JWKS carries the newest trusted certificate");

        // the CA's CRL revoking it: checked, stored once, read by revocation()
        byte[] crl = TestCa.CONFIGURED.crl(BigInteger.valueOf(System.currentTimeMillis()), now, issued);
        given().header("Authorization", admin()).contentType("application/pkix-crl").body("garbage".getBytes())
                .put("/api/v1/pki/crl").then().statusCode(400);
        given().header("Authorization", admin()).contentType("application/pkix-crl")
                .body(TestCa.generate().crl(BigInteger.TEN, now, issued)).put("/api/v1/pki/crl").then().statusCode(422);
        given().header("Authorization", admin()).contentType("application/pkix-crl").body(crl).put("/api/v1/pki/crl").then()
                .statusCode(200).body("revoked", org.hamcrest.Matchers.equalTo(1));
        given().header("Authorization", admin()).contentType("application/pkix-crl").body(crl).put("/api/v1/pki/crl").then()
                .statusCode(200);
        given().header("Authorization", admin()).contentType("application/pkix-crl")
                .body(TestCa.CONFIGURED.crl(BigInteger.ONE, now)).put("/api/v1/pki/crl").then().statusCode(409);
        assertTrue(certificates.revocation(issued).orElseThrow().revokedAsOf(now));
        assertTrue(given().get("/api/v1/pki/crl").asString().split("BEGIN X509 CRL").length >= 3, "both CAs' CRLs");
    }

    private byte[] otherKey() {
        return Sm2Pki.rawPublicKey(certificates.activeSm2Chain(newIssuer()).orElseThrow().get(0));
    }

    @Test
    void onlyAdminsMakeRequestsAndUploadAnyoneReadsRootsAndCrl() {
        String dept = newIssuer();
        String kid = directory.active(dept, KeyAlgorithm.SM2_SM3).kid();
        String edKid = directory.active(dept, KeyAlgorithm.ED25519).kid();
        String base = keyPath(dept, kid);
        given().get(base + "/csr").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).get(base + "/csr").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.listEditor(dept))).get(base + "/csr").then().statusCode(403);
        given().header("Authorization", admin()).get(base + "/csr").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("-----BEGIN CERTIFICATE REQUEST-----"));
        given().header("Authorization", admin()).get(keyPath(dept, edKid) + "/csr").then().statusCode(422);
        given().header("Authorization", admin()).get(keyPath(dept, "nosuchkid") + "/csr").then().statusCode(404);

        given().contentType("application/x-pem-file").body(new byte[] {1}).put(base + "/certificate").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType("application/x-pem-file").body(new byte[] {1})
                .put(base + "/certificate").then().statusCode(403);

        given().get(base + "/certificates").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).get(base + "/certificates").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(newIssuer()))).get(base + "/certificates").then()
                .statusCode(403);

        given().contentType("application/pkix-crl").body(new byte[] {1}).put("/api/v1/pki/crl").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(dept))).contentType("application/pkix-crl")
                .body(new byte[] {1}).put("/api/v1/pki/crl").then().statusCode(403);

        given().get("/api/v1/pki/roots").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/x-pem-file"))
                .body(org.hamcrest.Matchers.containsString("-----BEGIN CERTIFICATE-----"));
        given().get("/api/v1/pki/crl").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("-----BEGIN X509 CRL-----"));
    }
}
