package org.certfree.proofs.publication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.testsupport.Batches;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every 4xx of the publication endpoints, and who may call them. */
@QuarkusTest
class PublicationRulesTest {

    /** A second reviewing department, to show one bureau cannot touch another's draft. */
    static final String OTHER_JUSTICE = "TSFJ2";

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        int status = given().header("Authorization", Tokens.bearer(Tokens.admin())).contentType(ContentType.JSON)
                .body(Map.of("code", OTHER_JUSTICE, "name", "测试县司法局", "kind", "JUSTICE_BUREAU", "regionCode", "659901",
                        "roles", List.of("REVIEWER")))
                .post("/api/v1/departments").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("department fixture: " + status);
        }
    }

    private static String reviewer() {
        return Batches.reviewer();
    }

    /** Issue #12, item 1: whoever assembled a batch (opened it, or put an entry in it) never publishes it. */
    @Test
    void whoAssembledABatchDoesNotPublishIt() {
        String matter = Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, Matters.retained(null, "双人复核的证明"));
        long id = Batches.create();
        Batches.add(id, matter);
        given().header("Authorization", reviewer()).contentType(ContentType.JSON)
                .post("/api/v1/publication-batches/" + id + "/publish").then().statusCode(403)
                .body("detail", equalTo(Messages.BATCH_FOUR_EYES.formatted(number(id))));
        // a second reviewer who only added an entry is an assembler too
        String adder = Tokens.bearer(Tokens.mint("REVIEWER", Fixtures.JUSTICE, "test-entry-adder"));
        String other = Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, Matters.retained(null, "双人复核的证明二"));
        given().header("Authorization", adder).contentType(ContentType.JSON).body(Map.of("matterCode", other))
                .post("/api/v1/publication-batches/" + id + "/entries").then().statusCode(201);
        given().header("Authorization", adder).contentType(ContentType.JSON)
                .post("/api/v1/publication-batches/" + id + "/publish").then().statusCode(403);
        Batches.publish(id); // a reviewer who did neither publishes
    }

    private static String number(long batch) {
        return given().header("Authorization", reviewer()).get("/api/v1/publication-batches/" + batch).then().statusCode(200)
                .extract().path("number");
    }

    @Test
    void emptyBatchAndUnapprovedVersionsAreRefusedWithClearMessages() {
        long id = Batches.create();
        given().header("Authorization", Batches.publisher()).contentType(ContentType.JSON)
                .post("/api/v1/publication-batches/" + id + "/publish")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("空批次"));

        String draft = Matters.create(Fixtures.GOOD_ISSUER, Matters.retained(null, "未提交的证明"));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON)
                .body(Map.of("matterCode", draft, "matterVersion", 1))
                .post("/api/v1/publication-batches/" + id + "/entries")
                .then().statusCode(422).body("detail", containsString("只有审核通过（APPROVED）的版本"));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", draft))
                .post("/api/v1/publication-batches/" + id + "/entries")
                .then().statusCode(422).body("detail", containsString("还没有审核通过的版本"));
        given().header("Authorization", Tokens.bearer(Tokens.listEditor(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .post("/api/v1/matters/" + draft + "/versions/1/submit").then().statusCode(200);
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", draft))
                .post("/api/v1/publication-batches/" + id + "/entries")
                .then().statusCode(422);
        given().header("Authorization", reviewer()).contentType(ContentType.JSON)
                .body(Map.of("matterCode", draft, "matterVersion", 9))
                .post("/api/v1/publication-batches/" + id + "/entries").then().statusCode(404);
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", "NO-SUCH-MATTER"))
                .post("/api/v1/publication-batches/" + id + "/entries")
                .then().statusCode(404).body("detail", containsString("NO-SUCH-MATTER"));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/publication-batches/" + id + "/entries")
                .then().statusCode(400).body("errors.field", hasItem("matterCode"));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", "X"))
                .post("/api/v1/publication-batches/999999999/entries").then().statusCode(404);
        given().header("Authorization", reviewer()).contentType(ContentType.JSON)
                .post("/api/v1/publication-batches/999999999/publish").then().statusCode(404);
        given().header("Authorization", reviewer()).delete("/api/v1/publication-batches/" + id).then().statusCode(204);
        given().header("Authorization", reviewer()).get("/api/v1/publication-batches/" + id).then().statusCode(404);
    }

    @Test
    void duplicatesStaleVersionsAndCompetingBatches() {
        String a = Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, Matters.retained(null, "竞争批次证明"));
        String number = Batches.newNumber();
        long id = ((Number) given().header("Authorization", reviewer()).contentType(ContentType.JSON)
                .body(Map.of("number", number, "title", "测试批次")).post("/api/v1/publication-batches")
                .then().statusCode(201).header("Location", matchesPattern(".*/api/v1/publication-batches/\\d+"))
                .body("status", equalTo("DRAFT")).body("title", equalTo("测试批次"))
                .extract().path("id")).longValue();
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("number", number))
                .post("/api/v1/publication-batches")
                .then().statusCode(409).header("Location", endsWith("/api/v1/publication-batches/" + id));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("number", "第一批"))
                .post("/api/v1/publication-batches").then().statusCode(400).body("errors.field", hasItem("number"));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/publication-batches").then().statusCode(201).body("number", matchesPattern("^\\d{4}年第\\d+批$"));

        Batches.add(id, a);
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", a))
                .post("/api/v1/publication-batches/" + id + "/entries").then().statusCode(409).body("detail", containsString("只能出现一次"));
        // another draft with the same matter: whichever is published second no longer fits the lists
        long competing = Batches.create();
        Batches.add(competing, a);
        given().header("Authorization", Batches.publisher()).contentType(ContentType.JSON).body(Map.of("version", 0))
                .post("/api/v1/publication-batches/" + id + "/publish").then().statusCode(409)
                .body("type", equalTo("urn:certfree:problem:stale-version"));
        given().header("Authorization", reviewer()).get("/api/v1/publication-batches/" + id)
                .then().statusCode(200).header("ETag", not(equalTo(null)));
        Batches.publish(id);
        given().header("Authorization", Batches.publisher()).contentType(ContentType.JSON)
                .post("/api/v1/publication-batches/" + competing + "/publish")
                .then().statusCode(409).body("detail", containsString("已在保留证明事项清单上"));
        given().header("Authorization", reviewer()).delete("/api/v1/publication-batches/" + competing + "/entries/1")
                .then().statusCode(204);
        given().header("Authorization", reviewer()).delete("/api/v1/publication-batches/" + competing + "/entries/1")
                .then().statusCode(404);
        // the published version cannot be published again as an amendment
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("matterCode", a))
                .post("/api/v1/publication-batches/" + competing + "/entries")
                .then().statusCode(409).body("detail", containsString("已是第 1 版"));
    }

    @Test
    void onlyReviewersOfTheBatchAuthorityWriteAndEveryoneReadsPublished() {
        String a = Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, Matters.retained(null, "权限测试证明"));
        long draft = Batches.create();
        long published = Batches.publishWith(List.of(a)).getLong("id");
        List<String> notReviewers = List.of(Tokens.admin(), Tokens.listEditor(Fixtures.GOOD_ISSUER),
                Tokens.issuer(Fixtures.GOOD_ISSUER), Tokens.verifier(Fixtures.WINDOW), Tokens.citizen(Fixtures.CITIZEN_ID));
        for (String t : notReviewers) {
            String token = Tokens.bearer(t);
            given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of())
                    .post("/api/v1/publication-batches").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("matterCode", a))
                    .post("/api/v1/publication-batches/" + draft + "/entries").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON)
                    .post("/api/v1/publication-batches/" + draft + "/publish").then().statusCode(403);
            given().header("Authorization", token).delete("/api/v1/publication-batches/" + draft).then().statusCode(403);
            given().header("Authorization", token).delete("/api/v1/publication-batches/" + draft + "/entries/1").then().statusCode(403);
            given().header("Authorization", token).get("/api/v1/publication-batches/" + draft).then().statusCode(404);
            given().header("Authorization", token).get("/api/v1/publication-batches/" + published).then().statusCode(200);
        }
        // anonymous: writes 401, published reads open
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/publication-batches").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("matterCode", a))
                .post("/api/v1/publication-batches/" + draft + "/entries").then().statusCode(401);
        given().contentType(ContentType.JSON).post("/api/v1/publication-batches/" + draft + "/publish").then().statusCode(401);
        given().delete("/api/v1/publication-batches/" + draft).then().statusCode(401);
        given().delete("/api/v1/publication-batches/" + draft + "/entries/1").then().statusCode(401);
        given().get("/api/v1/publication-batches").then().statusCode(200).body("id", hasItem((int) published))
                .body("id", not(hasItem((int) draft)));
        given().header("Authorization", reviewer()).queryParam("status", "DRAFT").get("/api/v1/publication-batches")
                .then().statusCode(200).body("id", hasItem((int) draft));
        given().queryParam("status", "DRAFT").get("/api/v1/publication-batches").then().statusCode(200)
                .body("size()", equalTo(0));
        given().get("/api/v1/publication-batches/" + published).then().statusCode(200).body("signatureStatus", not(equalTo(null)));
        given().get("/api/v1/publication-batches/" + published + "/manifest").then().statusCode(200)
                .header("Repr-Digest", containsString("sha-256=:"));
        given().get("/api/v1/publication-batches/" + draft + "/manifest").then().statusCode(404);
        given().get("/api/v1/publication-batches/" + draft + "/export").then().statusCode(404);

        // another justice bureau's reviewer cannot touch this bureau's draft
        String otherReviewer = Tokens.bearer(Tokens.reviewer(OTHER_JUSTICE));
        given().header("Authorization", otherReviewer).contentType(ContentType.JSON).body(Map.of("matterCode", a))
                .post("/api/v1/publication-batches/" + draft + "/entries")
                .then().statusCode(403).body("detail", containsString(Fixtures.JUSTICE));
        given().header("Authorization", otherReviewer).contentType(ContentType.JSON)
                .post("/api/v1/publication-batches/" + draft + "/publish").then().statusCode(403);
        given().header("Authorization", otherReviewer).delete("/api/v1/publication-batches/" + draft).then().statusCode(403);
    }

    @Test
    void badParametersOfPublicReads() {
        given().get("/api/v1/lists/permits").then().statusCode(404).body("detail", containsString("notify-commit"));
        given().queryParam("asOf", "yesterday").get("/api/v1/lists/retained").then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
        given().queryParam("asOf", "2024-13-01").get("/api/v1/lists/retained").then().statusCode(400);
        given().queryParam("size", 500).get("/api/v1/lists/retained").then().statusCode(400);
        given().queryParam("scenario", "PICNIC").get("/api/v1/lists/retained").then().statusCode(400);
        given().queryParam("asOf", "2024-03-01T10:00:00+08:00").get("/api/v1/lists/cancelled").then().statusCode(200);
        given().get("/api/v1/publication-batches/diff").then().statusCode(400);
        given().queryParam("from", 1).queryParam("to", 999999999).get("/api/v1/publication-batches/diff").then().statusCode(404);
        given().get("/api/v1/publication-batches/999999999").then().statusCode(404);
        given().get("/api/v1/transparency/inclusion").then().statusCode(400);
        given().queryParam("batch", 999999999).get("/api/v1/transparency/inclusion").then().statusCode(404);
        given().queryParam("treeSize", 0).get("/api/v1/transparency/tree-head").then().statusCode(400);
        given().queryParam("first", 0).get("/api/v1/transparency/consistency").then().statusCode(400);
        given().queryParam("first", 2).queryParam("second", 1).get("/api/v1/transparency/consistency").then().statusCode(400);
        given().queryParam("first", 1).queryParam("second", 999999).get("/api/v1/transparency/consistency").then().statusCode(400);
        long id = Batches.publishWith(List.of(Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE,
                Matters.retained(null, "参数测试证明")))).getLong("id");
        int logIndex = given().get("/api/v1/publication-batches/" + id).then().extract().path("logIndex");
        if (logIndex > 0) {
            given().queryParam("batch", id).queryParam("treeSize", logIndex).get("/api/v1/transparency/inclusion")
                    .then().statusCode(400).body("detail", containsString("不在大小为"));
        }
    }
}
