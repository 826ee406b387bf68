package org.certfree.proofs.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Shortcuts for publication batches in tests (the justice bureau fixture publishes). */
public final class Batches {

    /** Batch numbers of tests live in years no real batch uses, so they never collide with demo data. */
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 5000));

    private Batches() {
    }

    public static String newNumber() {
        int n = NEXT.incrementAndGet();
        return (2100 + (n / 9000) % 800) + "年第" + (1 + n % 9000) + "批";
    }

    public static String reviewer() {
        return Tokens.bearer(Tokens.reviewer(Fixtures.JUSTICE));
    }

    /** A second reviewer of the justice bureau: who assembles a batch never publishes it (four eyes). */
    public static String publisher() {
        return Tokens.bearer(Tokens.mint("REVIEWER", Fixtures.JUSTICE, "test-publisher"));
    }

    /** Creates a draft batch and returns its id. */
    public static long create() {
        return ((Number) given().header("Authorization", reviewer()).contentType(ContentType.JSON)
                .body(Map.of("number", newNumber())).post("/api/v1/publication-batches")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    public static void add(long batch, String code) {
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", code))
                .post("/api/v1/publication-batches/" + batch + "/entries").then().statusCode(201);
    }

    /** Publishes and returns the published batch. */
    public static JsonPath publish(long batch) {
        return given().header("Authorization", publisher()).contentType(ContentType.JSON)
                .post("/api/v1/publication-batches/" + batch + "/publish").then().statusCode(200).extract().jsonPath();
    }

    /** A batch with these approved matters, published; returns the published batch. */
    public static JsonPath publishWith(List<String> codes) {
        long id = create();
        codes.forEach(c -> add(id, c));
        return publish(id);
    }
}
