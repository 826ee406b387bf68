package org.certfree.proofs.commitment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 核查 end to end: assign, record, review (four eyes), a FALSE finding's effects, objections, notices, OVERDUE. */
@QuarkusTest
class PledgeCheckTest {

    /** The pledger: a fresh holder per test (one standing pledge per holder, matter and unit). */
    static String ZHANG;
    static final String OTHER_CITIZEN = "11010519491231002X";
    static final String SCJ = "BZSCJGJ";
    static final String UNIT = "BZZWZX";
    static final String OTHER_UNIT = "KELSZWZX";
    static final String CHECKS = "/api/v1/commitment-checks/";

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Inject
    ControllableClock clock;

    @Inject
    DataSource db;

    @BeforeEach
    void seed() {
        demoData.seed();
        demoData.seedKeys();
        lists.seed();
        ZHANG = Fixtures.randomResidentId();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFalseFindingRevokesTheDocumentTellsTheUnitAndCanBeOverturnedOnObjection() throws Exception {
        JsonPath p = pledge("BZSCJGJ-N001");
        String n = p.getString("number");
        String task = p.getString("check.taskId");
        String code = p.getString("document.verificationCode");
        int index = p.getInt("document.statusListIndex");
        as(issuer(SCJ, "scj-lead")).get(CHECKS + task).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("checkingDepartment", equalTo(SCJ)).body("overdue", equalTo(false)).body("pledgeNumber", equalTo(n));

        post(issuer("BZMZJ", "mz-1"), CHECKS + task + "/assign", Map.of()).then().statusCode(403);
        post(issuer(SCJ, "scj-lead"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(409);
        post(issuer(SCJ, "scj-lead"), CHECKS + task + "/assign", Map.of("assignee", "scj-checker")).then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignee", equalTo("scj-checker")).body("assignedBy", equalTo("scj-lead"));
        Map<String, Object> finding = Map.of("result", "FALSE", "findings", "现场核查：该地址为在建工地，无经营场所。",
                "evidence", List.of(Map.of("name", "现场照片-1.jpg", "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
        post(issuer(SCJ, "scj-other"), CHECKS + task + "/findings", finding).then().statusCode(403);
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/findings", Map.of("result", "FALSE")).then().statusCode(400);
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/findings", finding).then().statusCode(200)
                .body("status", equalTo("RECORDED")).body("recordedBy", equalTo("scj-checker"))
                .body("findings", containsString("在建工地")).body("evidence[0].name", equalTo("现场照片-1.jpg"));
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/findings", finding).then().statusCode(409);
        as(Tokens.reviewer("BZSFJ")).get(CHECKS + task).then().statusCode(200).body("findings", nullValue())
                .body("evidence", nullValue()).body("result", equalTo("FALSE"));

        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(403)
                .body("detail", containsString("审核分离"));
        post(issuer("BZMZJ", "mz-1"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(403);
        post(issuer(SCJ, "scj-reviewer"), CHECKS + task + "/review", Map.of("approve", true, "comment", "证据充分，同意。"))
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("reviewedBy", equalTo("scj-reviewer"))
                .body("pledgeStatus", equalTo("FALSE")).body("reviewComment", equalTo("证据充分，同意。"));
        post(issuer(SCJ, "scj-reviewer"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(409);
        // the comment and the evidence to staff of the two departments only
        as(issuer(SCJ, "scj-lead")).get(CHECKS + task).then().statusCode(200).body("reviewComment", equalTo("证据充分，同意。"))
                .body("evidence[0].sha256", equalTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        as(Tokens.reviewer("BZSFJ")).get(CHECKS + task).then().statusCode(200).body("reviewComment", nullValue())
                .body("evidence", nullValue());

        as(citizen(ZHANG)).get("/api/v1/commitments/" + n).then().statusCode(200).body("status", equalTo("FALSE"))
                .body("finding.consequence", containsString("市场主体登记管理条例")).body("check.result", equalTo("FALSE"));
        JsonPath v = post(Tokens.verifier(UNIT), "/api/v1/verifications", Map.of("number", n, "code", code, "purpose", "办理登记"))
                .then().statusCode(200).extract().jsonPath();
        assertNotEquals("TOTAL_PASSED", v.getString("indication"));
        assertEquals("FALSE_PLEDGE", v.getString("revocationReason"));
        given().queryParam("code", code).get("/api/v1/proofs/" + n + "/status").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revocationReasonText", equalTo("不实承诺"));
        assertTrue(bit(statusList(SCJ), index), "the status list has the pledge's bit set");
        JsonPath log = as(citizen(ZHANG)).get("/api/v1/me/access-log?size=100").then().statusCode(200).extract().jsonPath();
        assertEquals("FALSE", log.getString("items.find { it.kind == 'PLEDGE_CHECKED' && it.proofNumber == '" + n + "' }.details.result"));
        assertTrue(log.getString("items.find { it.kind == 'PLEDGE_CHECKED' && it.proofNumber == '" + n + "' }.details.consequence")
                .contains("信用记录"));

        // the using unit is told; another unit is not
        String notice = as(Tokens.verifier(UNIT)).queryParam("unread", true).queryParam("size", 100).get("/api/v1/commitment-notices")
                .then().statusCode(200).body("items.pledgeNumber", hasItem(n)).extract().jsonPath()
                .getString("items.find { it.pledgeNumber == '" + n + "' && it.kind == 'FOUND_FALSE' }.id");
        as(Tokens.verifier(OTHER_UNIT)).queryParam("size", 100).get("/api/v1/commitment-notices").then().statusCode(200)
                .body("items.pledgeNumber", not(hasItem(n)));
        as(Tokens.issuer(SCJ)).get("/api/v1/commitment-notices").then().statusCode(403);
        post(Tokens.verifier(OTHER_UNIT), "/api/v1/commitment-notices/" + notice + "/read", Map.of()).then().statusCode(403);
        post(Tokens.verifier(UNIT), "/api/v1/commitment-notices/" + notice + "/read", Map.of()).then().statusCode(200)
                .body("readAt", not(nullValue()));
        as(Tokens.verifier(UNIT)).queryParam("unread", true).queryParam("size", 100).get("/api/v1/commitment-notices")
                .then().statusCode(200).body("items.id", not(hasItem(notice)));

        // the objection: the holder only, once; decided by fresh eyes of the matter's department
        String objection = "/api/v1/commitments/" + n + "/objection";
        post(citizen(OTHER_CITIZEN), objection, Map.of("reason", "不是我")).then().statusCode(403);
        post(citizen(ZHANG), objection, Map.of()).then().statusCode(400);
        post(citizen(ZHANG), objection, Map.of("reason", "该场所已于核查前签订租赁合同。")).then().statusCode(200)
                .body("objection.status", equalTo("OPEN")).body("objection.reason", containsString("租赁合同"));
        post(citizen(ZHANG), objection, Map.of("reason", "再次异议")).then().statusCode(409);
        Map<String, Object> uphold = Map.of("uphold", true, "answer", "经复查，租赁合同真实有效，异议成立。");
        post(issuer(SCJ, "scj-reviewer"), objection + "/decision", uphold).then().statusCode(403);
        // nor the checker (the assignee who recorded the finding): separation of duties
        post(issuer(SCJ, "scj-checker"), objection + "/decision", uphold).then().statusCode(403)
                .body("detail", containsString("审核分离"));
        post(issuer("BZMZJ", "mz-1"), objection + "/decision", uphold).then().statusCode(403);
        post(issuer(SCJ, "scj-third"), objection + "/decision", uphold).then().statusCode(200)
                .body("status", equalTo("OVERTURNED")).body("objection.status", equalTo("UPHELD"));
        post(issuer(SCJ, "scj-third"), objection + "/decision", uphold).then().statusCode(409);
        // the revocation is final; the status check and verifications say the finding was withdrawn
        given().queryParam("code", code).get("/api/v1/proofs/" + n + "/status").then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("revocationReasonText", equalTo("不实承诺认定已经异议撤销")).body("falseFindingWithdrawnAt", notNullValue());
        post(Tokens.verifier(UNIT), "/api/v1/verifications", Map.of("number", n, "code", code, "purpose", "核验承诺")).then()
                .statusCode(200).body("proofStatus", equalTo("REVOKED")).body("message", containsString("不实承诺认定已经承诺人异议"));
        as(Tokens.verifier(UNIT)).queryParam("size", 100).get("/api/v1/commitment-notices").then().statusCode(200)
                .body("items.findAll { it.pledgeNumber == '" + n + "' }.kind", hasItem("OBJECTION_UPHELD"))
                // template text and public values only: neither the answer nor the findings
                .body("items.findAll { it.pledgeNumber == '" + n + "' }.message", everyItem(not(containsString("租赁合同"))))
                .body("items.findAll { it.pledgeNumber == '" + n + "' }.message", everyItem(not(containsString("在建工地"))))
                .body("items.find { it.pledgeNumber == '" + n + "' && it.kind == 'FOUND_FALSE' }.message",
                        containsString("市场主体登记管理条例"));
        // the answer to the holder and the matter's department; not to the using unit or the justice bureau
        as(citizen(ZHANG)).get("/api/v1/commitments/" + n).then().statusCode(200)
                .body("objection.answer", equalTo("经复查，租赁合同真实有效，异议成立。"));
        as(issuer(SCJ, "scj-lead")).get("/api/v1/commitments/" + n).then().statusCode(200)
                .body("objection.answer", equalTo("经复查，租赁合同真实有效，异议成立。"));
        as(Tokens.verifier(UNIT)).get("/api/v1/commitments/" + n).then().statusCode(200)
                .body("objection.status", equalTo("UPHELD")).body("objection.answer", nullValue())
                .body("objection.reason", nullValue());
        as(Tokens.reviewer("BZSFJ")).get("/api/v1/commitments/" + n).then().statusCode(200).body("objection.answer", nullValue());
        as(citizen(ZHANG)).get("/api/v1/me/access-log?size=100").then().statusCode(200)
                .body("items.findAll { it.proofNumber == '" + n + "' }.kind", hasItem("PLEDGE_OBJECTION_DECIDED"));
    }

    @Test
    void aSentBackFindingIsClearedAndRecordedAgain() {
        JsonPath p = pledge("BZSCJGJ-N001");
        String task = p.getString("check.taskId");
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/assign", Map.of()).then().statusCode(200)
                .body("assignee", equalTo("scj-checker"));
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/findings", Map.of("result", "CONFIRMED", "findings", "属实")).then().statusCode(200);
        post(issuer(SCJ, "scj-reviewer"), CHECKS + task + "/review", Map.of("approve", false, "comment", "缺少现场照片"))
                .then().statusCode(200).body("status", equalTo("ASSIGNED")).body("result", nullValue())
                .body("findings", nullValue()).body("reviewComment", equalTo("缺少现场照片"));
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/findings", Map.of("result", "NOT_VERIFIABLE", "findings", "场所已关闭，无法核实"))
                .then().statusCode(200);
        post(issuer(SCJ, "scj-reviewer"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("pledgeStatus", equalTo("NOT_VERIFIABLE"));
        post(citizen(ZHANG), "/api/v1/commitments/" + p.getString("number") + "/objection", Map.of("reason", "异议"))
                .then().statusCode(409);
        as(Tokens.issuer(SCJ)).get(CHECKS + "not-a-uuid").then().statusCode(400);
        as(Tokens.issuer(SCJ)).get(CHECKS + "00000000-0000-0000-0000-000000000000").then().statusCode(404);
        post(Tokens.issuer(SCJ), CHECKS + "00000000-0000-0000-0000-000000000000/assign", Map.of()).then().statusCode(404);
    }

    @Test
    void anAssistedTaskIsCheckedByTheAssistingDepartmentAndReviewedByTheOwner() {
        JsonPath p = pledge("BZGAJ-N001");
        String task = p.getString("check.taskId");
        as(Tokens.issuer("BZMZJ")).queryParam("size", 200).get(CHECKS).then().statusCode(200).body("items.id", hasItem(task));
        as(Tokens.issuer("BZGAJ")).queryParam("size", 200).get(CHECKS).then().statusCode(200).body("items.id", hasItem(task));
        as(Tokens.issuer("BZZJJ")).queryParam("size", 200).get(CHECKS).then().statusCode(200).body("items.id", not(hasItem(task)));
        as(Tokens.issuer("BZZJJ")).get(CHECKS + task).then().statusCode(403);
        post(issuer("BZGAJ", "ga-1"), CHECKS + task + "/assign", Map.of()).then().statusCode(403);
        post(issuer("BZMZJ", "mz-1"), CHECKS + task + "/assign", Map.of()).then().statusCode(200)
                .body("checkingDepartment", equalTo("BZMZJ")).body("method", equalTo("ASSISTED"));
        post(issuer("BZMZJ", "mz-1"), CHECKS + task + "/findings", Map.of("result", "CONFIRMED", "findings", "民政婚姻登记记录一致"))
                .then().statusCode(200);
        as(issuer("BZGAJ", "ga-1")).get(CHECKS + task).then().statusCode(200).body("findings", equalTo("民政婚姻登记记录一致"));
        post(issuer("BZMZJ", "mz-2"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(403);
        post(issuer("BZGAJ", "ga-1"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("pledgeStatus", equalTo("CONFIRMED"));
        as(citizen(ZHANG)).get("/api/v1/me/access-log?size=100").then().statusCode(200)
                .body("items.findAll { it.proofNumber == '" + p.getString("number") + "' }.kind", hasItem("PLEDGE_CHECKED"));
    }

    @Test
    void theJusticeBureauListsAllOthersAreRefusedAndOverdueFollowsTheClock() {
        String task = pledge("BZSCJGJ-N001").getString("check.taskId");
        as(Tokens.reviewer("BZSFJ")).queryParam("size", 200).queryParam("matter", "BZSCJGJ-N001").get(CHECKS).then().statusCode(200)
                .body("items.id", hasItem(task));
        as(Tokens.admin()).queryParam("size", 200).queryParam("status", "OPEN").get(CHECKS).then().statusCode(200)
                .body("items.id", hasItem(task));
        as(Tokens.verifier(UNIT)).get(CHECKS).then().statusCode(403);
        as(citizen(ZHANG)).get(CHECKS).then().statusCode(403);
        as(citizen(ZHANG)).get(CHECKS + task).then().statusCode(403);
        as(Tokens.issuer(SCJ)).queryParam("status", "LATE").get(CHECKS).then().statusCode(400);
        as(Tokens.issuer(SCJ)).queryParam("status", "OVERDUE").queryParam("size", 200).get(CHECKS).then().statusCode(200)
                .body("items.id", not(hasItem(task)));
        clock.advance(Duration.ofDays(150));
        as(Tokens.issuer(SCJ)).queryParam("status", "OVERDUE").queryParam("size", 200).get(CHECKS).then().statusCode(200)
                .body("items.id", hasItem(task)).body("items.find { it.id == '" + task + "' }.overdue", equalTo(true));
    }

    @Test
    void aDismissedObjectionKeepsTheFindingAndBadDecisionsAre400() {
        JsonPath p = pledge("BZSCJGJ-N001");
        String n = p.getString("number");
        String task = p.getString("check.taskId");
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/assign", Map.of()).then().statusCode(200);
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/findings", Map.of("result", "FALSE", "findings", "无经营场所"))
                .then().statusCode(200);
        Map<String, Object> noApprove = new HashMap<>();
        noApprove.put("approve", null);
        noApprove.put("comment", "未表态");
        post(issuer(SCJ, "scj-reviewer"), CHECKS + task + "/review", noApprove).then().statusCode(400);
        post(issuer(SCJ, "scj-reviewer"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(200)
                .body("pledgeStatus", equalTo("FALSE"));
        String objection = "/api/v1/commitments/" + n + "/objection";
        post(citizen(ZHANG), objection, Map.of("reason", "场所另有租赁合同。")).then().statusCode(200);

        Map<String, Object> noUphold = new HashMap<>();
        noUphold.put("uphold", null);
        noUphold.put("answer", "经复查，异议不成立。");
        post(issuer(SCJ, "scj-third"), objection + "/decision", noUphold).then().statusCode(400);
        post(issuer(SCJ, "scj-third"), objection + "/decision", Map.of("uphold", false, "answer", "   ")).then().statusCode(400);
        post(issuer(SCJ, "scj-third"), objection + "/decision", Map.of("uphold", false)).then().statusCode(400);
        as(citizen(ZHANG)).get("/api/v1/commitments/" + n).then().statusCode(200).body("objection.status", equalTo("OPEN"));

        post(issuer(SCJ, "scj-third"), objection + "/decision", Map.of("uphold", false, "answer", "经复查，租赁合同系事后补签，异议不成立。"))
                .then().statusCode(200).body("status", equalTo("FALSE")).body("objection.status", equalTo("DISMISSED"))
                .body("objection.answer", containsString("事后补签"));
        post(issuer(SCJ, "scj-fourth"), objection + "/decision", Map.of("uphold", true, "answer", "再议")).then().statusCode(409);
        post(citizen(ZHANG), objection, Map.of("reason", "再次异议")).then().statusCode(409);
        as(citizen(ZHANG)).get("/api/v1/commitments/" + n).then().statusCode(200).body("status", equalTo("FALSE"))
                .body("objection.status", equalTo("DISMISSED")).body("objection.answer", containsString("事后补签"))
                .body("finding.consequence", containsString("市场主体登记管理条例"));
        as(Tokens.verifier(UNIT)).queryParam("size", 100).get("/api/v1/commitment-notices").then().statusCode(200)
                .body("items.findAll { it.pledgeNumber == '" + n + "' }.kind", hasItem("OBJECTION_DISMISSED"))
                .body("items.findAll { it.pledgeNumber == '" + n + "' }.message", everyItem(not(containsString("事后补签"))));
        as(Tokens.verifier(UNIT)).get("/api/v1/commitments/" + n).then().statusCode(200)
                .body("objection.status", equalTo("DISMISSED")).body("objection.answer", nullValue());
    }

    @Test
    void badTaskListFiltersAre400() {
        as(Tokens.issuer(SCJ)).queryParam("result", "MAYBE").get(CHECKS).then().statusCode(400);
        as(Tokens.issuer(SCJ)).queryParam("status", "LATE").get(CHECKS).then().statusCode(400);
        as(Tokens.issuer(SCJ)).queryParam("result", "FALSE").queryParam("status", "closed").get(CHECKS).then().statusCode(200);
    }

    @Test
    void aReviewerOfADepartmentThatIsNotTheJusticeBureauIsRefused() {
        JsonPath p = pledge("BZSCJGJ-N001");
        String n = p.getString("number");
        String task = p.getString("check.taskId");
        // a department that was a reviewing one (so a REVIEWER token could be minted) and no longer is
        String code = "PLG-REV-" + Integer.toString(new java.util.Random().nextInt(1_000_000_000), 36).toUpperCase();
        as(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", code, "name", "测试审核单位" + code,
                "kind", "JUSTICE_BUREAU", "regionCode", "659900", "roles", List.of("REVIEWER"))).post("/api/v1/departments")
                .then().statusCode(201);
        String formerReviewer = Tokens.mint("REVIEWER", code, "former-reviewer");
        as(formerReviewer).get(CHECKS + task).then().statusCode(200);
        as(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("name", "测试单位" + code, "kind", "JUSTICE_BUREAU",
                "regionCode", "659900", "roles", List.of("USING_UNIT"), "version", 0)).put("/api/v1/departments/" + code)
                .then().statusCode(200);

        as(formerReviewer).get(CHECKS + task).then().statusCode(403);
        as(formerReviewer).get(CHECKS).then().statusCode(403);
        as(formerReviewer).get("/api/v1/commitments/" + n).then().statusCode(403);
        as(formerReviewer).get("/api/v1/commitments").then().statusCode(403);
        // the justice bureau still sees them
        as(Tokens.reviewer("BZSFJ")).get(CHECKS + task).then().statusCode(200);
        as(Tokens.reviewer("BZSFJ")).get("/api/v1/commitments/" + n).then().statusCode(200);
        as(Tokens.reviewer("BZSFJ")).queryParam("size", 1).get("/api/v1/commitments").then().statusCode(200);
    }

    @Test
    void twoConcurrentReviewsOneWinsTheOtherIs409() throws Exception {
        JsonPath p = pledge("BZSCJGJ-N001");
        String n = p.getString("number");
        String task = p.getString("check.taskId");
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/assign", Map.of()).then().statusCode(200);
        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/findings", Map.of("result", "FALSE", "findings", "无经营场所"))
                .then().statusCode(200);

        // both reviewers read the RECORDED task, then wait on a lock this test holds on its row; released, one
        // writes first and the other's write finds the version moved on: a 409, not a 500 at commit
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("UPDATE pledge_check SET version = version WHERE id = ?")) {
                lock.setObject(1, UUID.fromString(task));
                assertEquals(1, lock.executeUpdate());
                for (String reviewer : List.of("scj-rev-a", "scj-rev-b")) {
                    answers.add(pool.submit(() -> post(issuer(SCJ, reviewer), CHECKS + task + "/review", Map.of("approve", true))));
                }
                awaitLockWaiters(c, 2);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        List<Integer> statuses = new ArrayList<>();
        String loser = null;
        for (Future<io.restassured.response.Response> f : answers) {
            io.restassured.response.Response r = f.get(60, TimeUnit.SECONDS);
            statuses.add(r.statusCode());
            if (r.statusCode() == 409) {
                loser = r.jsonPath().getString("type");
            }
        }
        pool.shutdown();
        statuses.sort(Integer::compareTo);
        assertEquals(List.of(200, 409), statuses);
        assertEquals("urn:certfree:problem:stale-version", loser);

        // one review took effect: the task closed once, the pledge FALSE, one notice to the unit
        JsonPath t = as(issuer(SCJ, "scj-lead")).get(CHECKS + task).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("pledgeStatus", equalTo("FALSE")).extract().jsonPath();
        assertTrue(List.of("scj-rev-a", "scj-rev-b").contains(t.getString("reviewedBy")));
        as(citizen(ZHANG)).get("/api/v1/commitments/" + n).then().statusCode(200).body("status", equalTo("FALSE"))
                .body("check.taskStatus", equalTo("CLOSED"));
        List<String> kinds = as(Tokens.verifier(UNIT)).queryParam("size", 100).get("/api/v1/commitment-notices").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.pledgeNumber == '" + n + "' }.kind");
        assertEquals(List.of("FOUND_FALSE"), kinds);
    }

    @Test
    void theConsequenceIsTheWholeSectionAndNoticesAreCutByCodePoints() {
        String text = "一、承诺内容：……\n三、不实承诺的法律后果：依照《某条例》第四十条，\n由登记机关责令改正；\n情节严重的，吊销营业执照。\n"
                + "四、事后核查：现场核查\n五、其他";
        assertEquals("依照《某条例》第四十条，\n由登记机关责令改正；\n情节严重的，吊销营业执照。", CheckService.consequence(text));
        assertEquals("予以处罚。", CheckService.consequence("三、不实承诺的法律后果：予以处罚。"));
        assertEquals("承担责任", CheckService.consequence("三、不实承诺的法律后果：承担责任\n四、事后核查：书面核查"));

        String rare = "𠀀"; // U+20000: a surrogate pair in UTF-16
        String message = "甲".repeat(498) + rare + rare + "乙";
        String cut = Notices.fit(message, 500);
        assertEquals(500, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith(rare + "…"), "a surrogate pair is kept whole");
        assertEquals("甲".repeat(499) + "…", Notices.fit("甲".repeat(499) + rare + "乙", 500));
        assertEquals("短", Notices.fit("短", 500));
        String exactly = "甲".repeat(499) + rare;
        assertEquals(exactly, Notices.fit(exactly, 500));
    }

    /** Waits until at least {@code n} other sessions wait on a lock (the reviews reached their write). */
    private static void awaitLockWaiters(Connection c, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database() AND pid <> pg_backend_pid()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= n) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the reviews never reached their write");
    }

    // ------------------------------------------------------------------ helpers

    /** A pledge by 张伟 to BZZWZX on {@code matter}, through the API, against the current template. */
    private static JsonPath pledge(String matter) {
        JsonPath t = given().get("/api/v1/commitment-templates/" + matter).then().statusCode(200).extract().jsonPath();
        Map<String, String> answers = new HashMap<>();
        for (String field : t.<String>getList("fields.name")) {
            answers.put(field, "测试填报内容");
        }
        Map<String, Object> body = Map.of("matterCode", matter, "templateHash", t.getString("hash"),
                "textHash", t.getString("textHash"), "usingUnit", UNIT,
                "serviceMatter", "个体工商户设立登记", "pledger", Map.of("kind", "PERSON", "name", "张伟", "id", ZHANG),
                "answers", answers, "accept", true);
        return post(citizen(ZHANG), "/api/v1/commitments", body).then().statusCode(201).body("check.required", equalTo(true))
                .extract().jsonPath();
    }

    private static String issuer(String dept, String staff) {
        return Tokens.mint("ISSUER", dept, staff);
    }

    private static String citizen(String id) {
        return Tokens.citizen(id);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    private static io.restassured.response.Response post(String token, String path, Object body) {
        return as(token).contentType(ContentType.JSON).body(body).post(path);
    }

    private static byte[] statusList(String dept) throws Exception {
        String jws = given().get("/api/v1/status-lists/" + dept).then().statusCode(200).extract().asString();
        Map<?, ?> doc = new ObjectMapper().readValue(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), Map.class);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode((String) doc.get("encodedList"))))) {
            return in.readAllBytes();
        }
    }

    private static boolean bit(byte[] bits, int index) {
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
