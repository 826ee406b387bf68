package org.certfree.proofs.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tampering;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The holders' log of reads by others ({@code holder_access}) is sealed like the audit log and the
 * verification log (issue #13, item 4; the attack of #12, item 4): someone with psql — the database
 * superuser, triggers off — deletes, alters or forges a row ("the tax bureau read your proof", or an
 * issuer's read erased), and /api/v1/transparency/verify reports it under {@code holder-access-log};
 * nothing once the rows are put back. Rows come in through the seam ({@link HolderAccessLog}) as any
 * feature's reads do: this is about the log, not about which read fired it.
 */
@QuarkusTest
class HolderAccessSealTest {

    private static final String SCOPE = "holder-access-log";

    @Inject
    DataSource dataSource;

    @Inject
    Sealer sealer;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    HolderIndex holders;

    @Inject
    Clock clock;

    private String holder;
    private String row;

    @BeforeEach
    void aReadInAHoldersLogSealed() throws SQLException {
        Fixtures.departments(); // the justice bureau signs the checkpoints
        holder = holders.of(Fixtures.randomResidentId());
        read();
        row = query("SELECT id::text FROM holder_access WHERE subject_id_index = ? ORDER BY at LIMIT 1", holder);
        sealer.sealNow(); // or the sealer's own thread got there first
        checkpointOf(row); // sealed
    }

    @Test
    void theUntouchedLogIsConsistent() {
        JsonPath report = report(true);
        assertTrue(report.getLong("records.find { it.scope == '" + SCOPE + "' }.checked") > 0, report.prettify());
        assertEquals(List.of(), problems(report));
    }

    @Test
    void aDeletedRowIsReported() throws SQLException {
        String saved = query("SELECT to_json(h)::text FROM holder_access h WHERE id = ?::uuid", row);
        String seq = checkpointOf(row);
        asSuperuser("DELETE FROM holder_access WHERE id = ?::uuid", row);
        try {
            List<Map<String, String>> found = problems(report(false));
            assertTrue(has(found, "ROW_COUNT", seq) && has(found, "MERKLE_ROOT", seq), found.toString());
        } finally {
            asSuperuser("INSERT INTO holder_access SELECT * FROM json_populate_record(null::holder_access, ?::json)", saved);
        }
        assertEquals(List.of(), problems(report(true)));
    }

    @Test
    void anAlteredRowIsReportedByItsCheckpointAndItsMac() throws SQLException {
        String seq = checkpointOf(row);
        String unit = query("SELECT unit_code FROM holder_access WHERE id = ?::uuid", row);
        asSuperuser("UPDATE holder_access SET unit_code = ? WHERE id = ?::uuid", Fixtures.OTHER_DEPT_ISSUER, row);
        try {
            List<Map<String, String>> found = problems(report(false));
            assertTrue(has(found, "MERKLE_ROOT", seq) && has(found, "ROW_MAC", row), found.toString());
            assertFalse(has(found, "ROW_COUNT", seq), "the count is unchanged: " + found);
        } finally {
            asSuperuser("UPDATE holder_access SET unit_code = ? WHERE id = ?::uuid", unit, row);
        }
        assertEquals(List.of(), problems(report(true)));
    }

    /** A row forged with a fresh transaction is sealed like any other; only its MAC, which needs the service's key, tells it. */
    @Test
    void aRowForgedWithAFreshTransactionIsReportedOnceSealed() throws SQLException {
        String forged = UUID.randomUUID().toString();
        asSuperuser("INSERT INTO holder_access (id, at, subject_id_index, kind, unit_code, actor, proof_number, details, mac)"
                + " SELECT ?::uuid, now(), subject_id_index, 'PROOF_PDF', ?, 'framed-staff', proof_number, details, mac"
                + " FROM holder_access WHERE id = ?::uuid", forged, Fixtures.OTHER_DEPT_ISSUER, row);
        sealer.sealNow();
        String seq = checkpointOf(forged);
        try {
            List<Map<String, String>> found = problems(report(false));
            assertTrue(has(found, "ROW_MAC", forged), found.toString());
            assertFalse(has(found, "MERKLE_ROOT", seq), "sealed like any other row: only its MAC tells " + found);
        } finally {
            assertEquals(seq, query("SELECT max(seq)::text FROM seal_checkpoint WHERE log = ?", SCOPE));
            asSuperuser("DELETE FROM seal_checkpoint WHERE log = ? AND seq = ?::bigint", SCOPE, seq);
            asSuperuser("DELETE FROM holder_access WHERE id = ?::uuid", forged);
            read(); // a genuine read, sealed as the new last checkpoint (the replica remembers the last one it wrote)
            sealer.sealNow();
        }
        assertEquals(List.of(), problems(report(true)));
    }

    @Test
    void theLogIsAppendOnlyThroughItsTriggers() throws SQLException {
        for (String sql : List.of("UPDATE holder_access SET actor = 'x' WHERE id = '" + row + "'",
                "DELETE FROM holder_access WHERE id = '" + row + "'", "UPDATE holder_access SET txid = 1 WHERE id = '" + row + "'")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql));
                assertEquals("23IMM", e.getSQLState(), sql);
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE holder_access"));
        }
        assertEquals(row, query("SELECT id::text FROM holder_access WHERE id = ?::uuid", row));
    }

    /** Issuer staff read a proof of the holder in full: one row in the holder's log, committed. */
    private void read() {
        QuarkusTransaction.requiringNew().run(() -> accessLog.record(new HolderAccess(clock.instant(), holder,
                AccessKind.PROOF_READ, Fixtures.GOOD_ISSUER, "seal-test-staff", "ZM-2026-0000-0000-0000-0", null, null,
                "核对", Map.of())));
    }

    private static boolean has(List<Map<String, String>> problems, String check, String ref) {
        return problems.stream().anyMatch(p -> check.equals(p.get("check")) && ref.equals(p.get("ref")));
    }

    private static JsonPath report(boolean consistent) {
        JsonPath r = given().get("/api/v1/transparency/verify").then().statusCode(200).extract().jsonPath();
        assertEquals(consistent, r.getBoolean("consistent"), r.prettify());
        return r;
    }

    private static List<Map<String, String>> problems(JsonPath report) {
        return report.getList("records.find { it.scope == '" + SCOPE + "' }.problems");
    }

    /** The seq of the checkpoint whose range holds the row. */
    private String checkpointOf(String id) throws SQLException {
        return query("SELECT c.seq::text FROM seal_checkpoint c, holder_access r WHERE r.id = ?::uuid AND c.log = '" + SCOPE
                + "' AND r.txid >= c.horizon_from AND r.txid < c.horizon_to", id);
    }

    private String query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                String value = rs.next() ? rs.getString(1) : null;
                assertTrue(value != null, sql);
                return value;
            }
        }
    }

    /** A change behind the service's back with triggers off ({@link Tampering#asSuperuser}); exactly one row. */
    private void asSuperuser(String sql, Object... params) throws SQLException {
        assertEquals(1, Tampering.asSuperuser(dataSource, sql, params), sql);
    }
}
