package org.certfree.proofs.stats;

import static io.restassured.RestAssured.given;
import static org.certfree.proofs.stats.StatisticsTest.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Batches;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 监督信号 (a unit asking for a cancelled matter) and 随机抽查 draws, recomputed here independently. */
@QuarkusTest
class SupervisionTest {

    static final String SIGNALS = "/api/v1/supervision-signals";
    static final String DRAWS = "/api/v1/inspection-draws";
    static final String UNIT = "BZZWZX";
    static final String CANCELLED = "BZGAJ-C001";

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Inject
    DataSource db;

    @Inject
    ControllableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeEach
    void seed() {
        demoData.seed();
        demoData.seedKeys();
        lists.seed();
        Fixtures.departments();
    }

    @Test
    void aUnitAskingForACancelledMatterIsSignalledOncePerDayAndChannelCountingAttempts() {
        String today = LocalDate.now(ControllableClock.ZONE).toString();
        int before = attempts(today, "REQUEST");
        Map<String, Object> body = Map.of("matterCode", CANCELLED, "subject", Map.of("kind", "PERSON", "name", "赵敏",
                "id", Fixtures.randomResidentId()), "purpose", "办理入学", "consentRef", "none");
        for (int i = 0; i < 2; i++) { // refused each time; the signal survives the refusal's rollback
            as(Tokens.verifier(UNIT)).contentType(ContentType.JSON).body(body).post("/api/v1/proof-requests").then()
                    .statusCode(422);
        }
        assertEquals(before + 2, attempts(today, "REQUEST"));
        // a citizen asking for themselves is no unit's signal
        String self = Fixtures.randomResidentId();
        as(Tokens.citizen(self)).contentType(ContentType.JSON).body(Map.of("matterCode", CANCELLED,
                "subject", Map.of("kind", "PERSON", "name", "赵敏", "id", self), "purpose", "办理入学"))
                .post("/api/v1/proof-requests").then().statusCode(422);
        assertEquals(before + 2, attempts(today, "REQUEST"));
        // the 用证 list refuses the matter, and the attempt is a signal against the unit
        int listed = attempts(today, "USAGE_LIST");
        as(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("unit", UNIT, "serviceMatter", "入学登记",
                "businessSystem", "入学平台", "proofMatterCode", CANCELLED)).post("/api/v1/using-units").then().statusCode(400);
        assertEquals(listed + 1, attempts(today, "USAGE_LIST"));
        JsonPath signals = as(Tokens.reviewer("BZSFJ")).queryParam("from", today).queryParam("to", today)
                .queryParam("unit", UNIT).queryParam("size", 200).get(SIGNALS).then().statusCode(200).extract().jsonPath();
        assertEquals("CANCELLED", signals.getString("rows.find { it.channel == 'REQUEST' && it.matter == '" + CANCELLED
                + "' }.listState"));
        assertEquals(UNIT, signals.getString("perUnit[0].unit"));
        assertTrue(signals.getInt("perUnit[0].signals") >= 2);
        assertTrue(signals.getInt("perUnit[0].attempts") >= 3);
    }

    @Test
    void verifyingAProofOfAMatterRemovedFromTheRetainedListIsASignalAPledgeIsNot() {
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 3);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        Map<String, Object> p = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "李雷", Fixtures.randomResidentId());
        Map<String, Object> verify = Map.of("jws", p.get("jwsCompact"), "purpose", "办理入学");
        as(Tokens.verifier(Fixtures.WINDOW)).contentType(ContentType.JSON).body(verify).post("/api/v1/verifications").then()
                .statusCode(200);
        String today = LocalDate.now(ControllableClock.ZONE).toString();
        JsonPath none = as(Tokens.admin()).queryParam("from", today).queryParam("to", today)
                .queryParam("unit", Fixtures.WINDOW).queryParam("size", 200).get(SIGNALS).then().statusCode(200).extract().jsonPath();
        assertEquals(0, none.getList("rows.findAll { it.matter == '" + matter + "' }").size());
        // the matter leaves the retained list (data sharing replaces it)
        as(Tokens.listEditor(Fixtures.GOOD_ISSUER)).contentType(ContentType.JSON).body(Map.of("reason", "已通过数据共享核查，申请移出"))
                .post("/api/v1/matters/" + matter + "/removal-requests").then().statusCode(201);
        Matters.submitAndApprove(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, matter, 2);
        Batches.publishWith(List.of(matter));
        as(Tokens.verifier(Fixtures.WINDOW)).contentType(ContentType.JSON).body(verify).post("/api/v1/verifications").then()
                .statusCode(200);
        JsonPath after = as(Tokens.admin()).queryParam("from", today).queryParam("to", today)
                .queryParam("unit", Fixtures.WINDOW).queryParam("size", 200).get(SIGNALS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("VERIFY"), after.getList("rows.findAll { it.matter == '" + matter + "' }.channel"));
        assertEquals(List.of("NOT_RETAINED"), after.getList("rows.findAll { it.matter == '" + matter + "' }.listState"));
        // a pledge document's matter is on the notify-and-commit list by design: verifying it is no signal
        String holder = Fixtures.randomResidentId();
        JsonPath pledge = StatisticsTest.pledge("BZSCJGJ-N001", holder);
        as(Tokens.verifier(UNIT)).contentType(ContentType.JSON).body(Map.of("number", pledge.getString("number"),
                "code", pledge.getString("document.verificationCode"), "purpose", "个体工商户设立登记"))
                .post("/api/v1/verifications").then().statusCode(200);
        JsonPath unit = as(Tokens.admin()).queryParam("from", today).queryParam("to", today)
                .queryParam("unit", UNIT).queryParam("size", 200).get(SIGNALS).then().statusCode(200).extract().jsonPath();
        assertEquals(0, unit.getList("rows.findAll { it.matter == 'BZSCJGJ-N001' }").size());
    }

    @Test
    void onlyTheJusticeBureauAndAdminReadSignalsAndBadQueriesAreProblems() {
        as(Tokens.admin()).get(SIGNALS).then().statusCode(200);
        as(Tokens.reviewer("BZSFJ")).get(SIGNALS).then().statusCode(200);
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).get(SIGNALS).then().statusCode(403);
        as(Tokens.verifier(UNIT)).get(SIGNALS).then().statusCode(403);
        given().get(SIGNALS).then().statusCode(401);
        as(Tokens.admin()).queryParam("from", "2026-02-30").get(SIGNALS).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(Tokens.admin()).queryParam("from", "2026-03-02").queryParam("to", "2026-03-01").get(SIGNALS).then().statusCode(400);
        as(Tokens.admin()).queryParam("unit", "NOSUCH").get(SIGNALS).then().statusCode(404);
    }

    @Test
    void aDrawIsReproducibleFromThePublishedTreeHead() throws Exception {
        // (the clock moves a day ahead below: nothing is published after that, so later tests can publish again)
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 3);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> p = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "李雷", Fixtures.randomResidentId());
            as(Tokens.verifier(Fixtures.WINDOW)).contentType(ContentType.JSON)
                    .body(Map.of("jws", p.get("jwsCompact"), "purpose", "办理入学")).post("/api/v1/verifications").then()
                    .statusCode(200);
        }
        StatisticsTest.pledge("BZSCJGJ-N001", Fixtures.randomResidentId());
        LocalDate today = LocalDate.now(ControllableClock.ZONE);
        // only a closed period is drawn from: today's is closed tomorrow
        Map<String, Object> open = Map.of("kind", "PROOF", "department", Fixtures.GOOD_ISSUER, "from",
                today.minusDays(30).toString(), "to", today.toString(), "size", 2);
        as(Tokens.reviewer("BZSFJ")).contentType(ContentType.JSON).body(open).post(DRAWS).then().statusCode(400)
                .body("errors[0].field", equalTo("to")).body("errors[0].message", containsString("已结束"));
        clock.advance(Duration.ofDays(1));
        Map<String, String> departments = Map.of("PROOF", Fixtures.GOOD_ISSUER, "VERIFICATION", Fixtures.WINDOW,
                "PLEDGE", "BZSCJGJ");
        for (Map.Entry<String, String> kind : new TreeMap<>(departments).entrySet()) {
            JsonPath head = given().get("/api/v1/transparency/tree-head").then().statusCode(200).extract().jsonPath();
            JsonPath d = as(Tokens.reviewer("BZSFJ")).contentType(ContentType.JSON).body(Map.of("kind", kind.getKey(),
                    "department", kind.getValue(), "from", today.minusDays(30).toString(), "to", today.toString(), "size", 2))
                    .post(DRAWS).then().statusCode(201).header("Location", containsString(DRAWS + "/"))
                    .extract().jsonPath();
            // the latest tree head, or the seed of an earlier draw of the same kind, department and period
            String[] earlier = firstSeed(kind.getKey(), kind.getValue(), today.minusDays(30), today, d.getString("id"));
            assertEquals(earlier != null ? earlier[1] : head.getString("rootHash"), d.getString("seedRootHash"));
            assertEquals(earlier != null ? Integer.parseInt(earlier[0]) : head.getInt("treeSize"), d.getInt("seedTreeSize"));
            List<String> candidates = candidates(kind.getKey(), kind.getValue(), today.minusDays(30), today);
            assertEquals(candidates.size(), d.getInt("candidates"));
            assertEquals(sha256(String.join("\n", new TreeSet<>(candidates))), d.getString("candidatesSha256"), kind.getKey());
            assertTrue(candidates.size() >= 1, kind.getKey());
            assertEquals(recompute(d.getString("seedRootHash"), candidates, 2), d.getList("items"), kind.getKey());
            String id = d.getString("id");
            as(Tokens.admin()).get(DRAWS + "/" + id).then().statusCode(200).body("items", equalTo(d.getList("items")))
                    .body("candidates", equalTo(candidates.size()));
            String inspected = kind.getKey().equals("VERIFICATION") ? Tokens.verifier(kind.getValue())
                    : Tokens.mint("ISSUER", kind.getValue(), "inspected");
            as(inspected).get(DRAWS + "/" + id).then().statusCode(200);
            as(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER)).get(DRAWS + "/" + id).then().statusCode(403);
            // drawing again keeps the first draw's seed, whatever the log's head is by then: a larger sample extends
            // the first. (The log cannot grow here — nothing is published while the clock is ahead — so the first
            // draw's stored seed is made to differ from the head.)
            String otherSeed = sha256("another head " + kind.getKey());
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                    UPDATE inspection_draw SET seed_root_hash = ? WHERE kind = ? AND department = ?
                    AND period_from = ? AND period_to = ?""")) {
                s.setString(1, otherSeed);
                s.setString(2, kind.getKey());
                s.setString(3, kind.getValue());
                s.setObject(4, today.minusDays(30));
                s.setObject(5, today);
                assertTrue(s.executeUpdate() >= 1);
            }
            JsonPath again = as(Tokens.reviewer("BZSFJ")).contentType(ContentType.JSON).body(Map.of("kind", kind.getKey(),
                    "department", kind.getValue(), "from", today.minusDays(30).toString(), "to", today.toString(), "size", 3))
                    .post(DRAWS).then().statusCode(201).extract().jsonPath();
            assertEquals(otherSeed, again.getString("seedRootHash"));
            assertEquals(recompute(otherSeed, candidates, 3), again.getList("items"), kind.getKey());
        }
    }

    /** {treeSize, rootHash} of the first draw of this kind, department and period other than {@code except}, or null. */
    private String[] firstSeed(String kind, String department, LocalDate from, LocalDate to, String except) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT seed_tree_size, seed_root_hash FROM inspection_draw WHERE kind = ? AND department = ?
                AND period_from = ? AND period_to = ? AND id <> CAST(? AS uuid) ORDER BY drawn_at, id LIMIT 1""")) {
            s.setString(1, kind);
            s.setString(2, department);
            s.setObject(3, from);
            s.setObject(4, to);
            s.setString(5, except);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new String[] { r.getString(1), r.getString(2) } : null;
            }
        }
    }

    @Test
    void onlyTheJusticeBureauDrawsAndBadDrawsAreProblems() {
        String today = LocalDate.now(ControllableClock.ZONE).minusDays(1).toString(); // the last closed day
        Map<String, Object> ok = Map.of("kind", "PROOF", "department", Fixtures.GOOD_ISSUER, "from", today, "to", today, "size", 5);
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).contentType(ContentType.JSON).body(ok).post(DRAWS).then().statusCode(403);
        as(Tokens.listEditor(Fixtures.GOOD_ISSUER)).contentType(ContentType.JSON).body(ok).post(DRAWS).then().statusCode(403);
        as(Tokens.verifier(UNIT)).contentType(ContentType.JSON).body(ok).post(DRAWS).then().statusCode(403);
        given().contentType(ContentType.JSON).body(ok).post(DRAWS).then().statusCode(401);
        as(Tokens.admin()).contentType(ContentType.JSON).body(ok).post(DRAWS).then().statusCode(201);
        for (int size : List.of(0, 501)) {
            Map<String, Object> bad = new TreeMap<>(ok);
            bad.put("size", size);
            as(Tokens.admin()).contentType(ContentType.JSON).body(bad).post(DRAWS).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("size"));
        }
        Map<String, Object> later = new TreeMap<>(ok);
        later.put("from", LocalDate.parse(today).plusDays(1).toString());
        as(Tokens.admin()).contentType(ContentType.JSON).body(later).post(DRAWS).then().statusCode(400);
        Map<String, Object> format = new TreeMap<>(ok);
        format.put("to", "30/11/2026");
        as(Tokens.admin()).contentType(ContentType.JSON).body(format).post(DRAWS).then().statusCode(400);
        Map<String, Object> nobody = new TreeMap<>(ok);
        nobody.put("department", "NOSUCH");
        as(Tokens.admin()).contentType(ContentType.JSON).body(nobody).post(DRAWS).then().statusCode(404);
        Map<String, Object> kind = new TreeMap<>(ok);
        kind.put("kind", "CONSENT");
        as(Tokens.admin()).contentType(ContentType.JSON).body(kind).post(DRAWS).then().statusCode(400);
        as(Tokens.admin()).get(DRAWS + "/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        as(Tokens.admin()).get(DRAWS + "/not-a-uuid").then().statusCode(400);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Dates PostgreSQL cannot store are a 400 problem on every period parameter, not a 500. */
    @Test
    void datesBeyondTheYear9999AreA400() {
        for (String path : List.of("/api/v1/statistics", SIGNALS)) {
            as(Tokens.admin()).queryParam("from", "+6000000-01-01").queryParam("to", "+6000000-01-31").get(path).then()
                    .statusCode(400).contentType(startsWith("application/problem+json")).body("detail", containsString("9999"));
            as(Tokens.admin()).queryParam("to", "+6000000-01-31").get(path).then().statusCode(400);
        }
        Map<String, Object> draw = new TreeMap<>(Map.of("kind", "PROOF", "department", Fixtures.GOOD_ISSUER,
                "from", "+6000000-01-01", "to", "+6000000-01-31", "size", 5));
        as(Tokens.admin()).contentType(ContentType.JSON).body(draw).post(DRAWS).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("9999"));
    }

    /** A draw's missing fields are each named, in Chinese, with what to write. */
    @Test
    void aDrawWithoutItsFieldsSaysWhatToFillIn() {
        as(Tokens.admin()).contentType(ContentType.JSON).body(Map.of()).post(DRAWS).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems(containsString("kind"), containsString("department"),
                        containsString("from"), containsString("to"), containsString("size")))
                .body("errors.find { it.field.endsWith('department') }.message", containsString("被抽查部门"))
                .body("errors.find { it.field.endsWith('size') }.message", containsString("抽查数量"))
                .body("errors.find { it.field.endsWith('from') }.message", containsString("YYYY-MM-DD"));
        as(Tokens.admin()).contentType(ContentType.JSON).post(DRAWS).then().statusCode(400);
    }

    @Test
    void aDrawHonoursTheIdempotencyKey() throws Exception {
        String today = LocalDate.now(ControllableClock.ZONE).minusDays(1).toString(); // the last closed day
        String key = "draw-" + java.util.UUID.randomUUID();
        Map<String, Object> body = Map.of("kind", "PLEDGE", "department", "BZSCJGJ", "from", today, "to", today, "size", 4);
        int before = draws("BZSCJGJ");
        String id = as(Tokens.reviewer("BZSFJ")).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(DRAWS).then().statusCode(201).extract().path("id");
        as(Tokens.reviewer("BZSFJ")).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post(DRAWS).then()
                .statusCode(201).header("Idempotent-Replayed", "true").header("Location", containsString(id))
                .body("id", equalTo(id));
        Map<String, Object> other = new TreeMap<>(body);
        other.put("size", 5);
        as(Tokens.reviewer("BZSFJ")).header("Idempotency-Key", key).contentType(ContentType.JSON).body(other).post(DRAWS).then()
                .statusCode(422).body("type", containsString("idempotency-key-reused"));
        assertEquals(before + 1, draws("BZSCJGJ"));
    }

    /** The counts per unit are exact however many signals there are; the rows come a page at a time. */
    @Test
    void signalCountsAreExactBeyondTenThousandRowsAndTheRowsArePaged() throws Exception {
        String unit = "ZZ-SIG-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO list_signal (unit_code, matter_code, channel, day, list_state, attempts, first_at, last_at)
                SELECT ?, 'ZZ-M' || (g % 400), 'VERIFY', DATE '2001-01-01' + (g / 400), 'CANCELLED', 2,
                       TIMESTAMPTZ '2001-01-01 09:00+08' + (g / 400) * INTERVAL '1 day',
                       TIMESTAMPTZ '2001-01-01 10:00+08' + (g / 400) * INTERVAL '1 day'
                FROM generate_series(0, 10000) g""")) {
            s.setString(1, unit);
            assertEquals(10001, s.executeUpdate());
        }
        JsonPath all = as(Tokens.admin()).queryParam("from", "2001-01-01").queryParam("to", "2001-01-31").get(SIGNALS)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(10001, all.getLong("perUnit.find { it.unit == '" + unit + "' }.signals"));
        assertEquals(20002, all.getLong("perUnit.find { it.unit == '" + unit + "' }.attempts"));
        assertTrue(all.getLong("total") >= 10001, all.getString("total"));
        assertEquals(20, all.getList("rows").size());
        long total = all.getLong("total");
        long lastPage = (total - 1) / 200;
        JsonPath last = as(Tokens.admin()).queryParam("from", "2001-01-01").queryParam("to", "2001-01-31")
                .queryParam("size", 200).queryParam("page", lastPage).get(SIGNALS).then().statusCode(200).extract().jsonPath();
        List<String> days = last.getList("rows.day");
        assertEquals(total - lastPage * 200, days.size());
        assertEquals("2001-01-01", days.get(days.size() - 1), "newest first: the last page ends with the oldest day");
        assertEquals(total, last.getLong("total"));
        as(Tokens.admin()).queryParam("size", 201).get(SIGNALS).then().statusCode(400);
        as(Tokens.admin()).queryParam("page", -1).get(SIGNALS).then().statusCode(400);
    }

    private int draws(String department) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM inspection_draw WHERE department = ?")) {
            s.setString(1, department);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** The draw rule, written again from its description (not DrawOrder): sort by SHA-256 hex, then id. */
    private static List<String> recompute(String root, List<String> candidates, int size) throws Exception {
        TreeMap<String, String> byKey = new TreeMap<>();
        for (String id : candidates) {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("certfree-inspection-draw:v1|" + root + "|" + id).getBytes(StandardCharsets.UTF_8));
            byKey.put(HexFormat.of().formatHex(h) + "|" + id, id);
        }
        return new ArrayList<>(byKey.values()).subList(0, Math.min(size, byKey.size()));
    }

    private List<String> candidates(String kind, String dept, LocalDate from, LocalDate to) throws Exception {
        String sql = switch (kind) {
            case "PROOF" -> "SELECT number FROM proof WHERE kind = 'PROOF' AND issuer_dept = ? AND issued_at >= ? AND issued_at < ?";
            case "PLEDGE" -> "SELECT number FROM pledge WHERE department_code = ? AND pledged_at >= ? AND pledged_at < ?";
            default -> "SELECT CAST(id AS VARCHAR) FROM verification WHERE unit_code = ? AND verified_at >= ? AND verified_at < ?";
        };
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, dept);
            s.setTimestamp(2, Timestamp.from(from.atStartOfDay(ControllableClock.ZONE).toInstant()));
            s.setTimestamp(3, Timestamp.from(to.plusDays(1).atStartOfDay(ControllableClock.ZONE).toInstant()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private int attempts(String day, String channel) {
        JsonPath j = as(Tokens.admin()).queryParam("from", day).queryParam("to", day).queryParam("unit", UNIT)
                .queryParam("size", 200).get(SIGNALS)
                .then().statusCode(200).extract().jsonPath();
        Integer n = j.getInt("rows.findAll { it.channel == '" + channel + "' && it.matter == '" + CANCELLED
                + "' }.sum { it.attempts } ?: 0");
        return n == null ? 0 : n;
    }
}
