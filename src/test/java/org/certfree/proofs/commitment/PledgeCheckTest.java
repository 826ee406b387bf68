package org.certfree.proofs.commitment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 核查 end to end: assign, record, review (four eyes), a FALSE finding's effects, objections, notices, OVERDUE. */
@QuarkusTest
class PledgeCheckTest {

    static final String ZHANG = "652801199003151239";
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

    @BeforeEach
    void seed() {
        demoData.seed();
        demoData.seedKeys();
        lists.seed();
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
                .body("result", equalTo("FALSE"));

        post(issuer(SCJ, "scj-checker"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(403)
                .body("detail", containsString("审核分离"));
        post(issuer("BZMZJ", "mz-1"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(403);
        post(issuer(SCJ, "scj-reviewer"), CHECKS + task + "/review", Map.of("approve", true, "comment", "证据充分，同意。"))
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("reviewedBy", equalTo("scj-reviewer"))
                .body("pledgeStatus", equalTo("FALSE"));
        post(issuer(SCJ, "scj-reviewer"), CHECKS + task + "/review", Map.of("approve", true)).then().statusCode(409);

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
        post(issuer("BZMZJ", "mz-1"), objection + "/decision", uphold).then().statusCode(403);
        post(issuer(SCJ, "scj-third"), objection + "/decision", uphold).then().statusCode(200)
                .body("status", equalTo("OVERTURNED")).body("objection.status", equalTo("UPHELD"));
        post(issuer(SCJ, "scj-third"), objection + "/decision", uphold).then().statusCode(409);
        given().queryParam("code", code).get("/api/v1/proofs/" + n + "/status").then().statusCode(200).body("status", equalTo("REVOKED"));
        as(Tokens.verifier(UNIT)).queryParam("size", 100).get("/api/v1/commitment-notices").then().statusCode(200)
                .body("items.findAll { it.pledgeNumber == '" + n + "' }.kind", hasItem("OBJECTION_UPHELD"));
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

    // ------------------------------------------------------------------ helpers

    /** A pledge by 张伟 to BZZWZX on {@code matter}, through the API, against the current template. */
    private static JsonPath pledge(String matter) {
        JsonPath t = given().get("/api/v1/commitment-templates/" + matter).then().statusCode(200).extract().jsonPath();
        Map<String, String> answers = new HashMap<>();
        for (String field : t.<String>getList("fields.name")) {
            answers.put(field, "测试填报内容");
        }
        Map<String, Object> body = Map.of("matterCode", matter, "templateHash", t.getString("hash"), "usingUnit", UNIT,
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
