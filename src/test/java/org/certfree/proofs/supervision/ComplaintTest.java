package org.certfree.proofs.supervision;

import static io.restassured.RestAssured.given;
import static org.certfree.proofs.supervision.ListDisputeTest.get;
import static org.certfree.proofs.supervision.ListDisputeTest.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Complaints that a unit demanded a proof (违规索要证明, issue #15, 3): filed by a citizen with the list state at
 * the demand date attached, investigated and closed by the justice bureau, seen by the unit only once closed and
 * never with the complainant, counted per unit.
 */
@QuarkusTest
class ComplaintTest {

    static final String UNIT = "BZZWZX";
    static final String CANCELLED = "BZZJJ-C001";
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

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

    static Map<String, Object> complaint(String unit, String matter, String ground, String date) {
        Map<String, Object> b = new HashMap<>();
        b.put("departmentCode", unit);
        b.put("matterCode", matter);
        b.put("ground", ground);
        b.put("demandedOn", date);
        b.put("description", "窗口工作人员李四要求我提交无房证明，否则不予受理。");
        return b;
    }

    static String file(String citizen, String unit) {
        return post(citizen, "/api/v1/complaints", complaint(unit, CANCELLED, "CANCELLED", TODAY)).statusCode(201)
                .extract().path("id");
    }

    static String bureau() {
        return ListDisputeTest.bureau();
    }

    @Test
    void aCitizenComplainsAndTheListStateAtTheDemandDateIsAttached() {
        String citizen = Tokens.citizen(Fixtures.randomResidentId());
        String id = post(citizen, "/api/v1/complaints", complaint(UNIT, CANCELLED, "CANCELLED", TODAY)).statusCode(201)
                .header("Location", containsString("/api/v1/complaints/"))
                .body("status", equalTo("ASSIGNED")).body("matterName", equalTo("无房证明"))
                .body("evidence.list", equalTo("CANCELLED")).body("evidence.date", equalTo(TODAY))
                .body("evidence.since.number", notNullValue()).body("description", containsString("李四"))
                .extract().path("id");
        get(citizen, "/api/v1/complaints/" + id).statusCode(200).body("description", containsString("李四"));
        get(citizen, "/api/v1/complaints").statusCode(200).body("items.id", hasItem(id));
        // before any batch the matter was on no list: the evidence says so
        post(citizen, "/api/v1/complaints", complaint(UNIT, CANCELLED, "NOT_RETAINED", "2000-01-01")).statusCode(201)
                .body("evidence.list", nullValue()).body("evidence.required", equalTo(false));
        // a proof not in the catalogue: by name, no evidence
        Map<String, Object> free = complaint(UNIT, null, "NOT_RETAINED", TODAY);
        free.put("matterName", "社区开具的“我妈是我妈”证明");
        post(citizen, "/api/v1/complaints", free).statusCode(201).body("matterCode", nullValue())
                .body("matterName", containsString("我妈")).body("evidence", nullValue());
        // another citizen sees none of it
        String other = Tokens.citizen(Fixtures.randomResidentId());
        get(other, "/api/v1/complaints/" + id).statusCode(403);
        get(other, "/api/v1/complaints").statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void onlyACitizenMayComplainAndBadComplaintsAre4xx() {
        Map<String, Object> good = complaint(UNIT, CANCELLED, "CANCELLED", TODAY);
        for (String staff : List.of(Tokens.issuer("BZZJJ"), Tokens.verifier(UNIT), bureau(), Tokens.admin())) {
            post(staff, "/api/v1/complaints", good).statusCode(403);
        }
        post(null, "/api/v1/complaints", good).statusCode(401);
        String c = Tokens.citizen(Fixtures.randomResidentId());
        post(c, "/api/v1/complaints", null).statusCode(400);
        post(c, "/api/v1/complaints", complaint(null, CANCELLED, "CANCELLED", TODAY)).statusCode(400);
        post(c, "/api/v1/complaints", complaint(UNIT, CANCELLED, null, TODAY)).statusCode(400);
        post(c, "/api/v1/complaints", complaint(UNIT, CANCELLED, "RUDE", TODAY)).statusCode(400);
        post(c, "/api/v1/complaints", complaint(UNIT, CANCELLED, "CANCELLED", null)).statusCode(400);
        post(c, "/api/v1/complaints", complaint(UNIT, CANCELLED, "CANCELLED", "2024-02-30")).statusCode(400);
        post(c, "/api/v1/complaints", complaint(UNIT, CANCELLED, "CANCELLED", "2999-01-01")).statusCode(400)
                .body("errors.field", hasItem("demandedOn"));
        post(c, "/api/v1/complaints", complaint(UNIT, null, "CANCELLED", TODAY)).statusCode(400);
        Map<String, Object> empty = complaint(UNIT, CANCELLED, "CANCELLED", TODAY);
        empty.put("description", "");
        post(c, "/api/v1/complaints", empty).statusCode(400);
        post(c, "/api/v1/complaints", complaint("NOPE", CANCELLED, "CANCELLED", TODAY)).statusCode(422);
        post(c, "/api/v1/complaints", complaint(UNIT, "NOPE-N999", "CANCELLED", TODAY)).statusCode(422);
        get(c, "/api/v1/complaints").statusCode(200).body("total", equalTo(0));
        get(c, "/api/v1/complaints/6a1b0e1e-0000-4000-8000-000000000000").statusCode(404);
    }

    @Test
    void theJusticeBureauInvestigatesAndClosesTheUnitSeesItOnlyThenAndMasked() {
        String citizen = Tokens.citizen(Fixtures.randomResidentId());
        String id = file(citizen, UNIT);
        String unitStaff = Tokens.verifier(UNIT);
        get(unitStaff, "/api/v1/complaints/" + id).statusCode(403);
        get(unitStaff, "/api/v1/complaints").statusCode(200).body("items.id", not(hasItem(id)));
        get(bureau(), "/api/v1/complaints/" + id).statusCode(200).body("description", containsString("李四"));
        get(bureau(), "/api/v1/complaints?department=" + UNIT + "&status=ASSIGNED").statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.description", nullValue());
        // the bureau's read of the account is in the complainant's access log (and the list, without it, is not)
        List<Map<String, Object>> reads = get(citizen, "/api/v1/me/access-log?size=200").statusCode(200)
                .extract().<List<Map<String, Object>>>path("items").stream()
                .filter(e -> "COMPLAINT_READ".equals(e.get("kind")) && id.equals(((Map<?, ?>) e.get("details")).get("complaint")))
                .toList();
        assertEquals(1, reads.size(), reads.toString());
        assertEquals("查看投诉内容", reads.get(0).get("kindText"));
        assertEquals("BZSFJ", reads.get(0).get("unit"));

        String investigate = "/api/v1/complaints/" + id + "/investigation";
        for (String token : List.of(citizen, unitStaff, Tokens.issuer("BZSFJ"))) {
            post(token, investigate, Map.of()).statusCode(403);
        }
        post(bureau(), investigate, Map.of("version", 3)).statusCode(409).body("type", containsString("stale-version"));
        post(bureau(), investigate, Map.of("version", 0)).statusCode(200).body("status", equalTo("INVESTIGATING"))
                .body("investigator", notNullValue());
        post(bureau(), investigate, Map.of()).statusCode(409);

        String close = "/api/v1/complaints/" + id + "/close";
        Map<String, Object> founded = Map.of("outcome", "FOUNDED", "text", "经查属实：该单位仍索要已取消的无房证明，责令整改。");
        post(unitStaff, close, founded).statusCode(403);
        post(citizen, close, founded).statusCode(403);
        post(bureau(), close, Map.of("outcome", "FOUNDED")).statusCode(400);
        post(bureau(), close, Map.of("outcome", "INVESTIGATING", "text", "x")).statusCode(400);
        post(bureau(), close, Map.of("outcome", "FOUNDED", "text", "x", "version", 0)).statusCode(409);
        post(bureau(), "/api/v1/complaints/6a1b0e1e-0000-4000-8000-000000000000/close", founded).statusCode(404);
        post(bureau(), close, founded).statusCode(200).body("status", equalTo("FOUNDED")).body("closedAt", notNullValue());
        post(bureau(), close, founded).statusCode(409);

        // the complainant sees the finding; the unit now sees the complaint, without description or who
        get(citizen, "/api/v1/complaints/" + id).statusCode(200).body("outcome", containsString("责令整改"));
        String unitView = get(unitStaff, "/api/v1/complaints/" + id).statusCode(200).body("status", equalTo("FOUNDED"))
                .body("description", nullValue()).body("investigator", nullValue())
                .body("outcome", containsString("责令整改")).extract().asString();
        assertEquals(-1, unitView.indexOf("holder:"));
        assertEquals(-1, unitView.indexOf("李四"));
        get(Tokens.mint("VERIFIER", UNIT, "another-window-clerk"), "/api/v1/complaints").statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.description", nullValue());
        get(Tokens.issuer("BZGAJ"), "/api/v1/complaints/" + id).statusCode(403);
    }

    /** A complaint against the justice bureau itself is not the bureau's to handle (recusal): ADMIN handles it. */
    @Test
    void theBureauDoesNotHandleComplaintsAgainstItselfAdminDoes() {
        String citizen = Tokens.citizen(Fixtures.randomResidentId());
        String id = file(citizen, ListDisputeTest.JUSTICE);
        String investigate = "/api/v1/complaints/" + id + "/investigation";
        String close = "/api/v1/complaints/" + id + "/close";
        post(bureau(), investigate, Map.of("version", 0)).statusCode(403)
                .body("detail", containsString("回避"));
        post(bureau(), close, Map.of("outcome", "DISMISSED", "text", "不属实。"))
                .statusCode(403);
        for (String token : List.of(citizen, Tokens.issuer(ListDisputeTest.JUSTICE), Tokens.verifier(UNIT))) {
            post(token, investigate, Map.of()).statusCode(403);
            post(token, close, Map.of("outcome", "DISMISSED", "text", "不属实。")).statusCode(403);
        }
        // ADMIN sees what the bureau sees and handles this one
        get(Tokens.admin(), "/api/v1/complaints?status=ASSIGNED&department=" + ListDisputeTest.JUSTICE + "&size=200")
                .statusCode(200).body("items.id", hasItem(id));
        get(Tokens.admin(), "/api/v1/complaints/" + id).statusCode(200).body("description", containsString("李四"));
        post(Tokens.admin(), investigate, Map.of("version", 0)).statusCode(200).body("status", equalTo("INVESTIGATING"));
        post(Tokens.admin(), close, Map.of("outcome", "FOUNDED", "text", "经查属实，责令司法局整改。")).statusCode(200)
                .body("status", equalTo("FOUNDED"));
        get(citizen, "/api/v1/complaints/" + id).statusCode(200).body("outcome", containsString("责令"));
        // a complaint against any other unit stays the bureau's
        String other = file(citizen, UNIT);
        post(Tokens.admin(), "/api/v1/complaints/" + other + "/investigation", Map.of()).statusCode(403)
                .body("detail", containsString("司法局"));
        post(Tokens.admin(), "/api/v1/complaints/" + other + "/close", Map.of("outcome", "DISMISSED", "text", "x"))
                .statusCode(403);
        post(bureau(), "/api/v1/complaints/" + other + "/investigation", Map.of()).statusCode(200);
    }

    @Test
    void filingInvestigatingAndClosingHonourTheIdempotencyKey() {
        String citizen = Tokens.citizen(Fixtures.randomResidentId());
        String fileKey = "c-file-" + UUID.randomUUID();
        Map<String, Object> body = complaint(UNIT, CANCELLED, "CANCELLED", TODAY);
        String id = ListDisputeTest.keyed(citizen, fileKey, "/api/v1/complaints", body).statusCode(201).extract().path("id");
        ListDisputeTest.keyed(citizen, fileKey, "/api/v1/complaints", body).statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", containsString(id)).body("id", equalTo(id));
        ListDisputeTest.keyed(citizen, fileKey, "/api/v1/complaints", complaint(UNIT, CANCELLED, "NOT_RETAINED", TODAY))
                .statusCode(422).body("type", containsString("idempotency-key-reused"));
        get(citizen, "/api/v1/complaints").statusCode(200).body("total", equalTo(1));

        String investigate = "/api/v1/complaints/" + id + "/investigation";
        String key = "c-inv-" + UUID.randomUUID();
        ListDisputeTest.keyed(bureau(), key, investigate, Map.of("version", 0)).statusCode(200)
                .body("status", equalTo("INVESTIGATING"));
        ListDisputeTest.keyed(bureau(), key, investigate, Map.of("version", 0)).statusCode(200)
                .header("Idempotent-Replayed", "true").body("status", equalTo("INVESTIGATING")).body("version", equalTo(1));
        ListDisputeTest.keyed(bureau(), key, investigate, Map.of("version", 1)).statusCode(422)
                .body("type", containsString("idempotency-key-reused"));

        String close = "/api/v1/complaints/" + id + "/close";
        String closeKey = "c-close-" + UUID.randomUUID();
        Map<String, Object> founded = Map.of("outcome", "FOUNDED", "text", "属实，责令整改。");
        ListDisputeTest.keyed(bureau(), closeKey, close, founded).statusCode(200).body("status", equalTo("FOUNDED"));
        ListDisputeTest.keyed(bureau(), closeKey, close, founded).statusCode(200).header("Idempotent-Replayed", "true")
                .body("status", equalTo("FOUNDED"));
        ListDisputeTest.keyed(bureau(), closeKey, close, Map.of("outcome", "DISMISSED", "text", "不属实。")).statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        get(citizen, "/api/v1/complaints/" + id).statusCode(200).body("status", equalTo("FOUNDED"))
                .body("outcome", equalTo("属实，责令整改。"));
    }

    @Test
    void theJusticeBureauCountsComplaintsPerUnit() {
        String unit = Fixtures.OTHER_WINDOW;
        String summary = "/api/v1/complaints/summary?from=" + TODAY + "&to=" + TODAY;
        long[] before = counts(get(bureau(), summary).statusCode(200).extract().jsonPath(), unit);
        String citizen = Tokens.citizen(Fixtures.randomResidentId());
        String a = file(citizen, unit);
        String b = file(citizen, unit);
        file(citizen, unit);
        post(bureau(), "/api/v1/complaints/" + a + "/close", Map.of("outcome", "FOUNDED", "text", "属实")).statusCode(200);
        post(bureau(), "/api/v1/complaints/" + b + "/close", Map.of("outcome", "DISMISSED", "text", "该单位未索要")).statusCode(200);
        long[] after = counts(get(bureau(), summary).statusCode(200).extract().jsonPath(), unit);
        assertEquals(List.of(3L, 1L, 1L, 1L), List.of(after[0] - before[0], after[1] - before[1], after[2] - before[2],
                after[3] - before[3]));
        get(bureau(), "/api/v1/complaints/summary?from=2000-01-01&to=2000-01-31").statusCode(200).body("units.size()", equalTo(0));

        for (String token : List.of(citizen, Tokens.verifier(unit), Tokens.issuer("BZSFJ"))) {
            get(token, summary).statusCode(403);
        }
        // ADMIN gets what the bureau gets
        assertEquals(List.of(after[0], after[1], after[2], after[3]), java.util.Arrays.stream(
                counts(get(Tokens.admin(), summary).statusCode(200).extract().jsonPath(), unit)).boxed().toList());
        // dates PostgreSQL cannot take are a 400, not a 500
        // (as query parameters, so that the "+" is sent as %2B, not read as a space)
        given().header("Authorization", Tokens.bearer(bureau())).queryParam("from", "+300000-01-01")
                .queryParam("to", "+300000-01-31").get("/api/v1/complaints/summary").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("9999"));
        given().header("Authorization", Tokens.bearer(bureau())).queryParam("from", "2024-01-01")
                .queryParam("to", "+300000-01-31").get("/api/v1/complaints/summary").then().statusCode(400);
        get(bureau(), "/api/v1/complaints/summary?from=" + TODAY).statusCode(400);
        get(bureau(), "/api/v1/complaints/summary?from=2024-02-01&to=2024-01-01").statusCode(400);
        get(bureau(), "/api/v1/complaints/summary?from=jan&to=2024-01-01").statusCode(400);
    }

    private static long[] counts(JsonPath summary, String unit) {
        List<Map<String, Object>> units = summary.getList("units");
        return units.stream().filter(u -> unit.equals(u.get("departmentCode"))).findFirst()
                .map(u -> new long[] { n(u, "received"), n(u, "founded"), n(u, "dismissed"), n(u, "open") })
                .orElse(new long[4]);
    }

    private static long n(Map<String, Object> u, String key) {
        return ((Number) u.get(key)).longValue();
    }
}
