package org.certfree.proofs.supervision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Disputes on published list entries (issue #15, 2): anyone signed in opens one, the justice bureau (a
 * REVIEWER of a REVIEWER department) closes it, an upheld one links the catalogue change, and the matter's
 * disputes are listed by matter.
 */
@QuarkusTest
class ListDisputeTest {

    static final String CANCELLED = "BZZJJ-C001";
    static final String REMOVED = "BZZJJ-R001";
    static final String JUSTICE = "BZSFJ";
    /** A matter of the justice bureau itself, on the published notify-and-commit list. */
    static final String BUREAU_MATTER = "BZSFJ-N001";

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @BeforeEach
    void demo() {
        Fixtures.departments();
        demoData.seed();
        lists.seed();
    }

    static ValidatableResponse post(String token, String path, Object body) {
        var r = given().contentType(ContentType.JSON);
        if (token != null) {
            r = r.header("Authorization", Tokens.bearer(token));
        }
        return (body == null ? r : r.body(body)).post(path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", Tokens.bearer(token)).get(path).then();
    }

    static Map<String, Object> dispute(String matter, String claim, String text) {
        Map<String, Object> b = new HashMap<>();
        b.put("matterCode", matter);
        b.put("claim", claim);
        b.put("text", text);
        return b;
    }

    static String open(String token, String matter) {
        return post(token, "/api/v1/list-disputes", dispute(matter, "SHOULD_BE_CANCELLED", "该证明可通过数据共享获取，应当取消。"))
                .statusCode(201).extract().path("id");
    }

    static String bureau() {
        return Tokens.reviewer(JUSTICE);
    }

    @Test
    void aCitizenOpensADisputeAndSeesItsTextOthersOfTheMatterSeeItWithout() {
        String holder = Fixtures.randomResidentId();
        String id = post(Tokens.citizen(holder), "/api/v1/list-disputes",
                dispute(CANCELLED, "LEGAL_BASIS_REPEALED", "张三：设定依据已于2023年废止。")).statusCode(201)
                .header("Location", containsString("/api/v1/list-disputes/"))
                .body("matterCode", equalTo(CANCELLED)).body("list", equalTo("CANCELLED")).body("status", equalTo("OPEN"))
                .body("batchNumber", notNullValue()).body("text", equalTo("张三：设定依据已于2023年废止。"))
                .extract().path("id");
        get(Tokens.citizen(holder), "/api/v1/list-disputes/" + id).statusCode(200).body("text", containsString("张三"));
        get(Tokens.citizen(holder), "/api/v1/list-disputes").statusCode(200).body("items.id", hasItem(id));
        get(bureau(), "/api/v1/list-disputes/" + id).statusCode(200).body("text", containsString("张三"));
        // the link from the matter: anyone signed in sees its disputes, without the text
        String other = Tokens.citizen(Fixtures.randomResidentId());
        get(other, "/api/v1/list-disputes?matter=" + CANCELLED).statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.text", nullValue())
                .body("items.matterCode", everyItem(equalTo(CANCELLED)));
        get(other, "/api/v1/list-disputes").statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        get(other, "/api/v1/list-disputes/" + id).statusCode(403);
        get(Tokens.issuer("BZZJJ"), "/api/v1/list-disputes/" + id).statusCode(403);
        // staff may open one too
        open(Tokens.issuer("BZGAJ"), CANCELLED);
        open(Tokens.verifier("BZZWZX"), CANCELLED);
    }

    @Test
    void badDisputesAre4xxAndStoreNothing() {
        String c = Tokens.citizen(Fixtures.randomResidentId());
        post(null, "/api/v1/list-disputes", dispute(CANCELLED, "OTHER", "x")).statusCode(401);
        post(c, "/api/v1/list-disputes", null).statusCode(400);
        post(c, "/api/v1/list-disputes", dispute(CANCELLED, null, "x")).statusCode(400)
                .body("errors.field", hasItem(containsString("claim")));
        post(c, "/api/v1/list-disputes", dispute(CANCELLED, "NOPE", "x")).statusCode(400);
        post(c, "/api/v1/list-disputes", dispute(CANCELLED, "OTHER", " ")).statusCode(400);
        post(c, "/api/v1/list-disputes", dispute(CANCELLED, "OTHER", "长".repeat(1001))).statusCode(400);
        post(c, "/api/v1/list-disputes", dispute(null, "OTHER", "x")).statusCode(400);
        post(c, "/api/v1/list-disputes", dispute("NOPE-N999", "OTHER", "x")).statusCode(422);
        post(c, "/api/v1/list-disputes", dispute(REMOVED, "OTHER", "x")).statusCode(422).body("detail", containsString(REMOVED));
        get(c, "/api/v1/list-disputes").statusCode(200).body("total", equalTo(0));
        get(c, "/api/v1/list-disputes/6a1b0e1e-0000-4000-8000-000000000000").statusCode(404);
    }

    @Test
    void theJusticeBureauDismissesWithAnAnswerAndNobodyElseMayClose() {
        String holder = Tokens.citizen(Fixtures.randomResidentId());
        String id = open(holder, CANCELLED);
        String path = "/api/v1/list-disputes/" + id + "/close";
        Map<String, Object> dismiss = Map.of("outcome", "DISMISSED", "answer", "该事项已在取消清单上，无需再次取消。");
        for (String token : List.of(holder, Tokens.issuer("BZZJJ"), Tokens.listEditor("BZZJJ"), Tokens.admin(),
                Tokens.issuer("BZSFJ"))) {
            post(token, path, dismiss).statusCode(403);
        }
        post(null, path, dismiss).statusCode(401);
        post(bureau(), path, Map.of("outcome", "DISMISSED")).statusCode(400).body("errors.field", hasItem("answer"));
        post(bureau(), path, Map.of("outcome", "OPEN", "answer", "x")).statusCode(400);
        post(bureau(), path, Map.of("outcome", "UPHELD")).statusCode(400).body("errors.field", hasItem("changeRef"));
        post(bureau(), path, Map.of("outcome", "DISMISSED", "answer", "x", "version", 7)).statusCode(409)
                .body("type", containsString("stale-version"));
        post(bureau(), "/api/v1/list-disputes/6a1b0e1e-0000-4000-8000-000000000000/close", dismiss).statusCode(404);
        post(bureau(), path, Map.of("outcome", "DISMISSED", "answer", "该事项已在取消清单上。", "version", 0)).statusCode(200)
                .body("status", equalTo("DISMISSED")).body("answer", equalTo("该事项已在取消清单上。"))
                .body("closedAt", notNullValue()).body("version", equalTo(1));
        post(bureau(), path, dismiss).statusCode(409);
        get(holder, "/api/v1/list-disputes/" + id).statusCode(200).body("status", equalTo("DISMISSED"))
                .body("answer", equalTo("该事项已在取消清单上。"));
        get(bureau(), "/api/v1/list-disputes?status=DISMISSED").statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void anUpheldDisputeLinksTheCatalogueChangeDraftedForTheNextBatch() {
        String code = Matters.retained(Fixtures.GOOD_ISSUER, 5);
        String holder = Tokens.citizen(Fixtures.randomResidentId());
        String id = open(holder, code);
        String path = "/api/v1/list-disputes/" + id + "/close";
        Map<String, Object> upheld = new HashMap<>(Map.of("outcome", "UPHELD", "answer", "异议成立，已申请移出保留清单。",
                "changeRef", Map.of("matterCode", code, "version", 2)));
        // no version 2 yet: the change must exist in the catalogue
        post(Tokens.reviewer(Fixtures.JUSTICE), path, upheld).statusCode(422).body("detail", containsString(code));
        post(Tokens.reviewer(Fixtures.JUSTICE), path, Map.of("outcome", "UPHELD",
                "changeRef", Map.of("matterCode", CANCELLED, "version", 2))).statusCode(422);
        post(Tokens.reviewer(Fixtures.JUSTICE), path, Map.of("outcome", "UPHELD",
                "changeRef", Map.of("matterCode", code, "version", 1))).statusCode(422);
        given().header("Authorization", Tokens.bearer(Tokens.listEditor(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "数据已共享，申请移出。")).post("/api/v1/matters/" + code + "/removal-requests")
                .then().statusCode(201);
        post(Tokens.reviewer(Fixtures.JUSTICE), path, upheld).statusCode(200)
                .body("status", equalTo("UPHELD")).body("changeRef.matterCode", equalTo(code))
                .body("changeRef.version", equalTo(2));
        get(Tokens.listEditor(Fixtures.GOOD_ISSUER), "/api/v1/list-disputes?matter=" + code).statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("UPHELD"))
                .body("items[0].changeRef.version", equalTo(2)).body("items[0].text", nullValue());
    }

    /** Nobody closes a dispute they opened, not even a reviewer of the justice bureau. */
    @Test
    void theOpenerNeverClosesTheirOwnDispute() {
        String opener = bureau();
        String id = open(opener, CANCELLED);
        String path = "/api/v1/list-disputes/" + id + "/close";
        Map<String, Object> dismiss = Map.of("outcome", "DISMISSED", "answer", "该事项已在取消清单上。");
        post(opener, path, dismiss).statusCode(403).body("detail", containsString("自己的异议"));
        get(opener, "/api/v1/list-disputes/" + id).statusCode(200).body("status", equalTo("OPEN"));
        post(Tokens.mint("REVIEWER", JUSTICE, "another-reviewer"), path, dismiss).statusCode(200)
                .body("status", equalTo("DISMISSED"));
    }

    /** A dispute on a matter of the justice bureau's own department is ADMIN's (recusal); ADMIN handles no other. */
    @Test
    void aDisputeOnTheBureausOwnMatterIsClosedByAdminNotTheBureau() {
        String holder = Tokens.citizen(Fixtures.randomResidentId());
        String id = open(holder, BUREAU_MATTER);
        String path = "/api/v1/list-disputes/" + id + "/close";
        Map<String, Object> dismiss = Map.of("outcome", "DISMISSED", "answer", "设定依据仍然有效，异议不成立。");
        post(bureau(), path, dismiss).statusCode(403).body("detail", containsString("回避"))
                .body("detail", containsString("管理员"));
        for (String token : List.of(holder, Tokens.issuer(JUSTICE), Tokens.listEditor(JUSTICE))) {
            post(token, path, dismiss).statusCode(403);
        }
        // ADMIN reads what the bureau reads, and closes this one
        get(Tokens.admin(), "/api/v1/list-disputes?status=OPEN&size=200").statusCode(200).body("items.id", hasItem(id));
        get(Tokens.admin(), "/api/v1/list-disputes/" + id).statusCode(200).body("text", notNullValue());
        post(Tokens.admin(), path, dismiss).statusCode(200).body("status", equalTo("DISMISSED"));
        get(holder, "/api/v1/list-disputes/" + id).statusCode(200).body("answer", containsString("异议不成立"));
        // a dispute on another department's matter stays the bureau's
        String other = open(holder, CANCELLED);
        post(Tokens.admin(), "/api/v1/list-disputes/" + other + "/close", dismiss).statusCode(403)
                .body("detail", containsString("司法局"));
        post(bureau(), "/api/v1/list-disputes/" + other + "/close", dismiss).statusCode(200);
    }

    /** Upheld links a catalogue version that can still reach a batch: a rejected one cannot. */
    @Test
    void anUpheldDisputeCannotLinkARejectedVersion() {
        String code = Matters.retained(Fixtures.GOOD_ISSUER, 5);
        String id = open(Tokens.citizen(Fixtures.randomResidentId()), code);
        String editor = Tokens.listEditor(Fixtures.GOOD_ISSUER);
        given().header("Authorization", Tokens.bearer(editor)).contentType(ContentType.JSON)
                .body(Map.of("reason", "数据已共享，申请移出。")).post("/api/v1/matters/" + code + "/removal-requests")
                .then().statusCode(201);
        post(editor, "/api/v1/matters/" + code + "/versions/2/submit", Map.of()).statusCode(200);
        post(Tokens.reviewer(Fixtures.JUSTICE), "/api/v1/matters/" + code + "/versions/2/reject",
                Map.of("reason", "移出理由不充分。")).statusCode(200).body("status", equalTo("REJECTED"));
        post(bureau(), "/api/v1/list-disputes/" + id + "/close", Map.of("outcome", "UPHELD", "answer", "异议成立。",
                "changeRef", Map.of("matterCode", code, "version", 2))).statusCode(422)
                .body("detail", containsString("驳回"));
        get(bureau(), "/api/v1/list-disputes/" + id).statusCode(200).body("status", equalTo("OPEN"))
                .body("changeRef", nullValue());
    }

    @Test
    void openAndCloseHonourTheIdempotencyKey() {
        String holder = Tokens.citizen(Fixtures.randomResidentId());
        String openKey = "ld-open-" + UUID.randomUUID();
        String closeKey = "ld-close-" + UUID.randomUUID();
        Map<String, Object> body = dispute(CANCELLED, "SHOULD_BE_CANCELLED", "应当取消。");
        String first = keyed(holder, openKey, "/api/v1/list-disputes", body).statusCode(201).extract().path("id");
        keyed(holder, openKey, "/api/v1/list-disputes", body).statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString(first)).body("id", equalTo(first));
        keyed(holder, openKey, "/api/v1/list-disputes", dispute(CANCELLED, "OTHER", "另一件。")).statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        get(holder, "/api/v1/list-disputes").statusCode(200).body("total", equalTo(1));

        String path = "/api/v1/list-disputes/" + first + "/close";
        Map<String, Object> dismiss = Map.of("outcome", "DISMISSED", "answer", "已在取消清单上。", "version", 0);
        keyed(bureau(), closeKey, path, dismiss).statusCode(200).body("status", equalTo("DISMISSED"))
                .body("version", equalTo(1));
        // the retry gets the same answer, not 409 "closed already"
        keyed(bureau(), closeKey, path, dismiss).statusCode(200).header("Idempotent-Replayed", "true")
                .body("status", equalTo("DISMISSED")).body("version", equalTo(1));
        keyed(bureau(), closeKey, path, Map.of("outcome", "DISMISSED", "answer", "另一个答复。")).statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        keyed(bureau(), "ld-close-" + UUID.randomUUID(), path, dismiss).statusCode(409);
    }

    /** Lists carry a dispute's text only for its opener; each single read by the bureau or ADMIN is in the opener's log. */
    @Test
    void theBureauReadingACitizensDisputeIsInTheirAccessLog() {
        String citizen = Tokens.citizen(Fixtures.randomResidentId());
        String id = open(citizen, CANCELLED);
        get(citizen, "/api/v1/list-disputes").statusCode(200).body("items.find { it.id == '" + id + "' }.text", notNullValue());
        get(bureau(), "/api/v1/list-disputes?matter=" + CANCELLED + "&size=200").statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.text", nullValue());
        get(Tokens.admin(), "/api/v1/list-disputes?size=200").statusCode(200)
                .body("items.find { it.id == '" + id + "' }.text", nullValue());
        assertEquals(0, reads(citizen, id).size(), "lists without the text are no read");
        get(citizen, "/api/v1/list-disputes/" + id).statusCode(200).body("text", notNullValue());
        assertEquals(0, reads(citizen, id).size(), "the opener reading their own is no access");
        get(bureau(), "/api/v1/list-disputes/" + id).statusCode(200).body("text", containsString("应当取消"));
        List<Map<String, Object>> reads = reads(citizen, id);
        assertEquals(1, reads.size(), reads.toString());
        assertEquals("查看清单异议内容", reads.get(0).get("kindText"));
        assertEquals(JUSTICE, reads.get(0).get("unit"));
        get(Tokens.admin(), "/api/v1/list-disputes/" + id).statusCode(200);
        assertEquals(2, reads(citizen, id).size());
        // a dispute opened by staff names no citizen: nothing to log
        String staff = open(Tokens.issuer("BZGAJ"), CANCELLED);
        get(bureau(), "/api/v1/list-disputes/" + staff).statusCode(200).body("text", notNullValue());
    }

    static ValidatableResponse keyed(String token, String key, String path, Object body) {
        return given().header("Authorization", Tokens.bearer(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static List<Map<String, Object>> reads(String citizen, String id) {
        return get(citizen, "/api/v1/me/access-log?size=200").statusCode(200).extract().<List<Map<String, Object>>>path("items")
                .stream().filter(e -> "LIST_DISPUTE_READ".equals(e.get("kind"))
                        && id.equals(((Map<?, ?>) e.get("details")).get("listDispute"))).toList();
    }
}
