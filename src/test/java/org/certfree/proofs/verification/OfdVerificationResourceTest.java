package org.certfree.proofs.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.certfree.proofs.common.merkle.MerkleHash;
import org.certfree.proofs.common.merkle.MerkleVerifier;
import org.certfree.proofs.keys.DepartmentSm2Keys;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.keys.pki.DepartmentCertificates;
import org.certfree.proofs.keys.pki.TestCa;
import org.certfree.proofs.ofd.DemoSealImage;
import org.certfree.proofs.ofd.OfdSealSigner;
import org.certfree.proofs.ofd.OfdZips;
import org.certfree.proofs.ofd.ProofOfdBuilder;
import org.certfree.proofs.ofd.SealMaker;
import org.certfree.proofs.ofd.SealSystemProfile;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.QrRenderer;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A using unit uploads a proof's sealed OFD ({@code POST /api/v1/verifications/ofd}): the OFD is built and sealed here
 * with the library, as the issuing department would (its real SM2 key and certificate, a seal made by a maker the test
 * root certifies); it passes with a signed receipt and one access-log row, a revoked proof's valid file fails, and
 * every forged, altered or hostile file is a 4xx problem that writes nothing.
 */
@QuarkusTest
@TestProfile(SealSystemProfile.class)
class OfdVerificationResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final String PATH = "/api/v1/verifications/ofd";

    @Inject
    DepartmentSm2Keys departmentKeys;

    @Inject
    DepartmentCertificates certificates;

    @Inject
    JwsVerifier jws;

    @Inject
    DataSource db;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
    }

    // --- the OFD a department hands out, made here with the ofd library

    /** Who seals: a private key, its chain (leaf first), the seal (.esl) listing the leaf. */
    private record Sealer(PrivateKey key, List<X509Certificate> chain, byte[] seal) {
    }

    /** The department's own sealer: its ACTIVE SM2 key and certificate, a seal from a maker the test root certifies. */
    private Sealer departmentSealer(String dept) {
        DepartmentSm2Keys.Sm2Key key = departmentKeys.active(dept);
        List<X509Certificate> chain = certificates.chain(key.kid()).orElseThrow();
        KeyPair maker = sm2();
        Instant now = Instant.now();
        X509Certificate makerCert = TestCa.SEAL_SYSTEM.issue(xy(maker), new X500Name("C=CN,O=测试州人民政府,CN=测试州电子印章制作系统"),
                KeyUsage.digitalSignature, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
        return new Sealer(key.privateKey(), chain, seal(chain.get(0), maker, makerCert, now));
    }

    /**
     * A forger's sealer: its own key under a certificate with the department certificate's very names, issued by a
     * root named like the configured test root, in a seal from a trusted maker (so that the signer's chain, not the
     * maker's, is what refuses it).
     */
    private Sealer forgedSealer(String dept) {
        X509Certificate real = certificates.chain(departmentKeys.active(dept).kid()).orElseThrow().get(0);
        TestCa forger = TestCa.generate();
        KeyPair signer = sm2();
        KeyPair maker = sm2();
        Instant now = Instant.now();
        X509Certificate leaf = forger.issue(xy(signer), X500Name.getInstance(real.getSubjectX500Principal().getEncoded()),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        X509Certificate makerCert = TestCa.SEAL_SYSTEM.issue(xy(maker), new X500Name("C=CN,O=测试州人民政府,CN=测试州电子印章制作系统"),
                KeyUsage.digitalSignature, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        return new Sealer(signer.getPrivate(), List.of(leaf, forger.certificate), seal(leaf, maker, makerCert, now));
    }

    private static byte[] seal(X509Certificate user, KeyPair maker, X509Certificate makerCert, Instant now) {
        return SealMaker.make(new SealMaker.SealSpec("6599000000001", "测试州公安局电子证明专用章",
                DemoSealImage.png("测试州公安局", "电子证明专用章"), 40, 40, List.of(user), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(365))), maker.getPrivate(), makerCert, now);
    }

    /** The sealed OFD of the issued proof {@code p} (as the issue call answered it), issued on {@code issuedAt}. */
    private static byte[] ofd(Map<String, Object> p, Instant issuedAt, Sealer sealer) {
        String number = (String) p.get("number");
        String code = (String) p.get("verificationCode");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) p.get("matter");
        ProofDocument doc = new ProofDocument(number, code, (String) m.get("code"), "测试户籍证明", 1, Fixtures.GOOD_ISSUER,
                "测试州公安局", ProofDocument.SubjectKind.PERSON, "张*", "110105**********2X",
                List.of(new ProofDocument.Claim("户籍地址", "新疆库尔勒市人民东路 1 号")), "办理入学", issuedAt,
                Instant.parse((String) p.get("validUntil")), ProofDocument.Status.VALID,
                "https://zwfw.example/verify?n=" + number + "&c=" + code,
                List.of(new ProofDocument.SigningKeyRef("test", "SM2SM3")));
        // a key certified in this very second: sign a little later than its certificate's start
        return OfdSealSigner.seal(new ProofOfdBuilder(new QrRenderer()).build(doc),
                new OfdSealSigner.SealIdentity(sealer.key(), sealer.chain(), sealer.seal()), Instant.now().plusSeconds(2));
    }

    private byte[] departmentOfd(Map<String, Object> p) {
        return ofd(p, Instant.parse((String) p.get("issuedAt")), departmentSealer(Fixtures.GOOD_ISSUER));
    }

    private Map<String, Object> issue(String holder) {
        return Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", holder);
    }

    // --- calls

    private static ValidatableResponse upload(String token, String contentType, byte[] body, String purpose) {
        var request = given().contentType(contentType).body(body);
        if (token != null) {
            request = request.header("Authorization", Tokens.bearer(token));
        }
        if (purpose != null) {
            request = request.queryParam("purpose", purpose);
        }
        return request.post(PATH).then();
    }

    private static ValidatableResponse verifyOfd(byte[] ofd, String purpose) {
        return upload(Tokens.verifier(Fixtures.WINDOW), "application/ofd", ofd, purpose);
    }

    /** The verdict of a passed OFD verification: 200 TOTAL_PASSED, its receipt signed by the issuer, one log row. */
    private void assertPassedAndLogged(byte[] ofd, Map<String, Object> p, String holder) throws Exception {
        String purpose = "OFD 核验 " + UUID.randomUUID();
        String body = verifyOfd(ofd, purpose).statusCode(200)
                .body("indication", equalTo("TOTAL_PASSED")).body("proofStatus", equalTo("VALID"))
                .body("proofNumber", equalTo(p.get("number"))).body("issuerDept", equalTo(Fixtures.GOOD_ISSUER))
                .body("receipt", notNullValue()).extract().asString();
        JsonNode result = JSON.readTree(body);
        JsonNode receiptBody = receiptChecks(result.get("receipt"), Fixtures.GOOD_ISSUER);
        assertEquals(result.get("id").asText(), receiptBody.get("id").asText());
        assertEquals(p.get("number"), receiptBody.get("proofNumber").asText());
        assertEquals(Fixtures.WINDOW, receiptBody.get("unit").asText());
        assertEquals(purpose, receiptBody.get("purpose").asText());
        assertEquals("ofd", receiptBody.get("presented").asText());
        assertEquals("urn:certfree:indication:total-passed", receiptBody.get("indication").asText());

        assertEquals(1, count("SELECT count(*) FROM verification WHERE purpose = '" + purpose + "' AND presented = 'OFD'"
                + " AND unit_code = '" + Fixtures.WINDOW + "' AND indication = 'TOTAL_PASSED'"));
        List<Map<String, Object>> logged = accessLog(holder, purpose);
        assertEquals(1, logged.size(), logged.toString());
        assertEquals("OFD_VERIFICATION", logged.get(0).get("kind"));
        assertEquals("核验证明文件（OFD）", logged.get(0).get("kindText"));
        assertEquals(Fixtures.WINDOW, logged.get(0).get("unit"));
        assertEquals("TOTAL_PASSED", logged.get(0).get("result"));
    }

    /** The receipt's batch head verifies as the department's signature and the body is included in it: the body. */
    private JsonNode receiptChecks(JsonNode receipt, String dept) throws IOException {
        JwsVerification head = jws.verify(receipt.get("batch").asText());
        assertEquals(JwsOutcome.VALID, head.outcome());
        assertEquals(dept, head.departmentCode());
        JsonNode batch = JSON.readTree(head.payload());
        byte[] body = Base64.getUrlDecoder().decode(receipt.get("payload").asText());
        List<byte[]> path = JSON.convertValue(receipt.get("path"), List.class).stream()
                .map(h -> MerkleHash.fromHex((String) h)).toList();
        assertTrue(MerkleVerifier.verifyInclusion(receipt.get("index").asLong(), batch.get("size").asLong(),
                MerkleHash.leaf(body), path, MerkleHash.fromHex(batch.get("root").asText())), "receipt in its signed batch");
        return JSON.readTree(body);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> accessLog(String holder, String purpose) {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.purpose == '" + purpose + "' }");
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of every table a verification writes (and the idempotency store): unchanged by a refusal. */
    private String written() throws Exception {
        return count("SELECT count(*) FROM verification") + "/" + count("SELECT count(*) FROM holder_access") + "/"
                + count("SELECT count(*) FROM idempotency_record") + "/" + count("SELECT count(*) FROM list_signal");
    }

    // --- the tests

    @Test
    void theDepartmentsSealedOfdPassesWithASignedReceiptAndOneAccessLogRow() throws Exception {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> p = issue(holder);
        assertPassedAndLogged(departmentOfd(p), p, holder);
    }

    @Test
    void aValidOfdOfARevokedProofIsARealAnswerTotalFailed() throws Exception {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> p = issue(holder);
        byte[] ofd = departmentOfd(p);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + p.get("number") + "/revoke").then().statusCode(200);
        String body = verifyOfd(ofd, "撤销后核验").statusCode(200).body("indication", equalTo("TOTAL_FAILED"))
                .body("subIndication", equalTo("REVOKED")).body("proofStatus", equalTo("REVOKED"))
                .body("revocationReason", equalTo("DATA_CHANGED")).extract().asString();
        JsonNode receipt = receiptChecks(JSON.readTree(body).get("receipt"), Fixtures.GOOD_ISSUER);
        assertEquals("urn:certfree:sub-indication:revoked", receipt.get("subIndication").asText());
        assertEquals("TOTAL_FAILED", accessLog(holder, "撤销后核验").get(0).get("result"));
    }

    @Test
    void metadataThatDiffersFromTheSignedRecordFailsAndTheRecordWins() throws Exception {
        Map<String, Object> p = issue(Fixtures.randomResidentId());
        Instant issuedAt = Instant.parse((String) p.get("issuedAt"));
        byte[] ofd = ofd(p, issuedAt.minus(Duration.ofDays(3)), departmentSealer(Fixtures.GOOD_ISSUER));
        verifyOfd(ofd, "元数据不符").statusCode(200).body("indication", equalTo("TOTAL_FAILED"))
                .body("subIndication", equalTo("NOT_ISSUED")).body("message", containsString("证照颁发日期"))
                .body("issuedAt", notNullValue());
    }

    @Test
    void aSignerCertificateOfAnotherDepartmentIsRefusedAndNothingIsWritten() throws Exception {
        Map<String, Object> p = issue(Fixtures.randomResidentId());
        byte[] ofd = ofd(p, Instant.parse((String) p.get("issuedAt")), departmentSealer(Fixtures.OTHER_DEPT_ISSUER));
        String before = written();
        verifyOfd(ofd, "他部门签章").statusCode(422).contentType(containsString("application/problem+json"))
                .body("detail", containsString("不属于开具该证明的部门（" + Fixtures.GOOD_ISSUER + "）"));
        assertEquals(before, written());
    }

    @Test
    void forgedAlteredAndHostileFilesAreRefusedWithAProblemAndNothingIsWritten() throws Exception {
        Map<String, Object> p = issue(Fixtures.randomResidentId());
        byte[] good = departmentOfd(p);
        byte[] forged = ofd(p, Instant.parse((String) p.get("issuedAt")), forgedSealer(Fixtures.GOOD_ISSUER));
        Map<String, byte[]> entries = OfdZips.entries(good);
        String content = entries.keySet().stream().filter(n -> n.endsWith("Content.xml")).findFirst().orElseThrow();
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        byte[] page = changed.get(content).clone();
        page[page.length / 2] ^= 1;
        changed.put(content, page);
        Map<String, byte[]> slip = new LinkedHashMap<>(entries);
        slip.put("../../certfree-zip-slip.xml", "<x/>".getBytes());
        Map<String, byte[]> bomb = new LinkedHashMap<>(entries);
        bomb.put("Doc_0/Res/bomb.bin", new byte[40 << 20]);

        String before = written();
        verifyOfd(forged, "伪造证书链").statusCode(422).body("detail", containsString("签章人证书不能链接到受信任的根证书"));
        verifyOfd(OfdZips.zip(changed), "改动一个字节").statusCode(422).body("detail", containsString("签章后被改动"));
        verifyOfd(OfdZips.zip(slip), "路径穿越").statusCode(400).body("detail", containsString("结构不安全"));
        verifyOfd(OfdZips.zip(bomb), "压缩炸弹").statusCode(413).body("detail", containsString("压缩比异常"));
        verifyOfd(new byte[0], "空文件").statusCode(400).body("detail", containsString("请求体为空"));
        verifyOfd("这不是 OFD 文件".getBytes(), "乱码").statusCode(400);
        verifyOfd(good, null).statusCode(400);
        upload(Tokens.verifier(Fixtures.WINDOW), "application/json", good, "错误类型").statusCode(415);
        upload(Tokens.verifier(Fixtures.WINDOW), "application/octet-stream", good, "错误类型").statusCode(415);
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(good, 0, large, 0, good.length);
        verifyOfd(large, "过大").statusCode(413).contentType(containsString("application/problem+json"))
                .body("detail", containsString("5242880"));
        assertEquals(before, written(), "a refused upload changes nothing");
        assertEquals(false, java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))
                .getParent().resolve("certfree-zip-slip.xml")), "no file escaped");
    }

    @Test
    void onlyUsingUnitsVerifyAnOfd() throws Exception {
        Map<String, Object> p = issue(Fixtures.CITIZEN_ID);
        byte[] ofd = departmentOfd(p);
        upload(null, "application/ofd", ofd, "匿名").statusCode(401);
        upload(Tokens.citizen(Fixtures.CITIZEN_ID), "application/ofd", ofd, "本人").statusCode(403);
        upload(Tokens.issuer(Fixtures.GOOD_ISSUER), "application/ofd", ofd, "开具部门").statusCode(403);
        upload(Tokens.verifier(Fixtures.OTHER_WINDOW), "application/ofd", ofd, "不在用证清单").statusCode(403);
        verifyOfd(ofd, "用证单位").statusCode(200).body("indication", equalTo("TOTAL_PASSED"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameVerdictAndIsLoggedOnce() throws Exception {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> p = issue(holder);
        byte[] ofd = departmentOfd(p);
        String key = "ofd-" + UUID.randomUUID();
        String purpose = "重试 " + key;
        String first = given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)))
                .header("Idempotency-Key", key).contentType("application/ofd").queryParam("purpose", purpose).body(ofd)
                .post(PATH).then().statusCode(200).body("indication", equalTo("TOTAL_PASSED")).extract().path("id");
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)))
                .header("Idempotency-Key", key).contentType("application/ofd").queryParam("purpose", purpose).body(ofd)
                .post(PATH).then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .body("indication", equalTo("TOTAL_PASSED"));
        // the same key with another file is refused
        byte[] other = departmentOfd(issue(holder));
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)))
                .header("Idempotency-Key", key).contentType("application/ofd").queryParam("purpose", purpose).body(other)
                .post(PATH).then().statusCode(422);
        assertEquals(1, accessLog(holder, purpose).size());
        assertEquals(1, count("SELECT count(*) FROM verification WHERE purpose = '" + purpose + "'"));
    }

    // --- helpers

    private static KeyPair sm2() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new java.security.spec.ECGenParameterSpec("sm2p256v1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw {@code x || y} of an SM2 public key. */
    private static byte[] xy(KeyPair pair) {
        byte[] point = ((org.bouncycastle.jce.interfaces.ECPublicKey) pair.getPublic()).getQ().getEncoded(false);
        return Arrays.copyOfRange(point, 1, point.length);
    }
}
