package org.certfree.proofs.supervision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
}
