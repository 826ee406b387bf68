package org.certfree.proofs.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Validation per list kind, each 4xx, optimistic locking, and who may do what in the catalogue. */
@QuarkusTest
class MatterRulesTest {

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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(Map<String, Object> body, String name) {
        return (Map<String, Object>) body.get(name);
    }

    @Test
    void retainedNeedsLegalBasisTimeLimitAndTheRightBlock() {
        Map<String, Object> b = Matters.retained(null, "无依据的证明");
        block(b, "retained").put("legalBases", List.of());
        block(b, "retained").remove("channel");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("retained.legalBases", "retained.channel"))
                .body("errors.find { it.field == 'retained.legalBases' }.message", containsString("法律法规"));

        b = Matters.retained(null, "依据格式不对的证明");
        block(b, "retained").put("legalBases", List.of(Map.of("law", "户口登记条例", "article", "15")));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItems("retained.legalBases[0].law", "retained.legalBases[0].article"));

        b = Matters.retained(null, "时限不全的证明");
        block(b, "retained").put("timeLimit", Map.of("kind", "WORKING_DAYS"));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("retained.timeLimit.workingDays"));
        block(b, "retained").put("timeLimit", Map.of("kind", "IMMEDIATE", "workingDays", 3));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).body("detail", containsString("即时开具"));
        block(b, "retained").put("timeLimit", Map.of("kind", "WORKING_DAYS", "workingDays", 61));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("retained.timeLimit.workingDays"));

        b = Matters.retained(null, "两个清单字段的证明");
        b.put("cancelled", Map.of("replacement", "DIRECT_CANCELLATION", "handlingInstead", "不再要求提交该证明"));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("cancelled"))
                .body("detail", containsString("不适用于保留证明事项清单"));

        b = Matters.retained(null, "缺字段的证明");
        b.remove("retained");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("retained"));

        b = Matters.retained(null, "无清单类别的证明");
        b.remove("kind");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("kind"));

        b = Matters.retained(null, "无场景的证明");
        b.put("scenarios", List.of());
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("scenarios"));
        b.put("scenarios", List.of("PICNIC"));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(b).post("/api/v1/matters")
                .then().statusCode(400);
    }

    @Test
    void cancelledAndNotifyCommitFields() {
        Map<String, Object> c = Matters.cancelled(null, "无来源的取消证明");
        block(c, "cancelled").remove("sharedDataSource");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(c).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("cancelled.sharedDataSource"))
                .body("detail", containsString("共享数据来源"));
        block(c, "cancelled").put("replacement", "DIRECT_CANCELLATION");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(c).post("/api/v1/matters")
                .then().statusCode(201).body("latest.cancelled.replacement", equalTo("DIRECT_CANCELLATION"));
        block(c, "cancelled").put("replacement", "TELEPATHY");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(c).post("/api/v1/matters")
                .then().statusCode(400);

        Map<String, Object> n = Matters.notifyCommit(null, "缺责任的承诺");
        block(n, "notifyCommit").put("commitment", Map.of("proofObligation", "义务", "proofContent", "内容"));
        block(n, "notifyCommit").put("checkWithinDays", 0);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(n).post("/api/v1/matters")
                .then().statusCode(400)
                .body("errors.field", hasItems("notifyCommit.commitment.legalLiability", "notifyCommit.checkWithinDays"));
    }

    /** The pledge terms of a template: 协查 names another active department, 抽查 a ratio, fields are unique. */
    @Test
    void pledgeTermsOfANotifyCommitTemplate() {
        Map<String, Object> n = Matters.notifyCommit(null, "协查的承诺");
        block(n, "notifyCommit").put("checkMethod", "ASSISTED");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(n).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("notifyCommit.assistingDepartment"));
        block(n, "notifyCommit").put("assistingDepartment", DEPT);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(n).post("/api/v1/matters")
                .then().statusCode(400).body("detail", containsString("就是本部门"));
        block(n, "notifyCommit").put("assistingDepartment", "NOSUCHDEPT");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(n).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("notifyCommit.assistingDepartment"));
        block(n, "notifyCommit").put("assistingDepartment", Fixtures.OTHER_DEPT_ISSUER);
        block(n, "notifyCommit").put("fields", List.of(Map.of("name", "address", "label", "地址", "required", true),
                Map.of("name", "address", "label", "又一个地址", "required", false)));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(n).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("notifyCommit.fields[1].name"));
        block(n, "notifyCommit").put("fields", List.of(Map.of("name", "1address", "label", "地址", "required", true)));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(n).post("/api/v1/matters")
                .then().statusCode(400);
        block(n, "notifyCommit").put("fields", List.of(Map.of("name", "address", "label", "地址", "required", true)));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(n).post("/api/v1/matters")
                .then().statusCode(201).body("latest.notifyCommit.assistingDepartment", equalTo(Fixtures.OTHER_DEPT_ISSUER))
                .body("latest.notifyCommit.fields[0].name", equalTo("address"));

        Map<String, Object> s = Matters.notifyCommit(null, "抽查的承诺");
        block(s, "notifyCommit").put("checkMethod", "RANDOM_SAMPLING");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(s).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("notifyCommit.sampleRatioPercent"));
        block(s, "notifyCommit").put("sampleRatioPercent", 101);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(s).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("notifyCommit.sampleRatioPercent"));
        block(s, "notifyCommit").put("sampleRatioPercent", 20);
        block(s, "notifyCommit").put("assistingDepartment", Fixtures.OTHER_DEPT_ISSUER);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(s).post("/api/v1/matters")
                .then().statusCode(400).body("errors.field", hasItem("notifyCommit.assistingDepartment"));
        block(s, "notifyCommit").remove("assistingDepartment");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(s).post("/api/v1/matters")
                .then().statusCode(201).body("latest.notifyCommit.sampleRatioPercent", equalTo(20));
    }

    @Test
    void duplicatesUnknownsAndFixedFields() {
        String code = Matters.newCode("TGAJ-DUP");
        Matters.create(DEPT, Matters.retained(code, "重复编码证明"));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(Matters.retained(code, "重复编码证明"))
                .post("/api/v1/matters").then().statusCode(409).header("Location", endsWith("/api/v1/matters/" + code));
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(Matters.retained("bad code", "x"))
                .post("/api/v1/matters").then().statusCode(400).body("errors.field", hasItem("code"));
        given().header("Authorization", reviewer()).get("/api/v1/matters/NO-SUCH-MATTER").then().statusCode(404)
                .body("detail", containsString("NO-SUCH-MATTER"));
        given().header("Authorization", reviewer()).get("/api/v1/matters/" + code + "/versions/7").then().statusCode(404);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(Map.of("version", 0))
                .post("/api/v1/matters/" + code + "/versions/7/submit").then().statusCode(404);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(Matters.retained(null, "x"))
                .post("/api/v1/matters/NO-SUCH-MATTER/versions").then().statusCode(404);
        // code, kind and department never change
        Map<String, Object> moved = Matters.cancelled(null, "改列取消清单");
        moved.put("version", 0);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(moved)
                .put("/api/v1/matters/" + code + "/versions/1").then().statusCode(400).body("errors.field", hasItem("kind"));
        Map<String, Object> otherDept = Matters.retained(null, "x");
        otherDept.put("departmentCode", Fixtures.OTHER_DEPT_ISSUER);
        otherDept.put("version", 0);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(otherDept)
                .put("/api/v1/matters/" + code + "/versions/1").then().statusCode(400);
        // creating for another department is refused
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(otherDept)
                .post("/api/v1/matters").then().statusCode(403).body("detail", containsString(Fixtures.OTHER_DEPT_ISSUER));
        // a removal request needs an approved version first
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(Map.of("reason", "不再需要该证明"))
                .post("/api/v1/matters/" + code + "/removal-requests").then().statusCode(409);
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/v1/matters/" + code + "/removal-requests").then().statusCode(400);
    }

    @Test
    void optimisticLockingByBodyOrIfMatch() throws Exception {
        String code = Matters.create(DEPT, Matters.retained(null, "并发修改证明"));
        Map<String, Object> noVersion = Matters.retained(null, "未带版本号");
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(noVersion)
                .put("/api/v1/matters/" + code + "/versions/1").then().statusCode(400).body("errors.field", hasItem("version"));
        given().header("Authorization", editor()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Matters.retained(null, "用 If-Match 修改"))
                .put("/api/v1/matters/" + code + "/versions/1").then().statusCode(200).header("ETag", containsString("1"));
        given().header("Authorization", editor()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Matters.retained(null, "过期的修改"))
                .put("/api/v1/matters/" + code + "/versions/1").then().statusCode(409)
                .body("type", equalTo("urn:certfree:problem:stale-version"));
        given().header("Authorization", editor()).header("If-Match", "abc").contentType(ContentType.JSON)
                .body(Matters.retained(null, "坏的 If-Match"))
                .put("/api/v1/matters/" + code + "/versions/1").then().statusCode(400);

        // two editors write the same draft at once with the version they both read: one wins, one gets 409
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (String name : List.of("甲的修改", "乙的修改")) {
            writers.add(() -> {
                Map<String, Object> body = Matters.retained(null, name);
                body.put("version", 1);
                start.await();
                return given().header("Authorization", editor()).contentType(ContentType.JSON).body(body)
                        .put("/api/v1/matters/" + code + "/versions/1").statusCode();
            });
        }
        List<Future<Integer>> results = new ArrayList<>();
        writers.forEach(w -> results.add(pool.submit(w)));
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        statuses.sort(Integer::compareTo);
        assertEquals(List.of(200, 409), statuses);
        String name = given().header("Authorization", editor()).get("/api/v1/matters/" + code + "/versions/1")
                .then().statusCode(200).body("version", equalTo(2)).extract().path("name");
        assertEquals(true, name.equals("甲的修改") || name.equals("乙的修改"));
        // a stale version on a workflow step is refused too
        given().header("Authorization", editor()).contentType(ContentType.JSON).body(Map.of("version", 1))
                .post("/api/v1/matters/" + code + "/versions/1/submit").then().statusCode(409);
    }

    @Test
    void onlyTheDepartmentsEditorsDraftAndOnlyReviewersDecide() {
        String code = Matters.create(DEPT, Matters.retained(null, "权限证明"));
        String base = "/api/v1/matters/" + code;
        Map<String, Object> edit = new HashMap<>(Matters.retained(null, "越权修改"));
        edit.put("version", 0);
        String otherEditor = Tokens.bearer(Tokens.listEditor(Fixtures.OTHER_DEPT_ISSUER));
        List<String> outsiders = List.of(otherEditor, Tokens.bearer(Tokens.issuer(DEPT)), Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)),
                Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)), Tokens.bearer(Tokens.admin()), reviewer());
        for (String token : outsiders) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(edit).put(base + "/versions/1")
                    .then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", token).contentType(ContentType.JSON).post(base + "/versions/1/submit").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).post(base + "/versions/1/withdraw").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body(Matters.retained(null, "x"))
                    .post(base + "/versions").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("reason", "越权申请移出"))
                    .post(base + "/removal-requests").then().statusCode(403);
        }
        for (String token : List.of(Tokens.bearer(Tokens.issuer(DEPT)), Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)),
                Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)), Tokens.bearer(Tokens.admin()), reviewer())) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(Matters.retained(null, "越权新建"))
                    .post("/api/v1/matters").then().statusCode(403);
        }
        // reads: other department's editor, issuers, windows and citizens cannot read drafts
        for (String token : List.of(otherEditor, Tokens.bearer(Tokens.issuer(DEPT)), Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)),
                Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)))) {
            given().header("Authorization", token).get(base).then().statusCode(403);
            given().header("Authorization", token).get(base + "/versions/1").then().statusCode(403);
        }
        given().header("Authorization", otherEditor).queryParam("department", DEPT).get("/api/v1/matters").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID))).get("/api/v1/matters").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.admin())).get(base).then().statusCode(200);
        given().header("Authorization", reviewer()).get(base).then().statusCode(200);
        given().header("Authorization", editor()).get(base).then().statusCode(200);

        given().header("Authorization", editor()).contentType(ContentType.JSON).post(base + "/versions/1/submit").then().statusCode(200);
        // editors (even of the department) and everyone but reviewers cannot decide
        for (String token : List.of(editor(), otherEditor, Tokens.bearer(Tokens.issuer(DEPT)), Tokens.bearer(Tokens.admin()),
                Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)))) {
            given().header("Authorization", token).contentType(ContentType.JSON).post(base + "/versions/1/approve").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("reason", "越权驳回"))
                    .post(base + "/versions/1/reject").then().statusCode(403);
        }
        // anonymous: 401 everywhere
        given().get("/api/v1/matters").then().statusCode(401);
        given().get(base).then().statusCode(401);
        given().get(base + "/versions/1").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Matters.retained(null, "匿名")).post("/api/v1/matters").then().statusCode(401);
        given().contentType(ContentType.JSON).body(edit).put(base + "/versions/1").then().statusCode(401);
        given().contentType(ContentType.JSON).post(base + "/versions/1/approve").then().statusCode(401);
        given().contentType(ContentType.JSON).post(base + "/versions/1/reject").then().statusCode(401);
        given().contentType(ContentType.JSON).post(base + "/versions/1/submit").then().statusCode(401);
        given().contentType(ContentType.JSON).post(base + "/versions/1/withdraw").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Matters.retained(null, "x")).post(base + "/versions").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("reason", "匿名申请")).post(base + "/removal-requests").then().statusCode(401);

        // the editor may withdraw and resubmit; still submitted → approve by the reviewer works
        given().header("Authorization", editor()).contentType(ContentType.JSON).post(base + "/versions/1/withdraw")
                .then().statusCode(200).body("status", equalTo("DRAFT"));
        given().header("Authorization", reviewer()).contentType(ContentType.JSON).post(base + "/versions/1/approve")
                .then().statusCode(409).body("detail", containsString("SUBMITTED"));
    }
}
