package org.certfree.proofs.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 工作台账: after known activity (a direct issue, a request decided, a verification with retrieval, a pledge
 * found FALSE through the API, a supervision signal) the API's figures equal a recount from the raw tables;
 * who may see what; bad periods and departments are problems.
 */
@QuarkusTest
class StatisticsTest {

    static final String STATS = "/api/v1/statistics";
    static final String SCJ = "BZSCJGJ";
    static final String UNIT = "BZZWZX";

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Inject
    DataSource db;

    @Inject
    StatsFolder folder;

    @BeforeEach
    void seed() {
        demoData.seed();
        demoData.seedKeys();
        lists.seed();
        Fixtures.departments();
    }

    @Test
    void theFiguresEqualARecountFromTheRawTables() throws Exception {
        LocalDate today = LocalDate.now(ControllableClock.ZONE);
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 3);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        Map<String, Object> direct = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "李雷", Fixtures.randomResidentId());
        // a request decided by a person, with the holder's consent, then verified and retrieved by the window
        String holderId = Fixtures.randomResidentId();
        String window = Tokens.verifier(Fixtures.WINDOW);
        String consent = as(Tokens.citizen(holderId)).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(),
                        "disclose", List.of("subject.name", "claims.户籍地址")))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
        String request = as(window).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "赵敏", "id", holderId),
                        "purpose", "办理入学", "consentRef", consent))
                .post("/api/v1/proof-requests").then().statusCode(201).extract().path("id");
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).contentType(ContentType.JSON)
                .body(Map.of("decision", "ISSUE", "claims", Map.of("户籍地址", "新疆库尔勒市人民东路 1 号")))
                .post("/api/v1/proof-requests/" + request + "/decision").then().statusCode(200);
        as(window).contentType(ContentType.JSON).body(Map.of("jws", direct.get("jwsCompact"), "purpose", "办理入学"))
                .post("/api/v1/verifications").then().statusCode(200);
        // a pledge found FALSE: assigned, recorded, reviewed by someone else
        String pledger = Fixtures.randomResidentId();
        JsonPath p = pledge("BZSCJGJ-N001", pledger);
        String task = p.getString("check.taskId");
        String checks = "/api/v1/commitment-checks/";
        as(Tokens.mint("ISSUER", SCJ, "scj-lead")).contentType(ContentType.JSON).body(Map.of("assignee", "scj-checker"))
                .post(checks + task + "/assign").then().statusCode(200);
        as(Tokens.mint("ISSUER", SCJ, "scj-checker")).contentType(ContentType.JSON)
                .body(Map.of("result", "FALSE", "findings", "现场核查：无经营场所。")).post(checks + task + "/findings").then().statusCode(200);
        as(Tokens.mint("ISSUER", SCJ, "scj-reviewer")).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post(checks + task + "/review").then().statusCode(200).body("pledgeStatus", equalTo("FALSE"));
        // … and withdrawn on the holder's objection, by a third member of staff
        String objection = "/api/v1/commitments/" + p.getString("number") + "/objection";
        as(Tokens.citizen(pledger)).contentType(ContentType.JSON).body(Map.of("reason", "已签订租赁合同。")).post(objection)
                .then().statusCode(200);
        as(Tokens.mint("ISSUER", SCJ, "scj-third")).contentType(ContentType.JSON)
                .body(Map.of("uphold", true, "answer", "异议成立。")).post(objection + "/decision").then().statusCode(200)
                .body("status", equalTo("OVERTURNED"));
        // a supervision signal: the unit asks for a cancelled matter
        as(Tokens.verifier(UNIT)).contentType(ContentType.JSON)
                .body(Map.of("matterCode", "BZGAJ-C001", "subject", Map.of("kind", "PERSON", "name", "赵敏", "id", holderId),
                        "purpose", "办理入学", "consentRef", "none"))
                .post("/api/v1/proof-requests").then().statusCode(422);
        // disputes: one dismissed, one upheld by revocation after its due day, one left open
        String dismissed = dispute(matter, "韩梅梅");
        String late = dispute(matter, "林涛");
        dispute(matter, "吉姆");
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "DISMISSED", "note", "经核对无误")).post("/api/v1/disputes/" + dismissed + "/decision")
                .then().statusCode(200);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE dispute SET due_on = ? WHERE id = CAST(? AS uuid)")) { // as if the deadline had passed
            s.setDate(1, Date.valueOf(today.minusDays(1)));
            s.setString(2, late);
            assertEquals(1, s.executeUpdate());
        }
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "REVOKE", "note", "错误开具", "revocationReason", "ISSUED_IN_ERROR"))
                .post("/api/v1/disputes/" + late + "/decision").then().statusCode(200);
        // complaints against the unit: one founded after investigation, one dismissed at once, one still assigned
        String founded = complaint();
        String unfounded = complaint();
        complaint();
        String bureau = Tokens.reviewer("BZSFJ");
        as(bureau).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/complaints/" + founded + "/investigation")
                .then().statusCode(200);
        as(bureau).contentType(ContentType.JSON).body(Map.of("outcome", "FOUNDED", "text", "经查属实，责令整改。"))
                .post("/api/v1/complaints/" + founded + "/close").then().statusCode(200);
        as(bureau).contentType(ContentType.JSON).body(Map.of("outcome", "DISMISSED", "text", "经查不属实。"))
                .post("/api/v1/complaints/" + unfounded + "/close").then().statusCode(200);

        LocalDate from = today.minusDays(60);
        Map<String, Map<String, Long>> api = figures(from, today);
        Map<String, Map<String, Long>> raw = recount(from, today);
        assertEquals(raw, api, "statistics vs a recount from the raw tables");
        // folding the deltas into the rollup changes no figure (and the recording never waited for it)
        folder.fold();
        assertEquals(0L, count("SELECT count(*) FROM stats_delta WHERE day BETWEEN ? AND ?", from, today));
        assertEquals(raw, figures(from, today), "after folding");
        // the activity above is in it
        assertTrue(api.get(Fixtures.GOOD_ISSUER).get("issuedDirect") >= 1);

        assertTrue(api.get(Fixtures.GOOD_ISSUER).get("issuedRequest") >= 1);
        assertTrue(api.get(Fixtures.GOOD_ISSUER).get("verificationsReceived") >= 1);
        assertTrue(api.get(Fixtures.WINDOW).get("verificationsMade") >= 1);
        assertTrue(api.get(SCJ).get("pledges") >= 1);
        assertTrue(api.get(SCJ).get("falseFindings") >= 1);
        assertTrue(api.get(SCJ).get("falseFindingsWithdrawn") >= 1);
        assertTrue(api.get(UNIT).get("supervisionSignals") >= 1);
        Map<String, Long> issuer = api.get(Fixtures.GOOD_ISSUER);
        assertTrue(issuer.get("disputesOpened") >= 3, issuer::toString);
        assertTrue(issuer.get("disputesUpheld") >= 1, issuer::toString);
        assertTrue(issuer.get("disputesDismissed") >= 1, issuer::toString);
        assertTrue(issuer.get("disputesDecidedLate") >= 1, issuer::toString);
        assertTrue(issuer.get("disputesOverdue") >= 1, issuer::toString);
        assertTrue(api.get(UNIT).get("complaintsReceived") >= 3);
        assertTrue(api.get(UNIT).get("complaintsFounded") >= 1);
        assertTrue(api.get(UNIT).get("complaintsDismissed") >= 1);

        // one department; the same figures as CSV, by path and by Accept
        as(Tokens.reviewer("BZSFJ")).queryParam("from", from.toString()).queryParam("to", today.toString())
                .queryParam("department", SCJ).get(STATS).then()
                .statusCode(200).body("departments.size()", equalTo(1)).body("departments[0].department", equalTo(SCJ))
                .body("departments[0].falseFindings", equalTo(api.get(SCJ).get("falseFindings").intValue()));
        String csv = as(Tokens.admin()).queryParam("from", from.toString()).queryParam("to", today.toString())
                .queryParam("department", SCJ).get(STATS + ".csv").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("department,from,to,issued_direct"), csv);
        assertTrue(csv.contains(SCJ + "," + from), csv);
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",supervision_signals,disputes_opened,disputes_upheld,"
                + "disputes_dismissed,disputes_decided_late,disputes_overdue,complaints_received,complaints_founded,complaints_dismissed,more"),
                csv);
        as(Tokens.admin()).accept("text/csv").queryParam("from", from.toString()).queryParam("to", today.toString())
                .queryParam("department", SCJ).get(STATS)
                .then().statusCode(200).body(equalTo(csv));
    }

    @Test
    void theJusticeBureauAndAdminSeeAllAnIssuerItsOwnOthersNothing() {
        as(Tokens.admin()).get(STATS).then().statusCode(200);
        as(Tokens.reviewer("BZSFJ")).get(STATS).then().statusCode(200);
        as(Tokens.reviewer("BZSFJ")).queryParam("department", Fixtures.GOOD_ISSUER).get(STATS).then().statusCode(200);
        // an issuer: its own department only (the default), never another's
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).get(STATS).then().statusCode(200)
                .body("departments.size()", equalTo(1)).body("departments[0].department", equalTo(Fixtures.GOOD_ISSUER));
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).queryParam("department", Fixtures.OTHER_DEPT_ISSUER).get(STATS).then()
                .statusCode(403).body("detail", containsString("本部门"));
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).queryParam("department", Fixtures.OTHER_DEPT_ISSUER).get(STATS + ".csv")
                .then().statusCode(403);
        // a reviewer of a department that is not the justice bureau, a window, a citizen, nobody
        as(Tokens.listEditor(Fixtures.GOOD_ISSUER)).get(STATS).then().statusCode(403);
        as(Tokens.verifier(Fixtures.WINDOW)).get(STATS).then().statusCode(403);
        as(Tokens.citizen(Fixtures.CITIZEN_ID)).get(STATS).then().statusCode(403);
        given().get(STATS).then().statusCode(401);
        given().get(STATS + ".csv").then().statusCode(401);
    }

    @Test
    void badPeriodsAndUnknownDepartmentsAreProblems() {
        as(Tokens.admin()).queryParam("from", "2026-13-01").get(STATS).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("from"));
        as(Tokens.admin()).queryParam("to", "yesterday").get(STATS).then().statusCode(400).body("errors[0].field", equalTo("to"));
        as(Tokens.admin()).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get(STATS).then()
                .statusCode(400).body("detail", containsString("晚于"));
        as(Tokens.admin()).queryParam("from", "2020-01-01").queryParam("to", "2026-03-01").get(STATS).then().statusCode(400);
        as(Tokens.admin()).queryParam("department", "NOSUCH").get(STATS).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        as(Tokens.admin()).queryParam("from", "bad").get(STATS + ".csv").then().statusCode(400);
    }

    /** The same figures, counted from the raw tables (days in Asia/Shanghai), zeros left out. */
    private Map<String, Map<String, Long>> recount(LocalDate from, LocalDate to) throws Exception {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        String day = "(%s AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ? AND ?";
        LocalDate yesterday = LocalDate.now(ControllableClock.ZONE).minusDays(1);
        LocalDate until = to.isBefore(yesterday) ? to : yesterday;
        try (Connection c = db.getConnection()) {
            add(c, out, "issuedDirect", "SELECT issuer_dept, count(*) FROM proof WHERE kind = 'PROOF' AND supersedes IS NULL"
                    + " AND request_id IS NULL AND " + day.formatted("issued_at") + " GROUP BY 1", from, to);
            add(c, out, "issuedRequest", "SELECT issuer_dept, count(*) FROM proof WHERE kind = 'PROOF' AND supersedes IS NULL"
                    + " AND request_id IS NOT NULL AND issued_by <> 'system:immediate' AND " + day.formatted("issued_at")
                    + " GROUP BY 1", from, to);
            add(c, out, "issuedImmediate", "SELECT issuer_dept, count(*) FROM proof WHERE kind = 'PROOF' AND supersedes IS NULL"
                    + " AND request_id IS NOT NULL AND issued_by = 'system:immediate' AND " + day.formatted("issued_at")
                    + " GROUP BY 1", from, to);
            add(c, out, "issuedReissue", "SELECT issuer_dept, count(*) FROM proof WHERE kind = 'PROOF'"
                    + " AND supersedes IS NOT NULL AND " + day.formatted("issued_at") + " GROUP BY 1", from, to);
            add(c, out, "requests", "SELECT issuer_dept, count(*) FROM proof_request WHERE " + day.formatted("created_at")
                    + " GROUP BY 1", from, to);
            String minutes = "GREATEST(0, floor(extract(epoch FROM decided_at - created_at) / 60))";
            add(c, out, "medianIssueMinutes", "SELECT issuer_dept, percentile_disc(0.5) WITHIN GROUP (ORDER BY " + minutes
                    + ") FROM proof_request WHERE status = 'ISSUED' AND " + day.formatted("decided_at") + " GROUP BY 1", from, to);
            add(c, out, "p90IssueMinutes", "SELECT issuer_dept, percentile_disc(0.9) WITHIN GROUP (ORDER BY " + minutes
                    + ") FROM proof_request WHERE status = 'ISSUED' AND " + day.formatted("decided_at") + " GROUP BY 1", from, to);
            if (!until.isBefore(from)) {
                add(c, out, "overdueRequests", "SELECT issuer_dept, count(*) FROM proof_request WHERE due_date BETWEEN ? AND ?"
                        + " AND (status = 'PENDING' OR (decided_at AT TIME ZONE 'Asia/Shanghai')::date > due_date) GROUP BY 1",
                        from, until);
                add(c, out, "disputesOverdue", "SELECT issuer_dept, count(*) FROM dispute WHERE due_on BETWEEN ? AND ?"
                        + " AND (status = 'OPEN' OR (decided_at AT TIME ZONE 'Asia/Shanghai')::date > due_on) GROUP BY 1",
                        from, until);
            }
            add(c, out, "verificationsReceived", "SELECT issuer_dept, count(*) FROM verification WHERE issuer_dept IS NOT NULL"
                    + " AND " + day.formatted("verified_at") + " GROUP BY 1", from, to);
            add(c, out, "verificationsMade", "SELECT unit_code, count(*) FROM verification WHERE "
                    + day.formatted("verified_at") + " GROUP BY 1", from, to);
            add(c, out, "retrievalsReceived", "SELECT issuer_dept, count(*) FROM verification WHERE retrieved"
                    + " AND issuer_dept IS NOT NULL AND " + day.formatted("verified_at") + " GROUP BY 1", from, to);
            add(c, out, "retrievalsMade", "SELECT unit_code, count(*) FROM verification WHERE retrieved AND "
                    + day.formatted("verified_at") + " GROUP BY 1", from, to);
            add(c, out, "pledges", "SELECT department_code, count(*) FROM pledge WHERE " + day.formatted("pledged_at")
                    + " GROUP BY 1", from, to);
            add(c, out, "falseFindings", "SELECT department_code, count(*) FROM pledge_check WHERE status = 'CLOSED'"
                    + " AND result = 'FALSE' AND " + day.formatted("closed_at") + " GROUP BY 1", from, to);
            add(c, out, "falseFindingsWithdrawn", "SELECT c.department_code, count(*) FROM pledge p JOIN pledge_check c"
                    + " ON c.pledge_id = p.id WHERE p.status = 'OVERTURNED' AND " + day.formatted("p.objection_decided_at")
                    + " GROUP BY 1", from, to);
            add(c, out, "supervisionSignals", "SELECT unit_code, count(*) FROM list_signal WHERE day BETWEEN ? AND ? GROUP BY 1",
                    from, to);
            String decided = "status <> 'OPEN' AND " + day.formatted("decided_at");
            add(c, out, "disputesOpened", "SELECT issuer_dept, count(*) FROM dispute WHERE " + day.formatted("opened_at")
                    + " GROUP BY 1", from, to);
            add(c, out, "disputesUpheld", "SELECT issuer_dept, count(*) FROM dispute WHERE outcome IN ('REISSUE', 'REVOKE')"
                    + " AND " + decided + " GROUP BY 1", from, to);
            add(c, out, "disputesDismissed", "SELECT issuer_dept, count(*) FROM dispute WHERE outcome = 'DISMISSED'"
                    + " AND " + decided + " GROUP BY 1", from, to);
            add(c, out, "disputesDecidedLate", "SELECT issuer_dept, count(*) FROM dispute WHERE"
                    + " (decided_at AT TIME ZONE 'Asia/Shanghai')::date > due_on AND " + decided + " GROUP BY 1", from, to);
            add(c, out, "complaintsReceived", "SELECT department_code, count(*) FROM demand_complaint WHERE "
                    + day.formatted("filed_at") + " GROUP BY 1", from, to);
            add(c, out, "complaintsFounded", "SELECT department_code, count(*) FROM demand_complaint WHERE status = 'FOUNDED'"
                    + " AND " + day.formatted("closed_at") + " GROUP BY 1", from, to);
            add(c, out, "complaintsDismissed", "SELECT department_code, count(*) FROM demand_complaint"
                    + " WHERE status = 'DISMISSED' AND " + day.formatted("closed_at") + " GROUP BY 1", from, to);
        }
        return out;
    }

    /** Issues a proof of the matter to a new holder, who disputes it; the dispute's id. */
    private static String dispute(String matter, String name) {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> proof = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, name, holder);
        return as(Tokens.citizen(holder)).contentType(ContentType.JSON)
                .body(Map.of("proofNumber", proof.get("number"), "reason", "户籍地址有误")).post("/api/v1/disputes")
                .then().statusCode(201).extract().path("id");
    }

    /** Files a complaint against {@link #UNIT} as a new citizen; its id. */
    private static String complaint() {
        return as(Tokens.citizen(Fixtures.randomResidentId())).contentType(ContentType.JSON)
                .body(Map.of("departmentCode", UNIT, "matterCode", "BZZJJ-C001", "ground", "CANCELLED",
                        "demandedOn", LocalDate.now(ControllableClock.ZONE).toString(),
                        "description", "窗口工作人员要求我提交已取消的证明。"))
                .post("/api/v1/complaints").then().statusCode(201).extract().path("id");
    }

    private static void add(Connection c, Map<String, Map<String, Long>> out, String figure, String sql, LocalDate from,
            LocalDate to) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long n = r.getLong(2);
                    if (n != 0) {
                        out.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(figure, n);
                    }
                }
            }
        }
    }

    /** The API's non-zero figures per department for the period. */
    private static Map<String, Map<String, Long>> figures(LocalDate from, LocalDate to) {
        JsonPath all = as(Tokens.admin()).queryParam("from", from.toString()).queryParam("to", to.toString()).get(STATS)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Long>> api = new TreeMap<>();
        for (Map<String, Object> row : all.<Map<String, Object>>getList("departments")) {
            Map<String, Long> f = new TreeMap<>();
            for (String k : List.of("issuedDirect", "issuedRequest", "issuedImmediate", "issuedReissue", "requests",
                    "medianIssueMinutes", "p90IssueMinutes", "overdueRequests", "verificationsReceived", "verificationsMade",
                    "retrievalsReceived", "retrievalsMade", "pledges", "falseFindings", "falseFindingsWithdrawn", "supervisionSignals",
                    "disputesOpened", "disputesUpheld", "disputesDismissed", "disputesDecidedLate", "disputesOverdue", "complaintsReceived",
                    "complaintsFounded", "complaintsDismissed")) {
                Object v = row.get(k);
                if (v != null && ((Number) v).longValue() != 0) {
                    f.put(k, ((Number) v).longValue());
                }
            }
            if (!f.isEmpty()) {
                api.put((String) row.get("department"), f);
            }
        }
        return api;
    }

    private long count(String sql, LocalDate from, LocalDate to) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(to));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static JsonPath pledge(String matter, String holder) {
        JsonPath t = given().get("/api/v1/commitment-templates/" + matter).then().statusCode(200).extract().jsonPath();
        Map<String, String> answers = new HashMap<>();
        for (String field : t.<String>getList("fields.name")) {
            answers.put(field, "测试填报内容");
        }
        Map<String, Object> body = Map.of("matterCode", matter, "templateHash", t.getString("hash"),
                "textHash", t.getString("textHash"), "usingUnit", UNIT, "serviceMatter", "个体工商户设立登记",
                "pledger", Map.of("kind", "PERSON", "name", "张伟", "id", holder), "answers", answers, "accept", true);
        return as(Tokens.citizen(holder)).contentType(ContentType.JSON).body(body).post("/api/v1/commitments").then()
                .statusCode(201).extract().jsonPath();
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }
}
