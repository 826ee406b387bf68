package org.certfree.proofs.commitment;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.certfree.proofs.testsupport.Tokens;

/** Pledge fixtures on the demo notify-and-commit list (seeded by the tests that use them). */
final class Pledges {

    /** Every pledge checked; fields address and useRight, both required. */
    static final String MARKET = "BZSCJGJ-N001";
    /** Checked with the help of BZMZJ. */
    static final String POLICE = "BZGAJ-N001";
    /** 50 % sampled; fields address (required) and area. */
    static final String HEALTH = "BZWJW-N001";
    /** On the retained list, not the notify-and-commit one. */
    static final String RETAINED = "BZWJW-R001";
    static final String UNIT = "BZZWZX";
    static final String OTHER_UNIT = "KELSZWZX";
    static final String SERVICE = "个体工商户设立登记";

    private Pledges() {
    }

    static String hash(String matter) {
        return given().get("/api/v1/commitment-templates/" + matter).then().statusCode(200).extract().path("hash");
    }

    static String textHash(String matter) {
        return given().get("/api/v1/commitment-templates/" + matter).then().statusCode(200).extract().path("textHash");
    }

    static Map<String, String> answers(String matter) {
        return switch (matter) {
            case MARKET -> Map.of("address", "新疆博乐市青得里大街 88 号", "useRight", "租赁");
            case POLICE -> Map.of("relative", "张建国", "relationship", "父子");
            case HEALTH -> Map.of("address", "新疆博乐市北京路 12 号", "area", "320");
            default -> Map.of();
        };
    }

    static Map<String, Object> body(String matter, String holder, String name) {
        Map<String, Object> b = new HashMap<>();
        b.put("matterCode", matter);
        b.put("templateHash", hash(matter));
        b.put("textHash", textHash(matter));
        b.put("usingUnit", UNIT);
        b.put("serviceMatter", SERVICE);
        b.put("pledger", Map.of("kind", "PERSON", "name", name, "id", holder));
        b.put("answers", answers(matter));
        b.put("accept", true);
        return b;
    }

    static ValidatableResponse post(String token, Object body) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/commitments").then();
    }

    /** A pledge made by the holder themselves; its view as the holder sees it. */
    static Map<String, Object> made(String matter, String holder) {
        return post(Tokens.citizen(holder), body(matter, holder, "王芳")).statusCode(201).extract().as(Map.class);
    }
}
