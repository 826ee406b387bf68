package org.certfree.proofs.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo lists: at least 30 matters over the three lists, two batches (the second amends and removes), idempotent. */
@QuarkusTest
class ListDemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Test
    void seedingPublishesTwoBatchesOnceAndTheListsAreBrowsable() {
        demoData.seed();
        lists.seed();
        assertEquals(0, lists.seed());
        assertTrue(DemoMatters.MATTERS.size() >= 30);
        for (String kind : List.of("RETAINED", "CANCELLED", "NOTIFY_COMMIT")) {
            assertTrue(DemoMatters.MATTERS.stream().filter(m -> m.kind().name().equals(kind)).count() >= 8, kind);
        }

        List<Map<String, Object>> batches = given().get("/api/v1/publication-batches").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.number.startsWith('2024年') }");
        assertEquals(List.of(ListDemoData.FIRST_BATCH, ListDemoData.SECOND_BATCH), batches.stream().map(b -> b.get("number")).toList());
        long second = ((Number) batches.get(1).get("id")).longValue();
        JsonPath batch2 = given().get("/api/v1/publication-batches/" + second).then().statusCode(200).extract().jsonPath();
        assertTrue(batch2.getList("entries.action").containsAll(List.of("ADD", "AMEND", "REMOVE")));
        String firstPublished = given().get("/api/v1/publication-batches/" + batches.get(0).get("id"))
                .then().extract().path("publishedAt");

        given().get("/api/v1/lists/retained/" + ListDemoData.AMENDED_MATTER).then().statusCode(200)
                .body("version", equalTo(2)).body("content.retained.timeLimit.kind", equalTo("IMMEDIATE"));
        given().get("/api/v1/lists/retained/" + ListDemoData.REMOVED_MATTER).then().statusCode(404);
        given().queryParam("asOf", firstPublished).get("/api/v1/lists/retained/" + ListDemoData.REMOVED_MATTER)
                .then().statusCode(200).body("version", equalTo(1));
        given().queryParam("q", "出生医学").get("/api/v1/lists/retained").then().statusCode(200)
                .body("items.code", hasItem("BZWJW-R001"));
        given().queryParam("department", "BZGAJ").queryParam("size", 200).get("/api/v1/lists/cancelled").then().statusCode(200)
                .body("items.code", hasItems("BZGAJ-C001", "BZGAJ-C002", "BZGAJ-C003"));
        given().queryParam("scenario", "BUSINESS_STARTUP").queryParam("size", 200).get("/api/v1/lists/notify-commit")
                .then().statusCode(200).body("items.code", hasItems("BZSCJGJ-N001", "BZMZJ-N001", "BZWJW-N001"));
        given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(true));
    }
}
