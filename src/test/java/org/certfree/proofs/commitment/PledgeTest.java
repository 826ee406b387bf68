package org.certfree.proofs.commitment;

import static io.restassured.RestAssured.given;
import static org.certfree.proofs.commitment.Pledges.HEALTH;
import static org.certfree.proofs.commitment.Pledges.MARKET;
import static org.certfree.proofs.commitment.Pledges.POLICE;
import static org.certfree.proofs.commitment.Pledges.RETAINED;
import static org.certfree.proofs.commitment.Pledges.UNIT;
import static org.certfree.proofs.commitment.Pledges.body;
import static org.certfree.proofs.commitment.Pledges.made;
import static org.certfree.proofs.commitment.Pledges.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 告知承诺 (issue #14) through the API: the public template and its hash, who may pledge (the holder, or a
 * window for the holder present), every refusal storing nothing, who reads what, the printed document,
 * verification and the public status check of a pledge document, and the draw recomputed from the log.
 */
@QuarkusTest
class PledgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @BeforeEach
    void demo() {
        demoData.seed();
        lists.seed();
    }

    // --- the template -------------------------------------------------------------------------------------

    @Test
    void theTemplateIsPublicAndItsHashIsTheListEntrysCanonicalHash() throws Exception {
        JsonPath t = given().get("/api/v1/commitment-templates/" + MARKET).then().statusCode(200).extract().jsonPath();
        assertEquals(MARKET, t.getString("matterCode"));
        assertTrue(t.getString("text").contains("不实承诺的法律后果"), t.getString("text"));
        assertEquals(List.of("address", "useRight"), t.getList("fields.name"));
        String entry = given().get("/api/v1/lists/notify-commit/" + MARKET).then().statusCode(200).extract().asString();
        String content = JSON.readTree(entry).path("content").toString();
        assertEquals(sha256(CanonicalJson.canonicalize(content)), t.getString("hash"));
        assertEquals(sha256(t.getString("text").getBytes(StandardCharsets.UTF_8)), t.getString("textHash"));

        given().get("/api/v1/commitment-templates/" + RETAINED).then().statusCode(404);
        given().get("/api/v1/commitment-templates/NOPE-N999").then().statusCode(404);
    }

    // --- making a pledge ----------------------------------------------------------------------------------

    @Test
    void aCitizenPledgesForThemselvesAndGetsASignedDocumentAndACheckTask() {
        String holder = Fixtures.randomResidentId();
        post(Tokens.citizen(holder), body(MARKET, holder, "王芳")).statusCode(201)
                .header("Location", containsString("/api/v1/commitments/"))
                .body("status", equalTo("PLEDGED")).body("channel", equalTo("SELF")).body("usingUnit", equalTo(UNIT))
                .body("template.hash", equalTo(Pledges.hash(MARKET)))
                .body("document.verificationCode", notNullValue()).body("document.jwsCompact", notNullValue())
                .body("document.sdJwt", notNullValue()).body("document.disclosures.size()", equalTo(4))
                .body("document.claims.address", equalTo("新疆博乐市青得里大街 88 号"))
                .body("check.required", equalTo(true)).body("check.taskId", notNullValue())
                .body("check.dueDate", notNullValue()).body("check.draw", nullValue())
                .body("links.pdf", notNullValue());
        assertEquals(1, count(holder));
    }

    @Test
    void onlyTheHolderOrAWindowWithAssistanceMayPledge() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> b = body(MARKET, holder, "王芳");
        post(Tokens.citizen(Fixtures.randomResidentId()), b).statusCode(403);
        for (String token : List.of(Tokens.issuer("BZSCJGJ"), Tokens.reviewer("BZSFJ"), Tokens.admin(), Tokens.verifier(UNIT))) {
            post(token, b).statusCode(403);
        }
        assertEquals(0, count(holder));
    }

    @Test
    void aWindowTakesThePledgeDownForTheHolderPresentAndTheHolderSeesIt() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> b = body(POLICE, holder, "王芳");
        b.put("assistance", Map.of("identityCheck", "ID_CARD_READER", "formSha256", "ab".repeat(32)));
        post(Tokens.verifier(UNIT), b).statusCode(201).body("channel", equalTo("WINDOW"))
                .body("window.identityCheck", equalTo("ID_CARD_READER")).body("check.taskId", notNullValue());
        assertTrue(accessKinds(holder).contains("PLEDGE_ASSISTED"), accessKinds(holder).toString());
        // for another unit: refused, nothing stored
        Map<String, Object> other = new HashMap<>(b);
        other.put("usingUnit", Pledges.OTHER_UNIT);
        post(Tokens.verifier(UNIT), other).statusCode(400);
        assertEquals(1, count(holder));
    }

    @Test
    void refusalsNameTheProblemAndStoreNothing() {
        String holder = Fixtures.randomResidentId();
        String token = Tokens.citizen(holder);
        Map<String, Object> b = body(MARKET, holder, "王芳");

        Map<String, Object> stale = new HashMap<>(b);
        stale.put("templateHash", "0".repeat(64));
        post(token, stale).statusCode(409).body("detail", containsString(Pledges.hash(MARKET)));

        Map<String, Object> retained = new HashMap<>(b);
        retained.put("matterCode", RETAINED);
        post(token, retained).statusCode(422);

        Map<String, Object> refused = new HashMap<>(b);
        refused.put("accept", false);
        post(token, refused).statusCode(400).body("errors.field", hasItem("accept"));

        Map<String, Object> missing = new HashMap<>(b);
        missing.put("answers", Map.of("useRight", "自有"));
        post(token, missing).statusCode(400).body("detail", containsString("answers.address"))
                .body("errors.field", hasItem("answers.address"));

        Map<String, Object> unknown = new HashMap<>(b);
        unknown.put("answers", Map.of("address", "某地", "useRight", "自有", "color", "红"));
        post(token, unknown).statusCode(400).body("errors.field", hasItem("answers.color"));

        given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).post("/api/v1/commitments")
                .then().statusCode(400).contentType(containsString("problem+json")).body("type", notNullValue());
        given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body("{\"matterCode\": ")
                .post("/api/v1/commitments").then().statusCode(400).contentType(containsString("problem+json"));

        // a malformed resident ID or USCC, taken down at a window
        Map<String, Object> badId = new HashMap<>(b);
        badId.put("pledger", Map.of("kind", "PERSON", "name", "王芳", "id", "652801199003151230"));
        badId.put("assistance", Map.of("identityCheck", "ID_CARD_READER", "formSha256", "ab".repeat(32)));
        post(Tokens.verifier(UNIT), badId).statusCode(400).contentType(containsString("problem+json"));
        Map<String, Object> badUscc = new HashMap<>(badId);
        badUscc.put("pledger", Map.of("kind", "ENTERPRISE", "name", "博乐市某某商行", "id", "91652701MA7XXXXXX1"));
        post(Tokens.verifier(UNIT), badUscc).statusCode(400).contentType(containsString("problem+json"));

        assertEquals(0, count(holder));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSamePledge() {
        String holder = Fixtures.randomResidentId();
        String key = UUID.randomUUID().toString();
        Map<String, Object> b = body(MARKET, holder, "王芳");
        String first = withKey(holder, key, b).statusCode(201).extract().path("number");
        withKey(holder, key, b).statusCode(201).header("Idempotent-Replayed", "true").body("number", equalTo(first));
        Map<String, Object> changed = new HashMap<>(b);
        changed.put("serviceMatter", "食品经营许可");
        withKey(holder, key, changed).statusCode(422);
        assertEquals(1, count(holder));
    }

    // --- reading ------------------------------------------------------------------------------------------

    @Test
    void whoReadsWhat() {
        String holder = Fixtures.randomResidentId();
        String number = (String) made(MARKET, holder).get("number");
        String path = "/api/v1/commitments/" + number;
        read(Tokens.citizen(holder), path).statusCode(200).body("document.verificationCode", notNullValue())
                .body("document.claims.useRight", equalTo("租赁"));
        read(Tokens.issuer("BZSCJGJ"), path + "?purpose=核查").statusCode(200).body("document.verificationCode", notNullValue());
        assertTrue(accessKinds(holder).contains("PLEDGE_READ"), accessKinds(holder).toString());
        read(Tokens.verifier(UNIT), path).statusCode(200).body("document.verificationCode", nullValue())
                .body("links.pdf", nullValue());
        read(Tokens.reviewer("BZSFJ"), path).statusCode(200).body("document.verificationCode", nullValue());
        read(Tokens.issuer("BZWJW"), path).statusCode(403);
        read(Tokens.citizen(Fixtures.randomResidentId()), path).statusCode(403);

        // a pledge is not a proof
        read(Tokens.citizen(holder), "/api/v1/proofs/" + number).statusCode(404);
        read(Tokens.citizen(holder), "/api/v1/proofs?size=100").statusCode(200).body("items.number", not(hasItem(number)));
    }

    @Test
    void listsAreFilteredByRoleAndQuery() {
        String holder = Fixtures.randomResidentId();
        String market = (String) made(MARKET, holder).get("number");
        String health = (String) made(HEALTH, holder).get("number");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2).toString();
        String citizen = Tokens.citizen(holder);
        read(citizen, "/api/v1/commitments").statusCode(200).body("total", equalTo(2));
        read(citizen, "/api/v1/commitments?matter=" + MARKET).statusCode(200).body("items.number", equalTo(List.of(market)));
        read(citizen, "/api/v1/commitments?status=PLEDGED&from=" + today + "&to=" + today).statusCode(200).body("total", equalTo(2));
        read(citizen, "/api/v1/commitments?to=" + yesterday).statusCode(200).body("total", equalTo(0));
        read(Tokens.issuer("BZSCJGJ"), "/api/v1/commitments?size=100&from=" + today).statusCode(200)
                .body("items.number", hasItem(market)).body("items.number", not(hasItem(health)))
                .body("items.departmentCode", everyItem(equalTo("BZSCJGJ")));
        read(Tokens.verifier(UNIT), "/api/v1/commitments?size=100&matter=" + HEALTH).statusCode(200)
                .body("items.number", hasItem(health)).body("items.usingUnit", everyItem(equalTo(UNIT)))
                .body("items.document.verificationCode", everyItem(nullValue()));
        read(Tokens.verifier(Pledges.OTHER_UNIT), "/api/v1/commitments?size=100").statusCode(200)
                .body("items.number", not(hasItem(health)));
        read(Tokens.reviewer("BZSFJ"), "/api/v1/commitments?size=100&unit=" + UNIT + "&matter=" + MARKET).statusCode(200)
                .body("items.number", hasItem(market)).body("items.matterCode", everyItem(equalTo(MARKET)));
    }

    @Test
    void theHolderPrintsTheDocumentAndAWindowCannot() throws Exception {
        String holder = Fixtures.randomResidentId();
        String number = (String) made(MARKET, holder).get("number");
        byte[] pdf = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder)))
                .get("/api/v1/commitments/" + number + "/pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "pledge-sample.pdf"), pdf);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/commitments/" + number + "/qr.png")
                .then().statusCode(200).contentType("image/png");
        given().header("Authorization", Tokens.bearer(Tokens.verifier(UNIT))).get("/api/v1/commitments/" + number + "/pdf")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.verifier(UNIT))).get("/api/v1/commitments/" + number + "/qr.png")
                .then().statusCode(403);
    }

    // --- verification ---------------------------------------------------------------------------------------

    @Test
    void aPledgeDocumentVerifiesByEveryFormAndOnTheStatusPage() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> p = made(MARKET, holder);
        String number = (String) p.get("number");
        Map<?, ?> doc = (Map<?, ?>) p.get("document");
        String code = (String) doc.get("verificationCode");
        verify(Map.of("number", number, "code", code)).body("indication", equalTo("TOTAL_PASSED"))
                .body("documentKind", equalTo("PLEDGE")).body("pledge.template.hash", equalTo(Pledges.hash(MARKET)))
                .body("pledge.usingUnit", equalTo(UNIT)).body("receipt", notNullValue());
        verify(Map.of("jws", doc.get("jwsCompact"))).body("indication", equalTo("TOTAL_PASSED"))
                .body("documentKind", equalTo("PLEDGE"));
        verify(Map.of("qr", "https://zwfw.example/verify?n=" + number + "&c=" + code)).body("indication", equalTo("TOTAL_PASSED"));
        assertTrue(accessKinds(holder).contains("VERIFICATION"), accessKinds(holder).toString());

        given().queryParam("code", code).get("/api/v1/proofs/" + number + "/status").then().statusCode(200)
                .body("status", equalTo("VALID")).body("documentKind", equalTo("PLEDGE"))
                .body("documentText", equalTo("告知承诺书"));
    }

    // --- the draw -------------------------------------------------------------------------------------------

    @Test
    void theDrawIsRecomputedFromTheSignedTreeHead() throws Exception {
        int drawn = 0;
        for (int i = 0; i < 8; i++) { // eight holders: one holder pledges once per matter and unit
            JsonPath p = JsonPath.from(JSON.writeValueAsString(made(HEALTH, Fixtures.randomResidentId())));
            int treeSize = p.getInt("check.draw.treeSize");
            String root = p.getString("check.draw.rootHash");
            String head = given().queryParam("treeSize", treeSize).get("/api/v1/transparency/tree-head").then().statusCode(200)
                    .extract().path("rootHash");
            assertEquals(head, root);
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("certfree-pledge-draw:v1|" + root + "|" + p.getString("number")).getBytes(StandardCharsets.UTF_8));
            byte[] first8 = Arrays.copyOf(digest, 8);
            boolean expected = new BigInteger(1, first8).multiply(BigInteger.valueOf(100))
                    .compareTo(BigInteger.ONE.shiftLeft(64).multiply(BigInteger.valueOf(50))) < 0;
            assertEquals(HexFormat.of().formatHex(first8), p.getString("check.draw.value"));
            assertEquals(expected, p.getBoolean("check.draw.drawn"));
            assertEquals(expected, p.getBoolean("check.required"));
            assertEquals(expected, p.get("check.taskId") != null, p.prettify());
            drawn += expected ? 1 : 0;
        }
        System.out.println("drawn " + drawn + " of 8");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static ValidatableResponse verify(Map<String, Object> body) {
        Map<String, Object> b = new HashMap<>(body);
        b.put("purpose", Pledges.SERVICE);
        return given().header("Authorization", Tokens.bearer(Tokens.verifier(UNIT))).contentType(ContentType.JSON).body(b)
                .post("/api/v1/verifications").then().statusCode(200);
    }

    private static ValidatableResponse read(String token, String path) {
        return given().header("Authorization", Tokens.bearer(token)).get(path).then();
    }

    private static ValidatableResponse withKey(String holder, String key, Object body) {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/commitments").then();
    }

    private static int count(String holder) {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/commitments")
                .then().statusCode(200).extract().path("total");
    }

    private static List<String> accessKinds(String holder) {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 100)
                .get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath().getList("items.kind");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
