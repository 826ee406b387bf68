package org.certfree.proofs.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.certfree.proofs.demo.CommitmentDemoData;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.demo.ProofDemoData;
import org.certfree.proofs.demo.SupervisionDemoData;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.testsupport.NodeScripts;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The supervision dashboard in headless Chromium, as the justice bureau and ADMIN see it with the demo data, and as a citizen. */
@QuarkusTest
class SupervisionPageTest {

    private static final List<String> METRICS = List.of("issuedTotal", "verificationsReceived", "overdueRequests",
            "falseFindings", "supervisionSignals");

    @TestHTTPResource("/supervision")
    URL page;

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Inject
    ProofDemoData proofDemo;

    @Inject
    CommitmentDemoData commitmentDemo;

    @Inject
    SupervisionDemoData supervisionDemo;

    @Inject
    DataSource db;

    @Inject
    PersonalDataProtector protector;

    @Test
    void theJusticeBureauSeesChartsAndTablesAndACitizenIsRefusedInChinese() throws Exception {
        NodeScripts.requireChromium();
        demoData.seed();
        demoData.seedKeys();
        lists.seed();
        proofDemo.seed();
        commitmentDemo.seed();
        supervisionDemo.seed();
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        // more closed complaints than one page of the API holds, all newer than the open ones: the table of open
        // complaints must still list those
        closedComplaints(201);

        String bureau = Tokens.reviewer("BZSFJ");
        NodeScripts.Run run = NodeScripts.run("dashboard-page.mjs", page + "#token=" + bureau,
                shots.resolve("dashboard.png").toAbsolutePath().toString(), "BZGAJ");
        assertEquals(0, run.exit(), run.stderr());
        JsonNode shown = new ObjectMapper().readTree(run.stdout());
        assertEquals("true", shown.get("loaded").asText(), shown.toString());
        assertEquals("证明事项监督看板", shown.get("title").asText());
        assertFalse(shown.get("address").asText().contains("token"), "the token leaves the address bar");
        assertEquals(5, shown.get("charts").asInt(), shown.toString());
        assertTrue(shown.get("chartTitles").toString().contains("开具证明数"), shown.toString());
        assertEquals("BZGAJ", shown.get("department").asText());

        // the figures drawn for 公安局 this month are what the statistics API answers for that department and month
        YearMonth month = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        JsonNode api = new ObjectMapper().readTree(given().header("Authorization", Tokens.bearer(bureau))
                .queryParam("from", month.atDay(1).toString()).queryParam("to", month.atEndOfMonth().toString())
                .queryParam("department", "BZGAJ").accept("application/json").get("/api/v1/statistics")
                .then().statusCode(200).extract().asString());
        JsonNode row = api.get("departments").get(0);
        assertEquals("BZGAJ", row.get("department").asText());
        assertTrue(row.get("issuedTotal").asLong() > 0, api.toString());
        for (String metric : METRICS) {
            JsonNode figure = shown.get("figures").get(metric).get(month.toString());
            assertNotNull(figure, metric + " " + shown);
            assertEquals(row.get(metric).asLong(), figure.asLong(), metric + " of BZGAJ in " + month);
        }
        assertEquals(6, shown.get("figures").get("issuedTotal").size(), "six months");

        JsonNode rows = shown.get("rows");
        for (String table : List.of("disputes", "listDisputes", "complaints", "complaintSummary", "signals", "perDept")) {
            assertTrue(rows.get(table).asInt() > 0, table + " has rows: " + rows);
        }
        assertEquals(openComplaints(bureau), rows.get("complaints").asInt(), "every open complaint: " + rows);
        assertTrue(shown.get("links").toString().contains("/api/v1/disputes/"), shown.toString());
        assertTrue(shown.get("links").toString().contains("/api/v1/complaints/"), shown.toString());

        // 查看 shows the record in the page, fetched with the token: the dispute's reason, the complaint's account
        // (each read in the holder's or complainant's access log), a unit's signal rows
        JsonNode details = shown.get("details");
        JsonNode dispute = details.get("dispute").get("fields");
        assertEquals("证明异议", details.get("dispute").get("title").asText(), details.toString());
        assertTrue(dispute.get("proofNumber").asText().length() > 5, details.toString());
        assertTrue(dispute.get("reason").asText().length() > 0, details.toString());
        assertEquals("待处理", dispute.get("statusText").asText(), details.toString());
        assertTrue(details.get("complaint").get("fields").get("description").asText().length() > 0, details.toString());
        assertTrue(details.get("signals").get("rows").asInt() > 0, details.toString());
        assertTrue(readsOf("DISPUTE_READ", dispute.get("proofNumber").asText()) > 0, "the reason read is in the holder's log");

        // ADMIN sees the same board
        run = NodeScripts.run("dashboard-page.mjs", page + "#token=" + Tokens.admin(),
                shots.resolve("dashboard-admin.png").toAbsolutePath().toString(), "BZGAJ");
        assertEquals(0, run.exit(), run.stderr());
        JsonNode admin = new ObjectMapper().readTree(run.stdout());
        assertEquals("true", admin.get("loaded").asText(), admin.toString());
        assertEquals(5, admin.get("charts").asInt(), admin.toString());
        for (String metric : METRICS) {
            assertEquals(shown.get("figures").get(metric), admin.get("figures").get(metric), metric);
        }
        for (String table : List.of("disputes", "listDisputes", "complaints", "complaintSummary", "signals", "perDept")) {
            assertTrue(admin.get("rows").get(table).asInt() > 0, table + " has rows for ADMIN: " + admin.get("rows"));
        }
        assertTrue(admin.get("details").get("complaint").get("fields").get("description").asText().length() > 0, admin.toString());

        // a citizen gets the Chinese refusal, no figures
        run = NodeScripts.run("dashboard-page.mjs", page + "#token=" + Tokens.citizen(ProofDemoData.personHolders().get(0).id()),
                shots.resolve("dashboard-citizen.png").toAbsolutePath().toString());
        assertEquals(0, run.exit(), run.stderr());
        shown = new ObjectMapper().readTree(run.stdout());
        assertEquals("error", shown.get("loaded").asText(), shown.toString());
        assertTrue(shown.get("error").asText().contains("无权查看"), shown.toString());
        assertTrue(shown.get("charts") == null, shown.toString());

        // the page itself is public and holds no data
        given().get("/supervision").then().statusCode(200).header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"));
    }

    private int openComplaints(String token) {
        int n = 0;
        for (String status : List.of("ASSIGNED", "INVESTIGATING")) {
            n += given().header("Authorization", Tokens.bearer(token)).queryParam("status", status).get("/api/v1/complaints")
                    .then().statusCode(200).extract().<Integer>path("total");
        }
        return n;
    }

    /**
     * {@code n} dismissed complaints filed between the newest open one and now, against a unit of their own (so
     * that no other test's listing of a real unit pages past its own complaints).
     */
    private void closedComplaints(int n) throws Exception {
        String description = protector.encrypt("窗口要求提交已取消的证明。", "demand_complaint.description");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO demand_complaint (id, department_code, matter_code, matter_name, ground, demanded_on,
                    description_enc, complainant, filed_at, status, closed_by, closed_at)
                SELECT gen_random_uuid(), 'ZZPAGETEST', NULL, '无犯罪记录证明', 'CANCELLED', DATE '2024-01-02', ?,
                       'holder:page-test', f, 'DISMISSED', 'page-test', f
                FROM (SELECT o + (now() - o) * g / (? + 1) AS f FROM generate_series(1, ?) g,
                      (SELECT max(filed_at) AS o FROM demand_complaint WHERE status IN ('ASSIGNED', 'INVESTIGATING')) open) t""")) {
            s.setString(1, description);
            s.setInt(2, n);
            s.setInt(3, n);
            assertEquals(n, s.executeUpdate());
        }
    }

    private long readsOf(String kind, String proofNumber) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM holder_access WHERE kind = ? AND proof_number = ?")) {
            s.setString(1, kind);
            s.setString(2, proofNumber);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
