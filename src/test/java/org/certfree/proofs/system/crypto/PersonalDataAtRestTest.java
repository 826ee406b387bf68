package org.certfree.proofs.system.crypto;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.demo.CommitmentDemoData;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.demo.ProofDemoData;
import org.certfree.proofs.demo.SupervisionDemoData;
import org.certfree.proofs.proof.dto.SubjectInput;
import org.certfree.proofs.system.http.ProblemMappers;
import org.certfree.proofs.testsupport.ClearText;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 1: after the demo data and a run of every flow that stores a holder's data through the
 * API, no column of any table holds a holder's name or identifier (nor a claim naming a third person) in
 * clear, and no line of the application log names them. Every column of every table of the schema is
 * read, as the catalogue lists them today: a table added tomorrow is scanned without changing this test.
 */
@QuarkusTest
class PersonalDataAtRestTest {

    /** The demo data's third person (a spouse) and a household address, in its claims. */
    private static final List<String> DEMO_CLAIMS = List.of("刘强", "新疆库尔勒市人民东路街道团结社区 12 栋 2 单元 301 室");

    /** Holders of the flows below: fresh identifiers, names no fixture uses. */
    private static final String HOLDER_ID = Fixtures.randomResidentId();
    private static final String HOLDER_NAME = "欧阳青云";
    private static final String OTHER_ID = Fixtures.randomResidentId();
    private static final String OTHER_NAME = "司马晓月";
    private static final String SPOUSE = "诸葛明远";
    /** An agent (a family member) acting for the holder under an authorisation on file (代办). */
    private static final String AGENT_ID = Fixtures.randomResidentId();
    private static final String AGENT_NAME = "上官秋水";
    private static final String ADDRESS = "新疆库尔勒市天山西路 88 号 3 单元 502 室";
    /** The holder's identifier with a wrong check character: refused, and still nobody's business in a log. */
    private static final String MISTYPED_ID = HOLDER_ID.substring(0, 17) + wrongCheck(HOLDER_ID);

    private static final Pattern CONFIGURED_CATEGORY = Pattern.compile("quarkus\\.log\\.category\\.\"?([^\"]+)\"?\\.level");

    /** Every log record of the run, formatted, with its exception chain. */
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static volatile boolean ran;

    @Inject
    DataSource db;

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

    @Test
    void noColumnOfAnyTableHoldsAHoldersDataInClear() throws SQLException {
        runTheFlowsOnce();
        List<String> needles = needles();
        Map<String, Integer> rowsSeen = new TreeMap<>();
        List<String> found = new ArrayList<>();
        int columns = 0;
        try (Connection c = db.getConnection()) {
            Map<String, List<String[]>> tables = columnsByTable(c);
            for (var table : tables.entrySet()) {
                List<String[]> cols = table.getValue();
                columns += cols.size();
                StringBuilder select = new StringBuilder("SELECT ");
                for (int i = 0; i < cols.size(); i++) {
                    select.append(i == 0 ? "" : ", ").append('"').append(cols.get(i)[0]).append('"')
                            .append("bytea".equals(cols.get(i)[1]) ? "" : "::text");
                }
                select.append(" FROM \"").append(table.getKey()).append('"');
                Set<String> reported = new TreeSet<>();
                int rows = 0;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select.toString())) {
                    while (rs.next()) {
                        rows++;
                        for (int i = 0; i < cols.size(); i++) {
                            String column = table.getKey() + "." + cols.get(i)[0];
                            Optional<String> hit = "bytea".equals(cols.get(i)[1])
                                    ? ClearText.find(rs.getBytes(i + 1), needles)
                                    : ClearText.find(rs.getString(i + 1), needles);
                            if (hit.isPresent() && reported.add(column)) {
                                found.add(column + ": " + hit.get());
                            }
                        }
                    }
                }
                rowsSeen.put(table.getKey(), rows);
            }
        }
        assertEquals(List.of(), found, "personal data in clear at rest");
        // the scan saw the rows the flows wrote: it cannot pass by reading empty tables
        for (String table : List.of("proof_request", "proof", "subject_record", "idempotency_record", "consent", "verification",
                "audit_event", "code_attempt", "usage_entry", "holder_access", "agent_authorisation", "pledge", "pledge_check",
                "pledge_notice")) {
            assertTrue(rowsSeen.getOrDefault(table, 0) > 0, table + " was scanned with rows: " + rowsSeen);
        }
        assertTrue(columns > 150, "every column of every table: " + columns);
    }

    @Test
    void theApplicationLogNamesNoHolder() {
        runTheFlowsOnce();
        List<String> needles = new ArrayList<>(needles());
        needles.add(MISTYPED_ID);
        List<String> found = new ArrayList<>();
        for (String line : LOG) {
            ClearText.find(line, needles).ifPresent(hit -> found.add(hit + ": " + line));
        }
        assertEquals(List.of(), found, "personal data in the application log");
        assertTrue(LOG.stream().anyMatch(l -> l.contains("proof.issued")), "the log was captured: " + LOG.size() + " records");
        assertTrue(LOG.stream().anyMatch(l -> l.startsWith(ProblemMappers.class.getName() + " 400")),
                "debug lines were captured too");
    }

    private static List<String> needles() {
        List<String> needles = new ArrayList<>();
        for (SubjectInput holder : ProofDemoData.personHolders()) {
            needles.add(holder.id());
            needles.add(holder.name());
        }
        needles.addAll(DEMO_CLAIMS);
        needles.addAll(List.of(HOLDER_ID, HOLDER_NAME, OTHER_ID, OTHER_NAME, SPOUSE, ADDRESS, AGENT_ID, AGENT_NAME));
        return needles;
    }

    /** Table → [column, data type] of every column of every table in the public schema. */
    private static Map<String, List<String[]>> columnsByTable(Connection c) throws SQLException {
        Map<String, List<String[]>> tables = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position""")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new String[] { rs.getString(2), rs.getString(3) });
            }
        }
        return tables;
    }

    // --- the flows -------------------------------------------------------------------------------------

    private synchronized void runTheFlowsOnce() {
        if (ran) {
            return;
        }
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringBuilder line = new StringBuilder(r.getLoggerName()).append(' ');
                line.append(r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage());
                for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                LOG.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        // debug lines too (a 4xx is logged at debug), also where a category of ours has a level of its own
        Map<Logger, Level> levels = new HashMap<>();
        for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
            if (name.startsWith("org.certfree") || name.startsWith("certfree")) {
                Logger logger = Logger.getLogger(name);
                levels.put(logger, logger.getLevel());
            }
        }
        List<String> ours = new ArrayList<>(List.of("org.certfree", "certfree"));
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            Matcher category = CONFIGURED_CATEGORY.matcher(property);
            if (category.matches() && (category.group(1).startsWith("org.certfree") || category.group(1).startsWith("certfree"))) {
                ours.add(category.group(1));
            }
        }
        for (String name : ours) {
            Logger logger = Logger.getLogger(name);
            levels.putIfAbsent(logger, logger.getLevel());
        }
        levels.keySet().forEach(l -> l.setLevel(Level.FINE));
        root.addHandler(capture);
        try {
            demoData.seed();
            demoData.seedKeys();
            lists.seed();
            proofDemo.seed(); // once per database: its log is captured when this test seeds it
            commitmentDemo.seed();
            supervisionDemo.seed();
            flows();
            pledgeFlows();
        } finally {
            root.removeHandler(capture);
            levels.forEach(Logger::setLevel);
        }
        ran = true;
    }

    private static void flows() {
        Fixtures.departments();
        String immediate = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        String onRequest = Matters.retained(Fixtures.GOOD_ISSUER, 5);
        String admin = Tokens.admin();
        String issuer = Tokens.issuer(Fixtures.GOOD_ISSUER);
        String window = Tokens.verifier(Fixtures.WINDOW);
        String holder = Tokens.citizen(HOLDER_ID);
        String other = Tokens.citizen(OTHER_ID);

        // the 用证 list, with keys
        for (String matter : List.of(immediate, onRequest)) {
            post(admin, "/api/v1/using-units", Map.of("unit", Fixtures.WINDOW, "serviceMatter", "义务教育入学登记",
                    "businessSystem", "入学服务平台", "proofMatterCode", matter), key()).statusCode(201);
        }

        // the department's data, and a citizen's request answered from it at once, retried with its key
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("subject", person(HOLDER_ID, HOLDER_NAME), "claims", claims()))
                .put("/api/v1/subject-records/" + immediate).then().statusCode(204);
        String retry = key();
        Map<String, Object> ask = Map.of("matterCode", immediate, "subject", person(HOLDER_ID, HOLDER_NAME), "purpose", "办理入学");
        post(holder, "/api/v1/proof-requests", ask, retry).statusCode(201).body("status", equalTo("ISSUED"));
        post(holder, "/api/v1/proof-requests", ask, retry).statusCode(201).header("Idempotent-Replayed", "true");

        // a request decided by a person: issued, and another rejected
        Map<String, Object> askLater = Map.of("matterCode", onRequest, "subject", person(HOLDER_ID, HOLDER_NAME), "purpose", "办理入学");
        String r1 = post(holder, "/api/v1/proof-requests", askLater, key()).statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.bearer(issuer)).get("/api/v1/proof-requests/" + r1).then().statusCode(200);
        String decided = post(issuer, "/api/v1/proof-requests/" + r1 + "/decision", Map.of("decision", "ISSUE", "claims", claims()), key())
                .statusCode(200).extract().path("proofNumber");
        String r2 = post(holder, "/api/v1/proof-requests", askLater, null).statusCode(201).extract().path("id");
        post(issuer, "/api/v1/proof-requests/" + r2 + "/decision", Map.of("decision", "REJECT", "reason", "材料不全"), null)
                .statusCode(200);

        // the holder's consent, and a request by the using unit under it
        String consent = post(holder, "/api/v1/consents", Map.of("unit", Fixtures.WINDOW, "matterCode", onRequest, "purpose", "办理入学",
                "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString()), key()).statusCode(201).extract().path("id");
        Map<String, Object> unitAsks = new HashMap<>(askLater);
        unitAsks.put("consentRef", consent);
        String r3 = post(window, "/api/v1/proof-requests", unitAsks, key()).statusCode(201).extract().path("id");
        String fetched = post(issuer, "/api/v1/proof-requests/" + r3 + "/decision", Map.of("decision", "ISSUE", "claims", claims()), null)
                .statusCode(200).extract().path("proofNumber");
        // the unit's 调取 of what it requested (logged for the holder)
        given().header("Authorization", Tokens.bearer(window)).get("/api/v1/proofs/" + fetched).then().statusCode(200);

        // 代办: a window puts an agent on file for the holder; the agent files a request, the window a consent
        Map<String, Object> assistance = Map.of("identityCheck", "ID_CARD_READER",
                "formSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        post(window, "/api/v1/agent-authorisations", Map.of("holder", Map.of("name", HOLDER_NAME, "id", HOLDER_ID),
                "agent", Map.of("name", AGENT_NAME, "id", AGENT_ID), "relationship", "OTHER_RELATIVE", "basis", "HOLDER_PRESENT",
                "covers", List.of("REQUESTS", "CONSENTS"), "validUntil", Instant.now().plus(90, ChronoUnit.DAYS).toString(),
                "assistance", assistance), key()).statusCode(201);
        Map<String, Object> byAgent = new HashMap<>(askLater);
        byAgent.put("onBehalfOf", HOLDER_ID);
        post(Tokens.citizen(AGENT_ID), "/api/v1/proof-requests", byAgent, key()).statusCode(201);
        post(window, "/api/v1/consents", Map.of("unit", Fixtures.WINDOW, "matterCode", onRequest, "purpose", "办理社保",
                "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(), "onBehalfOf", HOLDER_ID,
                "assistance", assistance), key()).statusCode(201);

        // direct issuance, a corrected re-issue and a revocation, all with keys
        Map<String, Object> issue = Map.of("matterCode", onRequest, "subject", person(OTHER_ID, OTHER_NAME), "claims", claims(),
                "purpose", "办理不动产登记");
        Map<String, Object> direct = post(issuer, "/api/v1/proofs", issue, key()).statusCode(201).extract().as(Map.class);
        Map<String, Object> corrected = new HashMap<>(claims());
        corrected.put("登记证字号", "J659900-2020-000321");
        String reissued = post(issuer, "/api/v1/proofs/" + direct.get("number") + "/reissue", Map.of("claims", corrected,
                "note", "补充登记证字号"), key()).statusCode(201).extract().path("number");
        post(issuer, "/api/v1/proofs/" + reissued + "/revoke", Map.of("reason", "DATA_CHANGED", "note", "信息已变更"), null)
                .statusCode(200);

        // verifications: retrieval under the consent (its answer, with the content, kept for retries), a JWS, a wrong code
        String code = given().header("Authorization", Tokens.bearer(holder)).get("/api/v1/proofs/" + decided).then().statusCode(200)
                .extract().path("verificationCode");
        post(window, "/api/v1/verifications", Map.of("number", decided, "code", code, "purpose", "办理入学", "serviceMatter",
                "义务教育入学登记", "holderId", HOLDER_ID, "retrieve", true), key()).statusCode(200).body("content.subjectId", equalTo(HOLDER_ID));
        post(window, "/api/v1/verifications", Map.of("jws", direct.get("jwsCompact"), "purpose", "办理入学", "holderId",
                OTHER_ID.toLowerCase()), key()).statusCode(200);
        post(window, "/api/v1/verifications", Map.of("number", decided, "code", code.equals("000000") ? "000001" : "000000",
                "purpose", "办理入学"), null).statusCode(200);

        // what the holder and the public read
        given().header("Authorization", Tokens.bearer(holder)).get("/api/v1/me/access-log").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(holder)).get("/api/v1/proofs").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(holder)).get("/api/v1/proofs/" + decided + "/pdf").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(issuer)).get("/api/v1/proofs/" + decided).then().statusCode(200);
        given().queryParam("code", code).get("/api/v1/proofs/" + decided + "/status").then().statusCode(200);
        post(holder, "/api/v1/consents/" + consent + "/revoke", null, null).statusCode(200);

        // refusals that quote what was sent: the caller may read it back, the log may not
        post(holder, "/api/v1/proof-requests", Map.of("matterCode", onRequest, "subject", person(OTHER_ID, OTHER_NAME),
                "purpose", "办理入学"), key()).statusCode(403);
        post(other, "/api/v1/proof-requests", Map.of("matterCode", onRequest, "subject", person(MISTYPED_ID, OTHER_NAME),
                "purpose", "办理入学"), key()).statusCode(400);
        post(issuer, "/api/v1/proofs", Map.of("matterCode", onRequest, "subject", person(MISTYPED_ID, HOLDER_NAME),
                "claims", claims(), "purpose", "办理入学"), key()).statusCode(400);
        post(issuer, "/api/v1/proofs", Map.of("matterCode", onRequest, "subject", Map.of("kind", "PERSON", "name", HOLDER_NAME,
                "id", HOLDER_ID, "birth", 1990), "claims", claims(), "purpose", "办理入学"), key()).statusCode(400);
        post(issuer, "/api/v1/proofs", "{\"matterCode\":\"" + onRequest + "\",\"subject\":{\"kind\":\"PERSON\",\"name\":"
                + HOLDER_NAME + ",\"id\":\"" + HOLDER_ID + "\"}}", key()).statusCode(400); // malformed: the name unquoted
        post(window, "/api/v1/verifications", Map.of("number", decided, "code", code, "purpose", "办理入学",
                "holderId", MISTYPED_ID + "0"), key()).statusCode(400);
        post(issuer, "/api/v1/proofs", Map.of("matterCode", onRequest, "subject", Map.of("kind", HOLDER_ID, "name", HOLDER_NAME,
                "id", HOLDER_ID), "claims", claims(), "purpose", "办理入学"), key()).statusCode(400); // fields mixed up
    }

    /** 告知承诺: pledges by the holder and at a window, their check found FALSE, the objection, reads. */
    @SuppressWarnings("unchecked")
    private static void pledgeFlows() {
        String market = "BZSCJGJ-N001";
        String unit = "BZZWZX";
        String holder = Tokens.citizen(HOLDER_ID);
        String hash = given().get("/api/v1/commitment-templates/" + market).then().statusCode(200).extract().path("hash");
        String text = given().get("/api/v1/commitment-templates/" + market).then().statusCode(200).extract().path("textHash");
        Map<String, Object> pledge = post(holder, "/api/v1/commitments", Map.of("matterCode", market, "templateHash", hash,
                "textHash", text, "usingUnit", unit, "serviceMatter", "个体工商户设立登记", "pledger", person(HOLDER_ID, HOLDER_NAME),
                "answers", Map.of("address", ADDRESS, "useRight", "与" + SPOUSE + "共有"), "accept", true), key())
                .statusCode(201).extract().as(Map.class);
        String number = (String) pledge.get("number");
        String code = (String) ((Map<String, Object>) pledge.get("document")).get("verificationCode");
        String taskId = (String) ((Map<String, Object>) pledge.get("check")).get("taskId");
        String police = "BZGAJ-N001";
        String policeHash = given().get("/api/v1/commitment-templates/" + police).then().statusCode(200).extract().path("hash");
        String policeText = given().get("/api/v1/commitment-templates/" + police).then().statusCode(200).extract().path("textHash");
        post(Tokens.verifier(unit), "/api/v1/commitments", Map.of("matterCode", police, "templateHash", policeHash, "textHash", policeText,
                "usingUnit", unit, "serviceMatter", "投靠落户", "pledger", person(OTHER_ID, OTHER_NAME),
                "answers", Map.of("relative", SPOUSE, "relationship", "夫妻"), "accept", true,
                "assistance", Map.of("identityCheck", "ID_CARD_READER", "formSha256", "a".repeat(64))), key()).statusCode(201);
        post(holder, "/api/v1/commitments", Map.of("matterCode", market, "templateHash", hash, "usingUnit", unit,
                "serviceMatter", "个体工商户设立登记", "pledger", person(MISTYPED_ID, HOLDER_NAME), "answers", Map.of(),
                "accept", true), key()).statusCode(400);
        post(Tokens.verifier(unit), "/api/v1/verifications", Map.of("number", number, "code", code, "purpose", "核验住所承诺"),
                null).statusCode(200);
        String checker = Tokens.mint("ISSUER", "BZSCJGJ", "at-rest-checker");
        post(checker, "/api/v1/commitment-checks/" + taskId + "/assign", Map.of(), null).statusCode(200);
        Map<String, Object> finding = Map.of("result", "FALSE", "findings",
                "实地核查：" + ADDRESS + " 为 " + HOLDER_NAME + " 之外的人所有，" + HOLDER_NAME + " 无使用权",
                "evidence", List.of(Map.of("name", HOLDER_NAME + "现场照片.jpg", "sha256", "b".repeat(64))));
        post(checker, "/api/v1/commitment-checks/" + taskId + "/findings", finding, key()).statusCode(200);
        // sent back with a comment naming the holder, recorded again, approved with a comment naming the holder
        String reviewer = Tokens.mint("ISSUER", "BZSCJGJ", "at-rest-reviewer");
        post(reviewer, "/api/v1/commitment-checks/" + taskId + "/review", Map.of("approve", false, "comment",
                "请补充 " + HOLDER_NAME + " 租赁情况的询问笔录"), key()).statusCode(200);
        post(checker, "/api/v1/commitment-checks/" + taskId + "/findings", finding, null).statusCode(200);
        post(reviewer, "/api/v1/commitment-checks/" + taskId + "/review", Map.of("approve", true, "comment",
                "同意：" + HOLDER_NAME + " 无使用权"), null).statusCode(200);
        post(holder, "/api/v1/commitments/" + number + "/objection", Map.of("reason", SPOUSE + " 已将房屋租给 " + HOLDER_NAME
                + "，租赁合同可查"), key()).statusCode(200);
        // decided by a third member of the department, with an answer naming the spouse
        post(Tokens.mint("ISSUER", "BZSCJGJ", "at-rest-decider"), "/api/v1/commitments/" + number + "/objection/decision",
                Map.of("uphold", false, "answer", "经向 " + SPOUSE + " 核实，租赁合同系事后补签，异议不成立"), null).statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.verifier(unit))).get("/api/v1/commitment-notices?size=100")
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.issuer("BZSCJGJ"))).get("/api/v1/commitments/" + number)
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer(checker)).get("/api/v1/commitment-checks/" + taskId).then().statusCode(200);
        given().header("Authorization", Tokens.bearer(holder)).get("/api/v1/commitments/" + number + "/pdf").then().statusCode(200);
    }

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("户籍地址", ADDRESS);
        claims.put("配偶姓名", SPOUSE);
        return claims;
    }

    private static Map<String, Object> person(String id, String name) {
        return Map.of("kind", "PERSON", "name", name, "id", id);
    }

    private static String key() {
        return "at-rest-" + UUID.randomUUID();
    }

    private static ValidatableResponse post(String token, String path, Object body, String idempotencyKey) {
        var request = given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.body(body);
        }
        return request.post(path).then();
    }

    private static char wrongCheck(String id) {
        char right = ResidentId.checkCharacter(id.substring(0, 17));
        return right == '0' ? '1' : '0';
    }
}
