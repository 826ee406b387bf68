package org.certfree.proofs.publication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.certfree.proofs.testsupport.Batches;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tampering;
import org.certfree.proofs.testsupport.Matters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rewrites stored batches with plain SQL behind the service's back — first through the triggers
 * (refused), then as a database superuser who switches them off — and sees the verification report it.
 */
@QuarkusTest
class TamperDetectionTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    @Test
    void noAppendOnlyTableCanBeTruncated() throws Exception {
        for (String table : List.of("verification", "proof", "matter_version", "publication_batch", "publication_entry",
                "transparency_tree_head")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false); // were the trigger missing, nothing is lost: rolled back below
                try {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute("TRUNCATE " + table + " CASCADE"));
                    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("cannot be truncated"), table + ": " + e.getMessage());
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
    }

    @Test
    void triggersRefuseChangesToPublishedBatches() throws Exception {
        String a = Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, Matters.retained(null, "触发器测试证明"));
        long id = Batches.publishWith(List.of(a)).getLong("id");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE publication_batch SET title = 'x' WHERE id = " + id));
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE publication_entry SET name = 'x' WHERE batch_id = " + id));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM publication_entry WHERE batch_id = " + id));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM transparency_tree_head"));
            assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO publication_entry (batch_id, seq, action, matter_code, kind, matter_version, department_code,"
                            + " name, scenarios, content, search_text, added_by, added_at) SELECT batch_id, 99, action,"
                            + " 'X-INSERTED', kind, matter_version, department_code, name, scenarios, content, search_text,"
                            + " added_by, added_at FROM publication_entry WHERE batch_id = " + id));
        }
    }

    @Test
    void rewritingAStoredBatchIsReported() throws Exception {
        String a = Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, Matters.retained(null, "篡改检测证明甲"));
        String b = Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, Matters.cancelled(null, "篡改检测证明乙"));
        JsonPath first = Batches.publishWith(List.of(a));
        JsonPath second = Batches.publishWith(List.of(b));
        long id = first.getLong("id");
        given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(true));

        // 1. an entry's published content is changed
        String original = queryString("SELECT content::text FROM publication_entry WHERE batch_id = ? AND seq = 1", id);
        try {
            Tampering.asSuperuser(dataSource, "UPDATE publication_entry SET content = jsonb_set(content, '{name}', '\"篡改后的名称\"')"
                    + " WHERE batch_id = ? AND seq = 1", id);
            given().get("/api/v1/transparency/verify").then().statusCode(200)
                    .body("consistent", equalTo(false))
                    .body("problems.findAll { it.batchId == " + id + " }.check", hasItem("MANIFEST_CONTENT"))
                    .body("problems.find { it.batchId == " + id + " }.batchNumber", equalTo(first.getString("number")))
                    .body("problems.check", hasItem("CURRENT_LIST"));
        } finally {
            Tampering.asSuperuser(dataSource, "UPDATE publication_entry SET content = CAST(? AS jsonb) WHERE batch_id = ? AND seq = 1", original, id);
        }
        given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(true));

        // 2. the manifest is rewritten together with its hash: the chain and the Merkle root give it away
        String manifest = first.getString("manifestHash");
        String storedManifest = queryString("SELECT manifest FROM publication_batch WHERE id = ?", id);
        try {
            String forged = storedManifest.replace("篡改检测证明甲", "伪造的证明");
            Tampering.asSuperuser(dataSource, "UPDATE publication_batch SET manifest = ?, manifest_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')"
                    + " WHERE id = ?", forged, forged, id);
            var report = given().get("/api/v1/transparency/verify").then().statusCode(200)
                    .body("consistent", equalTo(false))
                    .body("problems.check", hasItem("MERKLE_ROOT"))
                    .body("problems.findAll { it.batchId == " + id + " }.check", hasItem("SIGNATURE"))
                    .body("problems.findAll { it.batchId == " + id + " }.check", hasItem("MANIFEST_CONTENT"))
                    .extract().jsonPath();
            if (second.getInt("logIndex") == first.getInt("logIndex") + 1) {
                assertTrue(report.getList("problems.findAll { it.batchId == " + second.getLong("id") + " }.check").contains("CHAIN"));
            }
        } finally {
            Tampering.asSuperuser(dataSource, "UPDATE publication_batch SET manifest = ?, manifest_hash = ? WHERE id = ?", storedManifest, manifest, id);
        }
        given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(true));
    }

    /**
     * The columns served besides the signed content — a published entry's name in batch views, the
     * current list's name, department and scenarios in list views — changed as superuser: reported.
     */
    @Test
    void changingAServedColumnOfAPublishedEntryOrTheCurrentListIsReported() throws Exception {
        String a = Matters.approved(Fixtures.GOOD_ISSUER, Fixtures.JUSTICE, Matters.retained(null, "篡改检测证明丙"));
        long id = Batches.publishWith(List.of(a)).getLong("id");
        given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(true));

        for (String[] change : List.of(
                new String[] {"UPDATE publication_entry SET name = '伪造的名称' WHERE batch_id = ? AND matter_code = ?",
                        "UPDATE publication_entry SET name = '篡改检测证明丙' WHERE batch_id = ? AND matter_code = ?", "ENTRY_FIELDS"},
                new String[] {"UPDATE publication_entry SET scenarios = '[]' WHERE batch_id = ? AND matter_code = ?",
                        "UPDATE publication_entry SET scenarios = content -> 'scenarios' WHERE batch_id = ? AND matter_code = ?",
                        "ENTRY_FIELDS"})) {
            Tampering.asSuperuser(dataSource, change[0], id, a);
            try {
                given().get("/api/v1/transparency/verify").then().statusCode(200)
                        .body("consistent", equalTo(false))
                        .body("problems.findAll { it.matterCode == '" + a + "' }.check", hasItem(change[2]));
            } finally {
                Tampering.asSuperuser(dataSource, change[1], id, a);
            }
        }
        for (String[] change : List.of(
                new String[] {"UPDATE list_entry SET name = '伪造的名称' WHERE matter_code = ?",
                        "UPDATE list_entry SET name = '篡改检测证明丙' WHERE matter_code = ?"},
                new String[] {"UPDATE list_entry SET department_code = 'BZXXX' WHERE matter_code = ?",
                        "UPDATE list_entry SET department_code = '" + Fixtures.GOOD_ISSUER + "' WHERE matter_code = ?"},
                new String[] {"UPDATE list_entry SET effective_since = effective_since - interval '1 year' WHERE matter_code = ?",
                        "UPDATE list_entry SET effective_since = effective_since + interval '1 year' WHERE matter_code = ?"})) {
            Tampering.asSuperuser(dataSource, change[0], a);
            try {
                given().get("/api/v1/transparency/verify").then().statusCode(200)
                        .body("consistent", equalTo(false))
                        .body("problems.findAll { it.matterCode == '" + a + "' }.check", hasItem("CURRENT_LIST"));
            } finally {
                Tampering.asSuperuser(dataSource, change[1], a);
            }
        }
        given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(true));
    }


    private String queryString(String sql, Object param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, param);
            try (var rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
