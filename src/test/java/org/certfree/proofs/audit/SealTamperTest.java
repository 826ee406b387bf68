package org.certfree.proofs.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tampering;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue #12, item 4, at its own level: someone with psql — here the database superuser,
 * triggers switched off with {@code session_replication_role = replica} — deletes, alters or forges rows
 * of the holders' access log and of the audit log. /api/v1/transparency/verify reports each (the check
 * and the checkpoint or row), and nothing once the rows are put back.
 */
@QuarkusTest
class SealTamperTest {

    @Inject
    DataSource dataSource;

    @Inject
    Sealer sealer;

    private String number;
    private String accessRow;
    private String auditRow;

    @BeforeEach
    void aVerifiedProofAndItsAuditRecord() throws SQLException {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        Map<String, Object> p = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "封存甲", Fixtures.randomResidentId());
        number = (String) p.get("number");
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                    .body(Map.of("number", number, "code", p.get("verificationCode"), "purpose", "封存测试")).post("/api/v1/verifications")
                    .then().statusCode(200);
        }
        accessRow = query("SELECT id::text FROM verification WHERE proof_number = ? ORDER BY verified_at LIMIT 1", number);
        auditRow = query("SELECT id::text FROM audit_event WHERE action = 'proof.issued' AND target_id = ?", number);
        sealer.sealNow(); // or the sealer's own thread got there first
        checkpointOf("verification", "access-log", accessRow); // sealed
        checkpointOf("audit_event", "audit-log", auditRow);
    }

    @Test
    void untouchedLogsAreConsistent() throws SQLException {
        JsonPath report = report();
        assertTrue(report.getBoolean("consistent"), report.prettify());
        for (String scope : List.of("audit-log", "access-log")) {
            assertTrue(report.getLong("records.find { it.scope == '" + scope + "' }.checked") > 0, scope);
            assertEquals(List.of(), problems(report, scope), scope);
        }
        assertTrue(Long.parseLong(query("SELECT count(*)::text FROM seal_checkpoint WHERE log = 'access-log'")) > 0);
        assertTrue(sealer.sealNow().isEmpty(), "nothing new: no empty checkpoint");
    }

    @Test
    void theBackgroundSealerSealsNewRowsWithinSeconds() throws Exception {
        given().header("Authorization", Tokens.bearer(Tokens.mint("ADMIN", null, "seal-background")))
                .post("/api/v1/departments/" + Fixtures.OTHER_DEPT_ISSUER + "/keys/rotate").then().statusCode(200);
        String row = query("SELECT id::text FROM audit_event WHERE actor = 'seal-background' ORDER BY at DESC LIMIT 1");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        String sealedIn = null;
        while (sealedIn == null && System.nanoTime() < deadline) { // polls the sealer's own thread; never calls it
            sealedIn = queryOrNull("SELECT c.seq::text FROM seal_checkpoint c, audit_event r WHERE r.id = ?::uuid"
                    + " AND c.log = 'audit-log' AND r.txid >= c.horizon_from AND r.txid < c.horizon_to", row);
            Thread.sleep(100);
        }
        assertTrue(sealedIn != null, "sealed by the background sealer within 15 s");
    }

    @Test
    void aDeletedAccessLogRowIsReported() throws SQLException {
        String saved = query("SELECT to_json(v)::text FROM verification v WHERE id = ?::uuid", accessRow);
        String seq = checkpointOf("verification", "access-log", accessRow);
        asSuperuser("DELETE FROM verification WHERE id = ?::uuid", accessRow);
        try {
            List<Map<String, String>> found = problems(report(false), "access-log");
            assertTrue(found.contains(Map.of("check", "ROW_COUNT", "ref", seq)) || has(found, "ROW_COUNT", seq), found.toString());
            assertTrue(has(found, "MERKLE_ROOT", seq), found.toString());
        } finally {
            asSuperuser("INSERT INTO verification SELECT * FROM json_populate_record(null::verification, ?::json)", saved);
        }
        assertEquals(List.of(), problems(report(), "access-log"));
    }

    @Test
    void anAlteredAccessLogRowIsReported() throws SQLException {
        String seq = checkpointOf("verification", "access-log", accessRow);
        asSuperuser("UPDATE verification SET unit_code = ? WHERE id = ?::uuid", Fixtures.OTHER_WINDOW, accessRow);
        try {
            List<Map<String, String>> found = problems(report(false), "access-log");
            assertTrue(has(found, "MERKLE_ROOT", seq), found.toString());
            assertFalse(has(found, "ROW_COUNT", seq), "the count is unchanged: " + found);
        } finally {
            asSuperuser("UPDATE verification SET unit_code = ? WHERE id = ?::uuid", Fixtures.WINDOW, accessRow);
        }
        assertEquals(List.of(), problems(report(), "access-log"));
    }

    @Test
    void aForgedAccessLogRowInASealedRangeIsReported() throws SQLException {
        String seq = checkpointOf("verification", "access-log", accessRow);
        String forged = UUID.randomUUID().toString();
        asSuperuser("INSERT INTO verification SELECT * FROM json_populate_record(null::verification,"
                + " (SELECT (to_jsonb(v) || jsonb_build_object('id', ?::text, 'unit_code', ?::text))::json FROM verification v"
                + " WHERE id = ?::uuid))", forged, Fixtures.OTHER_WINDOW, accessRow);
        try {
            List<Map<String, String>> found = problems(report(false), "access-log");
            assertTrue(has(found, "ROW_COUNT", seq) && has(found, "MERKLE_ROOT", seq), found.toString());
        } finally {
            asSuperuser("DELETE FROM verification WHERE id = ?::uuid", forged);
        }
        assertEquals(List.of(), problems(report(), "access-log"));
    }

    @Test
    void aForgedRowTheSealerCannotReachIsReportedAsUnsealed() throws SQLException {
        String forged = UUID.randomUUID().toString();
        asSuperuser("INSERT INTO verification SELECT * FROM json_populate_record(null::verification,"
                + " (SELECT (to_jsonb(v) || jsonb_build_object('id', ?::text, 'txid', 9000000000000000000,"
                + " 'verified_at', now() - interval '5 minutes'))::json FROM verification v WHERE id = ?::uuid))",
                forged, accessRow);
        try {
            sealer.sealNow();
            List<Map<String, String>> found = problems(report(false), "access-log");
            assertTrue(has(found, "UNSEALED", forged), found.toString());
        } finally {
            asSuperuser("DELETE FROM verification WHERE id = ?::uuid", forged);
        }
        assertEquals(List.of(), problems(report(), "access-log"));
    }

    @Test
    void aDeletedOrAlteredAuditRowIsReported() throws SQLException {
        String seq = checkpointOf("audit_event", "audit-log", auditRow);
        String saved = query("SELECT to_json(a)::text FROM audit_event a WHERE id = ?::uuid", auditRow);
        asSuperuser("DELETE FROM audit_event WHERE id = ?::uuid", auditRow);
        try {
            List<Map<String, String>> found = problems(report(false), "audit-log");
            assertTrue(has(found, "ROW_COUNT", seq) && has(found, "MERKLE_ROOT", seq), found.toString());
        } finally {
            asSuperuser("INSERT INTO audit_event SELECT * FROM json_populate_record(null::audit_event, ?::json)", saved);
        }
        assertEquals(List.of(), problems(report(), "audit-log"));

        asSuperuser("UPDATE audit_event SET actor = 'someone-else' WHERE id = ?::uuid", auditRow);
        try {
            List<Map<String, String>> found = problems(report(false), "audit-log");
            assertTrue(has(found, "MERKLE_ROOT", seq), found.toString());
        } finally {
            asSuperuser("UPDATE audit_event SET actor = ? WHERE id = ?::uuid",
                    new JsonPath(saved).getString("actor"), auditRow);
        }
        assertEquals(List.of(), problems(report(), "audit-log"));
    }

    @Test
    void anAuditRowForgedWithAFreshTransactionIsReportedOnceSealed() throws SQLException {
        String forged = UUID.randomUUID().toString();
        // framing a colleague: a revocation they never made, with a MAC copied from a genuine row
        asSuperuser("INSERT INTO audit_event (id, at, actor, action, department, target_type, target_id, outcome, details, mac)"
                + " SELECT ?::uuid, now(), 'framed-staff', 'proof.revoked', department, target_type, target_id, outcome,"
                + " details, mac FROM audit_event WHERE id = ?::uuid", forged, auditRow);
        sealer.sealNow();
        String seq = checkpointOf("audit_event", "audit-log", forged);
        try {
            List<Map<String, String>> found = problems(report(false), "audit-log");
            assertTrue(has(found, "ROW_MAC", forged), found.toString());
            assertFalse(has(found, "MERKLE_ROOT", seq), "sealed like any other row: only its MAC tells " + found);
        } finally {
            assertEquals(seq, query("SELECT max(seq)::text FROM seal_checkpoint WHERE log = 'audit-log'"));
            asSuperuser("DELETE FROM seal_checkpoint WHERE log = 'audit-log' AND seq = ?::bigint", seq);
            asSuperuser("DELETE FROM audit_event WHERE id = ?::uuid", forged);
            // a genuine action, sealed as the new last checkpoint (the replica remembers the last one it wrote)
            given().header("Authorization", Tokens.bearer(Tokens.admin()))
                    .post("/api/v1/departments/" + Fixtures.OTHER_DEPT_ISSUER + "/keys/rotate").then().statusCode(200);
            sealer.sealNow();
        }
        assertEquals(List.of(), problems(report(), "audit-log"));
    }

    /**
     * A holder's access log row forged with a fresh transaction is sealed like any other; what tells it
     * is the receipt the issuing department signed for every verification that identified a proof: a
     * forged row has none, or one whose body says something else.
     */
    @Test
    void anAccessLogRowForgedWithAFreshTransactionIsReportedOnceSealed() throws SQLException {
        String copied = UUID.randomUUID().toString();
        String bare = UUID.randomUUID().toString();
        String columns = "proof_number, subject_id_index, issuer_dept, matter_code, unit_code, verifier, purpose, service_matter,"
                + " indication, sub_indication, proof_status, retrieved, consent_id";
        // "the tax bureau looked at your proof": a row copied from a genuine one, with its receipt, and one without
        asSuperuser("INSERT INTO verification (id, " + columns + ", verified_at, receipt) SELECT ?::uuid, " + columns
                + ", now(), receipt FROM verification WHERE id = ?::uuid", copied, accessRow);
        asSuperuser("INSERT INTO verification (id, " + columns + ", verified_at, receipt) SELECT ?::uuid, " + columns
                + ", now(), NULL FROM verification WHERE id = ?::uuid", bare, accessRow);
        sealer.sealNow();
        String seq = checkpointOf("verification", "access-log", copied);
        try {
            List<Map<String, String>> found = problems(report(false), "access-log");
            assertTrue(has(found, "ROW_MAC", copied) && has(found, "ROW_MAC", bare), found.toString());
            assertFalse(has(found, "MERKLE_ROOT", seq), "sealed like any other row: only the receipt tells " + found);
        } finally {
            assertEquals(seq, query("SELECT max(seq)::text FROM seal_checkpoint WHERE log = 'access-log'"));
            asSuperuser("DELETE FROM seal_checkpoint WHERE log = 'access-log' AND seq = ?::bigint", seq);
            asSuperuser("DELETE FROM verification WHERE id = ?::uuid", copied);
            asSuperuser("DELETE FROM verification WHERE id = ?::uuid", bare);
            // a genuine verification, sealed as the new last checkpoint (the replica remembers the last one it wrote)
            given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                    .body(Map.of("number", number, "code", "000000", "purpose", "封存测试")).post("/api/v1/verifications")
                    .then().statusCode(200);
            sealer.sealNow();
        }
        assertEquals(List.of(), problems(report(), "access-log"));
    }

    @Test
    void anAlteredCheckpointIsReported() throws SQLException {
        String seq = checkpointOf("audit_event", "audit-log", auditRow);
        String root = query("SELECT merkle_root FROM seal_checkpoint WHERE log = 'audit-log' AND seq = ?::bigint", seq);
        String forgedRoot = "0".repeat(64);
        asSuperuser("UPDATE seal_checkpoint SET merkle_root = ? WHERE log = 'audit-log' AND seq = ?::bigint", forgedRoot, seq);
        try {
            List<Map<String, String>> found = problems(report(false), "audit-log");
            assertTrue(has(found, "SIGNATURE", seq) && has(found, "MERKLE_ROOT", seq), found.toString());
        } finally {
            asSuperuser("UPDATE seal_checkpoint SET merkle_root = ? WHERE log = 'audit-log' AND seq = ?::bigint", root, seq);
        }
        assertEquals(List.of(), problems(report(), "audit-log"));
    }

    @Test
    void theLogsAreAppendOnlyThroughTheTriggers() throws SQLException {
        for (String sql : List.of("UPDATE audit_event SET actor = 'x' WHERE id = '" + auditRow + "'",
                "DELETE FROM audit_event WHERE id = '" + auditRow + "'", "DELETE FROM seal_checkpoint",
                "UPDATE verification SET txid = 1 WHERE id = '" + accessRow + "'")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.executeUpdate(sql));
                assertEquals("23IMM", e.getSQLState(), sql);
            }
        }
    }

    private static boolean has(List<Map<String, String>> problems, String check, String ref) {
        return problems.stream().anyMatch(p -> check.equals(p.get("check")) && ref.equals(p.get("ref")));
    }

    private static JsonPath report() {
        return given().get("/api/v1/transparency/verify").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath report(boolean consistent) {
        JsonPath r = report();
        assertEquals(consistent, r.getBoolean("consistent"), r.prettify());
        return r;
    }

    private static List<Map<String, String>> problems(JsonPath report, String scope) {
        return report.getList("records.find { it.scope == '" + scope + "' }.problems");
    }

    /** The seq of the checkpoint whose range holds the row. */
    private String checkpointOf(String table, String log, String id) throws SQLException {
        return query("SELECT c.seq::text FROM seal_checkpoint c, " + table + " r WHERE r.id = ?::uuid AND c.log = '" + log
                + "' AND r.txid >= c.horizon_from AND r.txid < c.horizon_to", id);
    }

    private String query(String sql, Object... params) throws SQLException {
        String value = queryOrNull(sql, params);
        assertTrue(value != null, sql);
        return value;
    }

    private String queryOrNull(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A change behind the service's back with triggers off ({@link Tampering#asSuperuser}); exactly one row. */
    private void asSuperuser(String sql, Object... params) throws SQLException {
        assertEquals(1, Tampering.asSuperuser(dataSource, sql, params), sql);
    }
}
