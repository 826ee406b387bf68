package org.certfree.proofs.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.testsupport.Batches;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of staff action walked through the API lands in the audit log once, with its actor, department
 * and target and without personal data; the log is readable, filterable and exportable by ADMIN and the
 * justice bureau's staff only.
 */
@QuarkusTest
class AuditLogTest {

    private static final String PATH = "/api/v1/audit-events";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    private static String admin() {
        return Tokens.bearer(Tokens.admin());
    }

    private JsonPath events(String token, Map<String, ?> filter) {
        return given().header("Authorization", token).queryParams(filter).queryParam("size", 200).get(PATH).then()
                .statusCode(200).extract().jsonPath();
    }

    private List<String> actionsBy(String actor) {
        return events(admin(), Map.of("actor", actor)).getList("items.action");
    }

    @Test
    void everyKindOfStaffActionIsRecordedOnceWithoutPersonalData() {
        String adminSub = "audit-admin-" + run;
        String admin = Tokens.bearer(Tokens.mint("ADMIN", null, adminSub));
        String dept = ("AU" + run.replaceAll("[^0-9a-f]", "")).toUpperCase().substring(0, 8);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("code", dept, "name", "审计测试局", "kind", "GOVERNMENT_DEPARTMENT", "regionCode", "659900",
                        "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(201);
        given().header("Authorization", admin).post("/api/v1/departments/" + dept + "/keys/rotate").then().statusCode(200);
        given().header("Authorization", admin).delete("/api/v1/departments/" + dept).then().statusCode(200);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "审计测试日", "source", "测试"))
                .put("/api/v1/calendar/2099-0" + (1 + (int) (Math.random() * 9)) + "-1" + (int) (Math.random() * 9))
                .then().statusCode(200);

        String editorSub = "audit-editor-" + run;
        String editor = Tokens.bearer(Tokens.mint("LIST_EDITOR", Fixtures.GOOD_ISSUER, editorSub));
        String matter = given().header("Authorization", editor).contentType(ContentType.JSON)
                .body(Matters.retained(null, "审计测试证明" + run)).post("/api/v1/matters").then().statusCode(201)
                .extract().path("code");
        given().header("Authorization", editor).contentType(ContentType.JSON).post("/api/v1/matters/" + matter + "/versions/1/submit").then().statusCode(200);
        String reviewerSub = "audit-reviewer-" + run;
        String reviewer = Tokens.bearer(Tokens.mint("REVIEWER", Fixtures.JUSTICE, reviewerSub));
        given().header("Authorization", reviewer).contentType(ContentType.JSON).post("/api/v1/matters/" + matter + "/versions/1/approve").then().statusCode(200);
        long batch = ((Number) given().header("Authorization", reviewer).contentType(ContentType.JSON)
                .body(Map.of("number", Batches.newNumber())).post("/api/v1/publication-batches").then().statusCode(201)
                .extract().path("id")).longValue();
        given().header("Authorization", reviewer).contentType(ContentType.JSON).body(Map.of("matterCode", matter))
                .post("/api/v1/publication-batches/" + batch + "/entries").then().statusCode(201);
        Batches.publish(batch);

        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "serviceMatter", "审计测试事项", "businessSystem", "测试系统",
                        "proofMatterCode", matter))
                .post("/api/v1/using-units").then().statusCode(201);

        String issuerSub = "audit-issuer-" + run;
        String issuer = Tokens.bearer(Tokens.mint("ISSUER", Fixtures.GOOD_ISSUER, issuerSub));
        String holder = Fixtures.randomResidentId();
        String number = given().header("Authorization", issuer).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "审计甲", "id", holder),
                        "claims", Map.of("户籍地址", "新疆库尔勒市审计路 1 号"), "purpose", "办理入学"))
                .post("/api/v1/proofs").then().statusCode(201).extract().path("number");
        given().header("Authorization", issuer).get("/api/v1/proofs/" + number + "/pdf").then().statusCode(200);
        given().header("Authorization", issuer).contentType(ContentType.JSON).body(Map.of("reason", "ISSUED_IN_ERROR"))
                .post("/api/v1/proofs/" + number + "/revoke").then().statusCode(200);

        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .post("/api/v1/consents").then().statusCode(201);

        assertEquals(List.of("usage.added", "calendar.day-set", "department.deactivated", "key.rotated", "department.created"),
                actionsBy(adminSub));
        assertEquals(List.of("matter.submitted", "matter.created"), actionsBy(editorSub));
        assertEquals(List.of("batch.entry-added", "batch.created", "matter.approved"), actionsBy(reviewerSub));
        assertEquals(List.of("proof.revoked", "personal-data.exported", "proof.issued"), actionsBy(issuerSub));
        assertTrue(events(admin(), Map.of("action", "batch.published")).getList("items.targetId").contains(String.valueOf(batch)));
        JsonPath consents = events(admin(), Map.of("action", "consent.granted", "department", Fixtures.WINDOW));
        assertTrue(consents.getList("items.details.matter").contains(matter), consents.prettify());
        assertTrue(consents.getString("items[0].actor").startsWith("holder:"), "a citizen is named by a blind index");

        JsonPath issued = events(admin(), Map.of("actor", issuerSub, "action", "proof.issued"));
        assertEquals(number, issued.getString("items[0].targetId"));
        assertEquals(Fixtures.GOOD_ISSUER, issued.getString("items[0].department"));
        assertEquals(Fixtures.GOOD_ISSUER, issued.getString("items[0].actorDepartment"));
        assertEquals("proof", issued.getString("items[0].targetType"));
        assertEquals("success", issued.getString("items[0].outcome"));
        assertEquals(matter, issued.getString("items[0].details.matter"));
        assertTrue(issued.getString("items[0].correlationId").length() > 0);

        String everything = events(admin(), Map.of("from", Instant.now().minus(10, ChronoUnit.MINUTES).toString())).prettify();
        for (String personal : List.of(holder, "审计甲", "新疆库尔勒市审计路")) {
            assertFalse(everything.contains(personal), "personal data in the audit log: " + personal);
        }
    }

    @Test
    void aFailedActionLeavesNoRecord() {
        String sub = "audit-refused-" + run;
        given().header("Authorization", Tokens.bearer(Tokens.mint("ADMIN", null, sub))).contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.GOOD_ISSUER, "name", "重复", "kind", "GOVERNMENT_DEPARTMENT", "regionCode", "659900",
                        "roles", List.of("ISSUER")))
                .post("/api/v1/departments").then().statusCode(409);
        assertEquals(List.of(), actionsBy(sub));
    }

    @Test
    void filtersByActionDepartmentAndTimeNewestFirst() {
        String sub = "audit-filter-" + run;
        String admin = Tokens.bearer(Tokens.mint("ADMIN", null, sub));
        Instant before = Instant.now().minusSeconds(1);
        given().header("Authorization", admin).post("/api/v1/departments/" + Fixtures.OTHER_DEPT_ISSUER + "/keys/rotate")
                .then().statusCode(200);
        given().header("Authorization", admin).post("/api/v1/departments/" + Fixtures.OTHER_DEPT_ISSUER + "/keys/rotate")
                .then().statusCode(200);
        Instant after = Instant.now().plusSeconds(1);
        JsonPath page = events(admin(), Map.of("actor", sub, "action", "key.rotated", "department", Fixtures.OTHER_DEPT_ISSUER,
                "from", before.toString(), "to", after.toString()));
        assertEquals(2, page.getInt("total"));
        assertTrue(page.getString("items[0].at").compareTo(page.getString("items[1].at")) >= 0, "newest first");
        assertEquals(0, events(admin(), Map.of("actor", sub, "to", before.toString())).getInt("total"));
        assertEquals(0, events(admin(), Map.of("actor", sub, "department", Fixtures.GOOD_ISSUER)).getInt("total"));
        assertEquals(2, events(admin(), Map.of("actor", sub, "from", before.atOffset(java.time.ZoneOffset.ofHours(8)).toString()))
                .getInt("total"));
        given().header("Authorization", admin()).queryParam("actor", sub).queryParam("size", 1).get(PATH).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", equalTo(2));
    }

    @Test
    void badTimesAndPagesAre400() {
        for (Map<String, String> bad : List.of(Map.of("from", "yesterday"), Map.of("to", "2024-13-01T00:00:00Z"),
                Map.of("from", "2024-05-01"), Map.of("from", "2024-05-02T00:00:00Z", "to", "2024-05-01T00:00:00Z"),
                Map.of("size", "0"))) {
            given().header("Authorization", admin()).queryParams(bad).get(PATH).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"));
            given().header("Authorization", admin()).queryParams(bad).get(PATH + ".csv").then().statusCode(
                    bad.containsKey("size") ? 200 : 400);
        }
    }

    @Test
    void readByAdminAndTheJusticeBureauOnly() {
        given().header("Authorization", admin()).get(PATH).then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.reviewer(Fixtures.JUSTICE))).get(PATH).then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.mint("REVIEWER", Fixtures.JUSTICE, "audit-reader"))).get(PATH + ".csv")
                .then().statusCode(200);
        // staff of other departments, even one that is also a using unit, and citizens: no
        for (String token : List.of(Tokens.issuer(Fixtures.GOOD_ISSUER), Tokens.listEditor(Fixtures.GOOD_ISSUER),
                Tokens.verifier(Fixtures.GOOD_ISSUER), Tokens.verifier(Fixtures.WINDOW), Tokens.citizen(Fixtures.CITIZEN_ID))) {
            given().header("Authorization", Tokens.bearer(token)).get(PATH).then().statusCode(403);
            given().header("Authorization", Tokens.bearer(token)).get(PATH + ".csv").then().statusCode(403);
        }
        given().get(PATH).then().statusCode(401);
        given().get(PATH + ".csv").then().statusCode(401);
    }

    @Test
    void csvExportHasTheFilteredRowsAndIsItselfRecorded() {
        String sub = "audit-csv-" + run;
        given().header("Authorization", Tokens.bearer(Tokens.mint("ADMIN", null, sub)))
                .post("/api/v1/departments/" + Fixtures.OTHER_DEPT_ISSUER + "/keys/rotate").then().statusCode(200);
        String exporter = "audit-exporter-" + run;
        String csv = given().header("Authorization", Tokens.bearer(Tokens.mint("REVIEWER", Fixtures.JUSTICE, exporter)))
                .queryParam("actor", sub).get(PATH + ".csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("audit-events.csv"))
                .extract().asString();
        String[] lines = csv.strip().split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("\uFEFF时间,操作人"), lines[0]);
        assertTrue(lines[1].contains(sub) && lines[1].contains("key.rotated") && lines[1].contains(Fixtures.OTHER_DEPT_ISSUER),
                lines[1]);
        JsonPath exported = events(admin(), Map.of("actor", exporter));
        assertEquals(List.of("audit-log.exported"), exported.getList("items.action"));
        assertEquals(Fixtures.JUSTICE, exported.getString("items[0].actorDepartment"));
        assertEquals("1", exported.getString("items[0].details.rows"));
        assertEquals(sub, exported.getString("items[0].details.actor"));
    }
}
