package org.certfree.proofs.publication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The point-in-time answer (issue #15, 5) on the demo lists: 2024年第1批 puts every demo matter but three on
 * its list; 2024年第2批 adds those three, amends BZGAJ-R002 and removes BZZJJ-R001 (its data became shared).
 * No login needed. On a database that had batches before the demo, both demo batches are published "now";
 * the checks that need a day between them are then skipped.
 */
@QuarkusTest
class RequirementTest {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private static final String REMOVED = "BZZJJ-R001";
    private static final String AMENDED = "BZGAJ-R002";
    private static final String CANCELLED = "BZZJJ-C001";
    private static final String ADDED_LATER = "BZYBJ-C001";

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @BeforeEach
    void demo() {
        demoData.seed();
        lists.seed();
    }

    private static ValidatableResponse ask(String matter, String date) {
        return given().queryParam("matter", matter).queryParam("date", date).get("/api/v1/lists/requirement").then();
    }

    /** The answer at the instant {@code batch} was published (it counts). */
    private static ValidatableResponse askAt(String matter, Map<String, Object> batch) {
        return given().queryParam("matter", matter).queryParam("at", batch.get("publishedAt")).get("/api/v1/lists/requirement").then();
    }

    private static Map<String, Object> batch(String number) {
        List<Map<String, Object>> all = given().get("/api/v1/publication-batches").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return all.stream().filter(b -> number.equals(b.get("number"))).findFirst().orElseThrow();
    }

    private static LocalDate day(Map<String, Object> batch) {
        return Instant.parse((String) batch.get("publishedAt")).atZone(CST).toLocalDate();
    }

    @Test
    void aRemovedMatterWasRequiredUntilTheBatchThatRemovedItAndSaysWhy() {
        Map<String, Object> first = batch("2024年第1批");
        Map<String, Object> second = batch("2024年第2批");
        // at the instants the batches were published: the demo batches may share a day in a shared database
        askAt(REMOVED, first).statusCode(200)
                .body("matterCode", equalTo(REMOVED)).body("list", equalTo("RETAINED")).body("required", equalTo(true))
                .body("version", equalTo(1)).body("since.number", equalTo("2024年第1批"))
                .body("versionSince.number", equalTo("2024年第1批"))
                .body("removedOrMovedBy.batch.number", equalTo("2024年第2批"))
                .body("removedOrMovedBy.action", equalTo("REMOVE"))
                .body("removedOrMovedBy.reason", containsString("共享"))
                .body("current.list", nullValue()).body("current.since.number", equalTo("2024年第2批"));
        askAt(REMOVED, second).statusCode(200)
                .body("list", nullValue()).body("required", equalTo(false))
                .body("lastChangeBefore.action", equalTo("REMOVE")).body("lastChangeBefore.batch.number", equalTo("2024年第2批"))
                .body("laterChanges.size()", equalTo(0)).body("removedOrMovedBy", nullValue());
    }

    @Test
    void anAmendedMatterStaysOnItsListSinceTheFirstBatchInItsNewVersion() {
        Map<String, Object> second = batch("2024年第2批");
        ask(AMENDED, day(second).toString()).statusCode(200)
                .body("list", equalTo("RETAINED")).body("version", equalTo(2))
                .body("since.number", equalTo("2024年第1批")).body("versionSince.number", equalTo("2024年第2批"))
                .body("removedOrMovedBy", nullValue())
                .body("current.list", equalTo("RETAINED")).body("current.version", equalTo(2));
    }

    @Test
    void aCancelledMatterIsNotRequiredAndAMatterAddedLaterWasOnNoListBefore() {
        Map<String, Object> first = batch("2024年第1批");
        Map<String, Object> second = batch("2024年第2批");
        ask(CANCELLED, day(first).toString()).statusCode(200)
                .body("list", equalTo("CANCELLED")).body("required", equalTo(false)).body("listLabel", equalTo("取消证明事项清单"))
                .body("since.publishedAt", equalTo(first.get("publishedAt")));
        askAt(ADDED_LATER, first).statusCode(200)
                .body("list", nullValue()).body("lastChangeBefore", nullValue())
                .body("laterChanges[0].batch.number", equalTo("2024年第2批")).body("laterChanges[0].action", equalTo("ADD"))
                .body("current.list", equalTo("CANCELLED"));
    }

    @Test
    void beforeAnyBatchAMatterWasOnNoList() {
        ask(REMOVED, "2000-01-01").statusCode(200)
                .body("date", equalTo("2000-01-01")).body("asOf", equalTo("2000-01-01T15:59:59.999999Z"))
                .body("list", nullValue()).body("required", equalTo(false)).body("since", nullValue())
                .body("lastChangeBefore", nullValue()).body("removedOrMovedBy", nullValue())
                .body("laterChanges[0].action", equalTo("ADD")).body("laterChanges[-1].action", equalTo("REMOVE"));
    }

    @Test
    void badDatesAre400AndAMatterNeverPublishedIs404() {
        for (String bad : List.of("2024-13-01", "2024/01/31", "yesterday", "2024-01-31T10:00:00+08:00")) {
            ask(REMOVED, bad).statusCode(400).body("status", equalTo(400)).body("type", containsString("bad-parameter"));
        }
        given().queryParam("matter", REMOVED).get("/api/v1/lists/requirement").then().statusCode(400);
        given().queryParam("matter", REMOVED).queryParam("at", "2024-06-30").get("/api/v1/lists/requirement").then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("at"));
        given().queryParam("matter", REMOVED).queryParam("at", "2024-06-30T10:00:00Z").queryParam("date", "2024-06-30")
                .get("/api/v1/lists/requirement").then().statusCode(400);
        given().queryParam("date", "2024-06-30").get("/api/v1/lists/requirement").then().statusCode(400);
        ask("NOPE-N999", "2024-06-30").statusCode(404).body("detail", containsString("NOPE-N999"));
    }

    @Test
    void theAnswerIsTheSameForEveryone() {
        String anonymous = ask(CANCELLED, "2024-12-31").statusCode(200).extract().asString();
        String staff = given().header("Authorization", org.certfree.proofs.testsupport.Tokens.bearer(
                org.certfree.proofs.testsupport.Tokens.issuer("BZGAJ"))).queryParam("matter", CANCELLED)
                .queryParam("date", "2024-12-31").get("/api/v1/lists/requirement").then().statusCode(200).extract().asString();
        assertEquals(anonymous, staff);
    }
}
