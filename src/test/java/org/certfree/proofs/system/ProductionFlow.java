package org.certfree.proofs.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.Uscc;
import org.certfree.proofs.system.ServiceClient.Answer;
import org.certfree.proofs.testsupport.Batches;
import org.certfree.proofs.testsupport.Matters;

/**
 * The work of a production instance, through its API with the identity provider's tokens: an admin
 * sets up an issuing department, the justice bureau and a using unit; a list editor drafts a matter
 * that a reviewer approves; a batch assembled by one reviewer is published by another; an issuer
 * issues a proof that the using unit verifies, that the public status check confirms, and that the
 * issuer revokes. Four eyes hold throughout: every step is a different person ({@code sub}).
 */
final class ProductionFlow {

    private final ServiceClient api;
    private final TestIdentityProvider idp;
    /** Codes unique per flow, so a second flow on the same database does not collide with the first. */
    private final String suffix;
    final String issuerDept;
    final String justiceDept;
    final String usingUnit;
    final String holderId;

    ProductionFlow(ServiceClient api, TestIdentityProvider idp) {
        this.api = api;
        this.idp = idp;
        this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        this.issuerDept = "LCGAJ" + suffix;
        this.justiceDept = "LCSFJ" + suffix;
        this.usingUnit = "LCWIN" + suffix;
        this.holderId = residentId();
    }

    private ProductionFlow(ServiceClient api, ProductionFlow same) {
        this.api = api;
        this.idp = same.idp;
        this.suffix = same.suffix;
        this.issuerDept = same.issuerDept;
        this.justiceDept = same.justiceDept;
        this.usingUnit = same.usingUnit;
        this.holderId = same.holderId;
    }

    /** The same people and departments working through another instance (a replica on the same database). */
    ProductionFlow on(ServiceClient other) {
        return new ProductionFlow(other, this);
    }

    /**
     * An ADMIN declares the issuer's key {@code kid} compromised from {@code from}, then has the CA certify the key
     * that replaces it (in production a key without a certificate signs nothing, receipts included).
     */
    Answer compromise(String kid, java.time.Instant from) throws Exception {
        String admin = idp.token("ops-admin", "ADMIN", null);
        Answer done = expect(200, api.post("/api/v1/departments/" + issuerDept + "/keys/" + kid + "/compromise",
                admin, Map.of("compromisedAt", from.toString(), "reason", "签名服务器疑似被入侵")));
        certifyActive(admin, issuerDept);
        return done;
    }

    /** The admin creates the three departments, and certifies the SM2 keys of the two that sign. */
    void departments() throws Exception {
        String admin = idp.token("ops-admin", "ADMIN", null);
        department(admin, issuerDept, "LA", "生命周期测试州公安局", "GOVERNMENT_DEPARTMENT", List.of("ISSUER"));
        department(admin, justiceDept, "LB", "生命周期测试州司法局", "JUSTICE_BUREAU", List.of("REVIEWER"));
        department(admin, usingUnit, "LC", "生命周期测试县政务服务中心", "SERVICE_CENTER", List.of("USING_UNIT"));
        certify(admin, issuerDept);
        certify(admin, justiceDept);
    }

    /**
     * What production does for a department's new SM2 key (README, trust model): the ADMIN makes its keys (a rotation),
     * fetches the key's CSR, has the CA (the test root, configured as CERTFREE_PKI_ROOTS) issue it, and uploads it.
     */
    private void certify(String admin, String dept) throws Exception {
        expect(200, api.post("/api/v1/departments/" + dept + "/keys/rotate", admin, Map.of()));
        certifyActive(admin, dept);
    }

    /** The CA certifies the department's ACTIVE SM2 key: its CSR fetched, the certificate issued and uploaded. */
    private void certifyActive(String admin, String dept) throws Exception {
        Answer keys = expect(200, api.get("/api/v1/departments/" + dept + "/keys", admin));
        String kid = null;
        for (com.fasterxml.jackson.databind.JsonNode k : keys.body()) {
            if ("SM2SM3".equals(k.path("alg").asText()) && "ACTIVE".equals(k.path("state").asText())) {
                kid = k.path("kid").asText();
            }
        }
        String base = "/api/v1/departments/" + dept + "/keys/" + kid;
        String csr = new String(api.bytes(base + "/csr", admin), java.nio.charset.StandardCharsets.US_ASCII);
        expect(200, api.putText(base + "/certificate", admin, "application/x-pem-file",
                org.certfree.proofs.keys.pki.TestCa.CONFIGURED.issueFor(csr)));
    }

    /** A retained matter, issued at once, drafted, approved, published; the using unit may ask for it. Returns its code. */
    @SuppressWarnings("unchecked")
    String publishedMatter() throws Exception {
        String editor = idp.token("editor-" + suffix, "LIST_EDITOR", issuerDept);
        Map<String, Object> body = Matters.retained(Matters.newCode("LC"), "生命周期测试户籍证明");
        ((Map<String, Object>) body.get("retained")).put("timeLimit", Map.of("kind", "IMMEDIATE"));
        String code = expect(201, api.post("/api/v1/matters", editor, body)).text("code");
        expect(200, api.post("/api/v1/matters/" + code + "/versions/1/submit", editor, Map.of()));

        String approver = idp.token("approver-" + suffix, "REVIEWER", justiceDept);
        expect(200, api.post("/api/v1/matters/" + code + "/versions/1/approve", approver, Map.of()));

        String assembler = idp.token("assembler-" + suffix, "REVIEWER", justiceDept);
        long batch = expect(201, api.post("/api/v1/publication-batches", assembler, Map.of("number", Batches.newNumber())))
                .body().path("id").asLong();
        expect(201, api.post("/api/v1/publication-batches/" + batch + "/entries", assembler, Map.of("matterCode", code)));
        String publisher = idp.token("publisher-" + suffix, "REVIEWER", justiceDept);
        expect(200, api.post("/api/v1/publication-batches/" + batch + "/publish", publisher, Map.of()));

        expect(201, api.post("/api/v1/using-units", idp.token("ops-admin", "ADMIN", null), Map.of("unit", usingUnit,
                "serviceMatter", "义务教育入学登记", "businessSystem", "入学服务平台", "proofMatterCode", code)));
        return code;
    }

    /** The issuer issues a proof of {@code matter} to the holder; returns the issue answer. */
    Answer issue(String matter) throws Exception {
        return expect(201, api.post("/api/v1/proofs", issuer(), Map.of("matterCode", matter,
                "subject", Map.of("kind", "PERSON", "name", "张三", "id", holderId),
                "claims", Map.of("户籍地址", "新疆库尔勒市人民东路 1 号"),
                "purpose", "办理入学")));
    }

    /** The using unit's verification by number and code, with the holder's ID checked. */
    Answer verify(String number, String code) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("number", number, "code", code, "purpose", "办理入学",
                "serviceMatter", "义务教育入学登记", "holderId", holderId));
        return expect(200, api.post("/api/v1/verifications", idp.token("verifier-" + suffix, "VERIFIER", usingUnit), body));
    }

    /** The public status check (no token). */
    Answer status(String number, String code) throws Exception {
        return expect(200, api.get("/api/v1/proofs/" + number + "/status?code=" + code, null));
    }

    /** The link the proof's QR code carries, decoded from the PNG the issuer downloads. */
    String qrLink(String number) throws Exception {
        return decodeQr(api.bytes("/api/v1/proofs/" + number + "/qr.png", issuer()));
    }

    /** The text a QR code PNG carries. */
    static String decodeQr(byte[] png) throws Exception {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                ImageIO.read(new ByteArrayInputStream(png))))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    Answer revoke(String number) throws Exception {
        return expect(200, api.post("/api/v1/proofs/" + number + "/revoke", issuer(), Map.of("reason", "ISSUED_IN_ERROR")));
    }

    private String issuer() throws Exception {
        return idp.token("issuer-" + suffix, "ISSUER", issuerDept);
    }

    /** {@code orgPrefix} + the flow's suffix: an organization code of its own for each department (USCCs are unique). */
    private void department(String admin, String code, String orgPrefix, String name, String kind, List<String> roles)
            throws Exception {
        String orgBody = orgPrefix + suffix;
        expect(201, api.post("/api/v1/departments", admin, Map.of("code", code, "name", name, "kind", kind,
                "uscc", Uscc.complete("11659900" + orgBody), "regionCode", "659900", "roles", roles)));
    }

    private static Answer expect(int status, Answer answer) {
        assertEquals(status, answer.status(), answer.raw());
        return answer;
    }

    private static String residentId() {
        String first17 = "652801" + "1990" + "0315" + String.format("%03d", (int) (Math.random() * 1000));
        return first17 + ResidentId.checkCharacter(first17);
    }
}
