package org.certfree.proofs.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drafting, amending and reviewing proof matters through the API. */
@QuarkusTest
class MatterWorkflowTest {

    static final String DEPT = Fixtures.GOOD_ISSUER;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    private static String editor() {
        return Tokens.bearer(Tokens.listEditor(DEPT));
    }

    private static String reviewer() {
        return Tokens.bearer(Tokens.reviewer(Fixtures.JUSTICE));
    }

    @Test
    void draftSubmitApproveAmendAndReject() {
        String code = Matters.newCode("TGAJ-HJ");
        given().header("Authorization", editor()).contentType(ContentType.JSON)
                .body(Matters.retained(code, "户籍证明"))
                .when().post("/api/v1/matters")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/matters/" + code))
                .body("code", equalTo(code))
                .body("kind", equalTo("RETAINED"))
                .body("departmentCode", equalTo(DEPT))
                .body("departmentName", equalTo("测试州公安局"))
                .body("latestStatus", equalTo("DRAFT"))
                .body("latest.retained.legalBases[0].law", equalTo("《中华人民共和国户口登记条例》"))
                .body("latest.retained.timeLimit.workingDays", equalTo(5))
                .body("latest.scenarios", hasItems("BIRTH", "SCHOOL_ENROLMENT"))
                .body("latest.version", equalTo(0));

        // the editor edits the draft with the version read
        Map<String, Object> edit = Matters.retained(null, "居民户籍证明");
        edit.put("version", 0);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(edit)
                .put("/api/v1/matters/" + code + "/versions/1")
                .then().statusCode(200).body("name", equalTo("居民户籍证明")).body("version", equalTo(1))
                .header("ETag", containsString("1"));

        given().header("Authorization", editor()).contentType(ContentType.JSON).post("/api/v1/matters/" + code + "/versions/1/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("submittedBy", not(nullValue()));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("reason", "依据充分"))
                .post("/api/v1/matters/" + code + "/versions/1/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("reviewerDepartment", equalTo(Fixtures.JUSTICE)).body("reviewComment", equalTo("依据充分"));

        // an approved version is never changed in place
        Map<String, Object> late = Matters.retained(null, "改名");
        late.put("version", 3);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(late)
                .put("/api/v1/matters/" + code + "/versions/1")
                .then().statusCode(409).body("detail", containsString("只有草稿"));

        // amendment = version 2; rejected with a reason
        Map<String, Object> amend = Matters.retained(null, "居民户籍证明（含迁移记录）");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(amend)
                .post("/api/v1/matters/" + code + "/versions")
                .then().statusCode(201).header("Location", endsWith("/versions/2"))
                .body("number", equalTo(2)).body("status", equalTo("DRAFT"));
        // one open version at a time
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(amend)
                .post("/api/v1/matters/" + code + "/versions")
                .then().statusCode(409).body("detail", containsString("第 2 版"));
        given().header("Authorization", editor()).contentType(ContentType.JSON).post("/api/v1/matters/" + code + "/versions/2/submit").then().statusCode(200);
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/matters/" + code + "/versions/2/reject")
                .then().statusCode(400).body("detail", containsString("理由"));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).body(Map.of("reason", "迁移记录另有专门证明"))
                .post("/api/v1/matters/" + code + "/versions/2/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("reviewComment", equalTo("迁移记录另有专门证明"));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).post("/api/v1/matters/" + code + "/versions/2/approve")
                .then().statusCode(409);

        given().header("Authorization", reviewer()).get("/api/v1/matters/" + code)
                .then().statusCode(200)
                .body("latestNumber", equalTo(2))
                .body("latestStatus", equalTo("REJECTED"))
                .body("versions.status", equalTo(List.of("APPROVED", "REJECTED")))
                .body("versions[1].reviewComment", equalTo("迁移记录另有专门证明"));
        given().header("Authorization", editor()).get("/api/v1/matters/" + code + "/versions/1")
                .then().statusCode(200).body("name", equalTo("居民户籍证明")).body("status", equalTo("APPROVED"));
    }

    @Test
    void generatedCodeAndEveryKind() {
        given().header("Authorization", editor()).contentType(ContentType.JSON)
                .body(Matters.cancelled(null, "亲属关系证明"))
                .post("/api/v1/matters")
                .then().statusCode(201).body("code", startsWith(DEPT + "-C"))
                .body("latest.cancelled.replacement", equalTo("DATA_SHARING"));
        given().header("Authorization", editor()).contentType(ContentType.JSON)
                .body(Matters.notifyCommit(null, "经营场所使用证明"))
                .post("/api/v1/matters")
                .then().statusCode(201).body("code", startsWith(DEPT + "-N"))
                .body("latest.notifyCommit.commitment.legalLiability", containsString("信用记录"))
                .body("latest.notifyCommit.checkWithinDays", equalTo(30));
    }

    @Test
    void searchFiltersByKindScenarioAndChineseText() {
        String marker = "测绘" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String code = Matters.create(DEPT, Matters.notifyCommit(null, "不动产" + marker + "使用证明"));
        given().header("Authorization", reviewer())
                .queryParam("q", marker).queryParam("kind", "NOTIFY_COMMIT").queryParam("scenario", "BUSINESS_STARTUP")
                .get("/api/v1/matters")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].code", equalTo(code));
        given().header("Authorization", reviewer()).queryParam("q", "不动产 " + marker)
                .get("/api/v1/matters").then().statusCode(200).body("items.code", hasItem(code));
        given().header("Authorization", reviewer()).queryParam("q", marker).queryParam("kind", "RETAINED")
                .get("/api/v1/matters").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", reviewer()).queryParam("q", marker).queryParam("scenario", "BIRTH")
                .get("/api/v1/matters").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", reviewer()).queryParam("q", "使用证明" + marker)
                .get("/api/v1/matters").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", editor()).queryParam("q", marker)
                .get("/api/v1/matters").then().statusCode(200).body("items.code", hasItem(code));
        given().header("Authorization", Tokens.bearer(Tokens.listEditor(Fixtures.OTHER_DEPT_ISSUER))).queryParam("q", marker)
                .get("/api/v1/matters").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", reviewer()).queryParam("q", "x".repeat(101))
                .get("/api/v1/matters").then().statusCode(400);
    }

    /** Issue #12, item 1: whoever drafted or submitted a version never decides on it, whatever role they act in. */
    @Test
    void theDrafterNeverReviewsTheirOwnVersion() {
        String person = "test-two-hats";
        String editor = Tokens.bearer(Tokens.mint("LIST_EDITOR", Fixtures.GOOD_ISSUER, person));
        String sameReviewer = Tokens.bearer(Tokens.mint("REVIEWER", Fixtures.JUSTICE, person));
        String code = given().header("Authorization", editor).contentType(ContentType.JSON)
                .body(Matters.retained(null, "本人起草的证明")).post("/api/v1/matters").then().statusCode(201).extract().path("code");
        given().header("Authorization", editor).contentType(ContentType.JSON)
                .post("/api/v1/matters/" + code + "/versions/1/submit").then().statusCode(200);
        for (String decision : java.util.List.of("approve", "reject")) {
            given().header("Authorization", sameReviewer).contentType(ContentType.JSON).body(java.util.Map.of("reason", "自审"))
                    .post("/api/v1/matters/" + code + "/versions/1/" + decision).then().statusCode(403)
                    .body("detail", equalTo(org.certfree.proofs.common.error.Messages.MATTER_FOUR_EYES.formatted(code, 1)));
        }
        given().header("Authorization", reviewer()).contentType(ContentType.JSON)
                .post("/api/v1/matters/" + code + "/versions/1/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
    }
}
