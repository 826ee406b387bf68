package org.certfree.proofs.publication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.testsupport.Batches;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole flow draft → submit → review → batch → publish → effective list, the lists as of each of
 * three batches (one with a REMOVE), the manifests' hash chain and the Merkle log's proofs checked by
 * an independent RFC 9162 implementation written here.
 */
@QuarkusTest
class PublicationFlowTest {

    static final String DEPT = Fixtures.GOOD_ISSUER;
    static final String JUSTICE = Fixtures.JUSTICE;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    private static String editor() {
        return Tokens.bearer(Tokens.listEditor(DEPT));
    }

    @Test
    void draftToEffectiveListAndAsOfAcrossThreeBatches() throws Exception {
        String marker = "验" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String a = Matters.approved(DEPT, JUSTICE, Matters.retained(null, "户籍证明" + marker));
        String b = Matters.approved(DEPT, JUSTICE, Matters.cancelled(null, "亲属关系证明" + marker));

        // batch 1: ADD a (retained) and b (cancelled)
        long id1 = Batches.create();
        given().header("Authorization", Batches.reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", a))
                .post("/api/v1/publication-batches/" + id1 + "/entries")
                .then().statusCode(201).body("action", equalTo("ADD")).body("seq", equalTo(1))
                .body("content.department.name", equalTo("测试州公安局"));
        Batches.add(id1, b);
        // a draft batch is the reviewers' business only
        given().get("/api/v1/publication-batches/" + id1).then().statusCode(404);
        given().header("Authorization", Batches.reviewer()).get("/api/v1/publication-batches/" + id1)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("entryCount", equalTo(2));
        JsonPath batch1 = Batches.publish(id1);
        assertEquals("PUBLISHED", batch1.getString("status"));
        String t1 = batch1.getString("publishedAt");

        given().queryParam("q", marker).get("/api/v1/lists/retained")
                .then().statusCode(200).body("total", equalTo(1)).body("totalExact", equalTo(true)).body("items[0].code", equalTo(a))
                .body("items[0].version", equalTo(1)).body("items[0].batchId", equalTo((int) id1))
                .body("items[0].content.retained.legalBases[0].article", equalTo("第十五条"));
        given().queryParam("q", marker).get("/api/v1/lists/cancelled")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].code", equalTo(b));

        // batch 2: a amended (version 2), c added
        Map<String, Object> amended = Matters.retained(null, "户籍证明（含历史户籍）" + marker);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(amended)
                .post("/api/v1/matters/" + a + "/versions").then().statusCode(201);
        Matters.submitAndApprove(DEPT, JUSTICE, a, 2);
        String c = Matters.approved(DEPT, JUSTICE, Matters.notifyCommit(null, "经营场所证明" + marker));
        long id2 = Batches.create();
        given().header("Authorization", Batches.reviewer()).contentType(ContentType.JSON)
                .body(Map.of("matterCode", a, "action", "ADD"))
                .post("/api/v1/publication-batches/" + id2 + "/entries")
                .then().statusCode(422).body("detail", containsString("AMEND"));
        given().header("Authorization", Batches.reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", a))
                .post("/api/v1/publication-batches/" + id2 + "/entries")
                .then().statusCode(201).body("action", equalTo("AMEND")).body("matterVersion", equalTo(2));
        Batches.add(id2, c);
        JsonPath batch2 = Batches.publish(id2);
        String t2 = batch2.getString("publishedAt");
        assertEquals(batch1.getString("manifestHash"), batch2.getString("previousHash"),
                batch2.getInt("logIndex") == batch1.getInt("logIndex") + 1 ? "chain" : "other batches in between");

        // batch 3: b removed after an approved removal request
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(Map.of("reason", "已通过数据共享核查，申请移出"))
                .post("/api/v1/matters/" + b + "/removal-requests")
                .then().statusCode(201).body("proposal", equalTo("REMOVAL")).body("number", equalTo(2));
        Matters.submitAndApprove(DEPT, JUSTICE, b, 2);
        long id3 = Batches.create();
        given().header("Authorization", Batches.reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", b))
                .post("/api/v1/publication-batches/" + id3 + "/entries")
                .then().statusCode(201).body("action", equalTo("REMOVE")).body("reason", containsString("数据共享"));
        JsonPath batch3 = Batches.publish(id3);
        String t3 = batch3.getString("publishedAt");

        // now
        given().get("/api/v1/lists/retained/" + a).then().statusCode(200).body("version", equalTo(2))
                .body("name", equalTo("户籍证明（含历史户籍）" + marker));
        given().get("/api/v1/lists/cancelled/" + b).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/lists/notify-commit/" + c).then().statusCode(200)
                .body("content.notifyCommit.commitment.proofObligation", not(nullValue()));
        // as of each batch
        given().queryParam("asOf", t1).get("/api/v1/lists/retained/" + a).then().statusCode(200).body("version", equalTo(1))
                .body("batchNumber", equalTo(batch1.getString("number")));
        given().queryParam("asOf", t2).get("/api/v1/lists/retained/" + a).then().statusCode(200).body("version", equalTo(2));
        given().queryParam("asOf", t1).get("/api/v1/lists/notify-commit/" + c).then().statusCode(404);
        given().queryParam("asOf", t2).get("/api/v1/lists/notify-commit/" + c).then().statusCode(200);
        given().queryParam("asOf", t2).get("/api/v1/lists/cancelled/" + b).then().statusCode(200);
        given().queryParam("asOf", t3).get("/api/v1/lists/cancelled/" + b).then().statusCode(404);
        // the same through the searchable list
        given().queryParam("asOf", t2).queryParam("q", marker).get("/api/v1/lists/cancelled")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].code", equalTo(b));
        given().queryParam("asOf", t3).queryParam("q", marker).get("/api/v1/lists/cancelled")
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("asOf", t1).queryParam("q", "含历史户籍 " + marker).get("/api/v1/lists/retained")
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("asOf", t2).queryParam("q", "含历史户籍 " + marker).get("/api/v1/lists/retained")
                .then().statusCode(200).body("total", equalTo(1)).body("logSize", greaterThanOrEqualTo(2));
        given().queryParam("asOf", "2000-01-01").get("/api/v1/lists/retained/" + a).then().statusCode(404);
        given().queryParam("asOf", t2).queryParam("q", marker).queryParam("department", DEPT)
                .queryParam("scenario", "BIRTH").get("/api/v1/lists/retained")
                .then().statusCode(200).body("total", equalTo(1));
        given().queryParam("q", marker).queryParam("scenario", "RETIREMENT").get("/api/v1/lists/retained")
                .then().statusCode(200).body("total", equalTo(0));

        // difference between batch 1 and batch 3
        given().queryParam("from", id1).queryParam("to", id3).get("/api/v1/publication-batches/diff")
                .then().statusCode(200)
                .body("added.matterCode", hasItem(c))
                .body("removed.matterCode", hasItem(b))
                .body("amended.find { it.matterCode == '" + a + "' }.fromVersion", equalTo(1))
                .body("amended.find { it.matterCode == '" + a + "' }.toVersion", equalTo(2));

        // the manifest is the canonical JSON whose SHA-256 is the manifest hash, chained to the previous one
        byte[] manifest = given().get("/api/v1/publication-batches/" + id3 + "/manifest")
                .then().statusCode(200).extract().asByteArray();
        assertEquals(batch3.getString("manifestHash"), sha256Hex(manifest));
        JsonPath m3 = new JsonPath(new String(manifest, StandardCharsets.UTF_8));
        assertEquals(batch3.getString("number"), m3.getString("batchNumber"));
        assertEquals("REMOVE", m3.getString("entries[0].action"));
        assertEquals(b, m3.getString("entries[0].matterCode"));
        assertEquals(batch3.getString("previousHash"), m3.getString("previousManifestHash"));
        String canonicalStart = "{\"authority\":\"" + JUSTICE + "\",\"batchNumber\":";
        assertTrue(new String(manifest, StandardCharsets.UTF_8).startsWith(canonicalStart), "keys sorted, no spaces");

        // a published batch is final
        given().header("Authorization", Batches.reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", c))
                .post("/api/v1/publication-batches/" + id3 + "/entries").then().statusCode(409);
        given().header("Authorization", Batches.reviewer()).contentType(ContentType.JSON)
                .post("/api/v1/publication-batches/" + id3 + "/publish").then().statusCode(409);
        given().header("Authorization", Batches.reviewer()).delete("/api/v1/publication-batches/" + id3).then().statusCode(409);
        given().header("Authorization", Batches.reviewer()).delete("/api/v1/publication-batches/" + id3 + "/entries/1")
                .then().statusCode(409);

        // transparency: tree head, inclusion and consistency checked independently
        JsonPath head = given().get("/api/v1/transparency/tree-head").then().statusCode(200).extract().jsonPath();
        int size = head.getInt("treeSize");
        assertTrue(size >= batch3.getInt("logIndex") + 1);
        for (JsonPath batch : List.of(batch1, batch2, batch3)) {
            JsonPath proof = given().queryParam("batch", batch.getLong("id")).queryParam("treeSize", size)
                    .get("/api/v1/transparency/inclusion").then().statusCode(200).extract().jsonPath();
            byte[] leaf = Rfc9162.leafHash(HexFormat.of().parseHex(batch.getString("manifestHash")));
            assertEquals(HexFormat.of().formatHex(leaf), proof.getString("leafHash"));
            assertArrayEquals(HexFormat.of().parseHex(head.getString("rootHash")),
                    Rfc9162.rootFromInclusionProof(batch.getInt("logIndex"), size, leaf, hexList(proof.getList("auditPath"))),
                    "inclusion proof of " + batch.getString("number"));
        }
        int firstSize = batch1.getInt("logIndex") + 1;
        JsonPath firstHead = given().queryParam("treeSize", firstSize).get("/api/v1/transparency/tree-head")
                .then().statusCode(200).extract().jsonPath();
        JsonPath consistency = given().queryParam("first", firstSize).queryParam("second", size)
                .get("/api/v1/transparency/consistency").then().statusCode(200).extract().jsonPath();
        assertEquals(firstHead.getString("rootHash"), consistency.getString("firstRootHash"));
        assertTrue(Rfc9162.verifyConsistency(firstSize, size, HexFormat.of().parseHex(firstHead.getString("rootHash")),
                HexFormat.of().parseHex(head.getString("rootHash")), hexList(consistency.getList("proof"))));
        // a wrong root does not verify: the check can fail
        byte[] wrong = HexFormat.of().parseHex(head.getString("rootHash"));
        wrong[0] ^= 1;
        assertTrue(!Rfc9162.verifyConsistency(firstSize, size, HexFormat.of().parseHex(firstHead.getString("rootHash")),
                wrong, hexList(consistency.getList("proof"))));
        // the tree-head payload is the canonical JSON of its fields
        assertEquals("{\"authority\":\"" + JUSTICE + "\",\"rootHash\":\"" + head.getString("rootHash")
                + "\",\"schema\":\"urn:certfree:publication-tree-head:v1\",\"timestamp\":\"" + head.getString("timestamp")
                + "\",\"treeSize\":" + size + "}", head.getString("payload"));

        given().get("/api/v1/transparency/verify").then().statusCode(200)
                .body("consistent", equalTo(true)).body("treeSize", equalTo(size))
                .body("signaturesChecked", greaterThanOrEqualTo(6));

        // the manifest is signed by the justice bureau (SM2-SM3 and Ed25519, JWS general JSON); the Ed25519
        // signature is checked here with the JDK alone, against the public JWKS
        assertEquals("SIGNED", batch3.getString("signatureStatus"));
        assertEquals("SIGNED", head.getString("signatureStatus"));
        JsonPath jws = new JsonPath(batch3.getString("signature"));
        byte[] payload = java.util.Base64.getUrlDecoder().decode(jws.getString("payload"));
        String statement = "{\"authority\":\"" + JUSTICE + "\",\"batchNumber\":\"" + batch3.getString("number")
                + "\",\"logIndex\":" + batch3.getInt("logIndex") + ",\"manifestHash\":\"" + sha256Hex(manifest)
                + "\",\"previousManifestHash\":\"" + batch3.getString("previousHash") + "\",\"publishedAt\":\""
                + batch3.getString("publishedAt") + "\",\"schema\":\"urn:certfree:publication-batch-statement:v1\"}";
        assertEquals(statement, new String(payload, StandardCharsets.UTF_8), "the JWS signs the statement binding the manifest hash");
        List<String> algs = new java.util.ArrayList<>();
        boolean edChecked = false;
        JsonPath jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < jws.getList("signatures").size(); i++) {
            String protectedHeader = jws.getString("signatures[" + i + "].protected");
            JsonPath header = new JsonPath(new String(java.util.Base64.getUrlDecoder().decode(protectedHeader), StandardCharsets.UTF_8));
            algs.add(header.getString("alg"));
            assertEquals("certfree-batch-manifest+jws", header.getString("typ"));
            if ("EdDSA".equals(header.getString("alg"))) {
                String x = jwks.getString("keys.find { it.kid == '" + header.getString("kid") + "' }.x");
                byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
                byte[] encoded = java.util.Arrays.copyOf(spki, spki.length + 32);
                System.arraycopy(java.util.Base64.getUrlDecoder().decode(x), 0, encoded, spki.length, 32);
                var key = java.security.KeyFactory.getInstance("Ed25519")
                        .generatePublic(new java.security.spec.X509EncodedKeySpec(encoded));
                var verifier = java.security.Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update((protectedHeader + "." + jws.getString("payload")).getBytes(StandardCharsets.US_ASCII));
                assertTrue(verifier.verify(java.util.Base64.getUrlDecoder().decode(jws.getString("signatures[" + i + "].signature"))),
                        "Ed25519 signature of the manifest");
                edChecked = true;
            }
        }
        assertTrue(edChecked && algs.size() == 2, "two signatures, one of them EdDSA: " + algs);
    }

    @Test
    void exportsOfListsAndBatchesAsCsvWithBomAndJson() {
        String marker = "导" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String a = Matters.approved(DEPT, JUSTICE, Matters.retained(null, "出生医学证明补办证明" + marker));
        JsonPath batch = Batches.publishWith(List.of(a));
        byte[] csv = given().queryParam("format", "csv").queryParam("q", marker).get("/api/v1/lists/retained/export")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, java.util.Arrays.copyOf(csv, 3), "UTF-8 BOM");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertEquals(2, lines.length, text);
        assertTrue(lines[0].startsWith("事项编码,证明事项名称,所属清单,"), lines[0]);
        assertTrue(lines[1].contains(a) && lines[1].contains("保留证明事项清单") && lines[1].contains("《中华人民共和国户口登记条例》第十五条")
                && lines[1].contains("5个工作日") && lines[1].contains("出生、入学"), lines[1]);

        given().queryParam("format", "json").queryParam("q", marker).get("/api/v1/lists/retained/export")
                .then().statusCode(200).body("total", equalTo(1)).body("entries[0].code", equalTo(a))
                .body("kindLabel", equalTo("保留证明事项清单"));
        byte[] batchCsv = given().queryParam("format", "csv").get("/api/v1/publication-batches/" + batch.getLong("id") + "/export")
                .then().statusCode(200).extract().asByteArray();
        String batchText = new String(batchCsv, StandardCharsets.UTF_8);
        assertTrue(batchText.startsWith("\uFEFF批次,序号,变更,理由,事项编码"), batchText);
        assertTrue(batchText.contains(batch.getString("number") + ",1,新增,," + a), batchText);
        given().queryParam("format", "json").get("/api/v1/publication-batches/" + batch.getLong("id") + "/export")
                .then().statusCode(200).body("entries[0].matterCode", equalTo(a))
                .body("manifestHash", equalTo(batch.getString("manifestHash")));
        given().queryParam("format", "xml").get("/api/v1/lists/retained/export").then().statusCode(400);
        given().queryParam("format", "pdf").get("/api/v1/publication-batches/" + batch.getLong("id") + "/export")
                .then().statusCode(400);
    }

    private static List<byte[]> hexList(List<String> hex) {
        return hex.stream().map(h -> HexFormat.of().parseHex(h)).toList();
    }

    static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
