package org.certfree.proofs.system.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal to change a final or append-only row raises one SQLSTATE (migration V25), and the
 * problem mapper answers it with 409 — through Hibernate or plain JDBC alike. Each statement runs in
 * a transaction that is rolled back, so a missing trigger would lose nothing.
 */
@QuarkusTest
class ImmutableRowsTest {

    private static final List<String> FINAL_TABLES = List.of("verification", "proof", "matter_version",
            "publication_batch", "publication_entry", "transparency_tree_head");

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private String matter;
    private String proof;

    /** An approved matter published in a batch (with its tree head), a proof of it and its verification. */
    @BeforeEach
    void oneRowInEveryFinalTable() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        Map<String, Object> issued = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", Fixtures.randomResidentId());
        proof = (String) issued.get("number");
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("number", proof, "code", issued.get("verificationCode"), "purpose", "办理入学"))
                .post("/api/v1/verifications").then().statusCode(200); // 200: its log row is committed
    }

    /** Statements that change a final row, each on rows the fixtures made (so a row trigger fires). */
    private Map<String, String> changesOfFinalRows() throws SQLException {
        long batch = queryLong("SELECT batch_id FROM publication_entry WHERE matter_code = '" + matter + "'");
        long treeSize = queryLong("SELECT max(tree_size) FROM transparency_tree_head");
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("update proof", "UPDATE proof SET payload = payload || ' ' WHERE number = '" + proof + "'");
        sql.put("delete proof", "DELETE FROM proof WHERE number = '" + proof + "'");
        sql.put("update verification", "UPDATE verification SET purpose = 'x' WHERE proof_number = '" + proof + "'");
        sql.put("delete verification", "DELETE FROM verification WHERE proof_number = '" + proof + "'");
        sql.put("update matter_version", "UPDATE matter_version SET name = 'x' WHERE matter_code = '" + matter + "'");
        sql.put("delete matter_version", "DELETE FROM matter_version WHERE matter_code = '" + matter + "'");
        sql.put("update publication_batch", "UPDATE publication_batch SET title = 'x' WHERE id = " + batch);
        sql.put("delete publication_batch", "DELETE FROM publication_batch WHERE id = " + batch);
        sql.put("update publication_entry", "UPDATE publication_entry SET name = 'x' WHERE batch_id = " + batch);
        sql.put("delete publication_entry", "DELETE FROM publication_entry WHERE batch_id = " + batch);
        sql.put("insert into a published batch", "INSERT INTO publication_entry (batch_id, seq, action, matter_code, kind,"
                + " matter_version, department_code, name, scenarios, content, search_text, added_by, added_at)"
                + " SELECT batch_id, 99, action, 'X-INSERTED', kind, matter_version, department_code, name, scenarios,"
                + " content, search_text, added_by, added_at FROM publication_entry WHERE batch_id = " + batch);
        sql.put("take a published batch's signature away", "UPDATE publication_batch SET signature = NULL, signed_at = NULL"
                + " WHERE id = " + batch);
        sql.put("update transparency_tree_head", "UPDATE transparency_tree_head SET root_hash = repeat('0', 64)"
                + " WHERE tree_size = " + treeSize);
        sql.put("delete transparency_tree_head", "DELETE FROM transparency_tree_head WHERE tree_size = " + treeSize);
        for (String table : FINAL_TABLES) {
            sql.put("truncate " + table, "TRUNCATE " + table + " CASCADE");
        }
        return sql;
    }

    @Test
    void everyChangeOfAFinalRowRaisesTheOneSqlState() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> change : changesOfFinalRows().entrySet()) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                try {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(change.getValue()), change.getKey());
                    if (!ProblemMappers.IMMUTABLE_ROW_SQLSTATE.equals(e.getSQLState())) {
                        wrong.add(change.getKey() + ": " + e.getSQLState() + " " + e.getMessage());
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** V26: there is no "signature pending" state; even past the triggers a published row keeps its signature. */
    @Test
    void aPublishedBatchOrTreeHeadIsNeverUnsigned() throws Exception {
        long batch = queryLong("SELECT batch_id FROM publication_entry WHERE matter_code = '" + matter + "'");
        Map<String, String> unsigned = new LinkedHashMap<>();
        unsigned.put("a published batch without signature", "UPDATE publication_batch SET signature = NULL WHERE id = " + batch);
        unsigned.put("a tree head without signature", "INSERT INTO transparency_tree_head (tree_size, root_hash, issued_at,"
                + " authority_code, payload) VALUES (999999, repeat('0', 64), now(), 'X', '{}')");
        for (Map.Entry<String, String> change : unsigned.entrySet()) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                try {
                    s.execute("SET LOCAL session_replication_role = replica"); // past the triggers, as a superuser could
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(change.getValue()), change.getKey());
                    assertEquals("23514", e.getSQLState(), change.getKey() + ": " + e.getMessage()); // check_violation
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
    }

    @Test
    void aRefusalThroughHibernateIsA409() throws Exception {
        PersistenceException e = assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(
                () -> em.createNativeQuery("UPDATE verification SET purpose = 'x' WHERE proof_number = :n")
                        .setParameter("n", proof).executeUpdate()));
        assertNotNull(ProblemMappers.immutableRowRefusal(e), "not the trigger's refusal: " + e);
        assertConflict(mappers().persistence(e, uri()));
    }

    @Test
    void aRefusalThroughPlainJdbcIsA409() throws Exception {
        RuntimeException wrapped;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM verification WHERE proof_number = ?")) {
            s.setString(1, proof);
            SQLException e = assertThrows(SQLException.class, s::executeUpdate);
            wrapped = new IllegalStateException("Recording a verification failed", e); // as VerificationStore does
        }
        assertConflict(mappers().unexpected(wrapped, uri()));
    }

    @Test
    void theRefusalIsFoundBehindABatchsNextException() {
        SQLException refusal = new SQLException("the verification log is append-only", ProblemMappers.IMMUTABLE_ROW_SQLSTATE);
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
        batch.setNextException(refusal);
        assertSame(refusal, ProblemMappers.immutableRowRefusal(new IllegalStateException(batch)));
        assertEquals(null, ProblemMappers.immutableRowRefusal(new SQLException("duplicate key", "23505")));
    }

    private void assertConflict(Response response) throws Exception {
        assertEquals(409, response.getStatus());
        JsonNode problem = json.readTree((String) response.getEntity());
        assertEquals("urn:certfree:problem:conflict", problem.get("type").asText());
        assertEquals(409, problem.get("status").asInt());
        assertEquals(Messages.IMMUTABLE_ROW, problem.get("detail").asText());
        assertTrue(problem.path("correlationId").isMissingNode() || problem.get("correlationId").isNull(), problem::toString);
    }

    private ProblemMappers mappers() {
        ProblemMappers mappers = new ProblemMappers();
        mappers.json = json;
        return mappers;
    }

    private static UriInfo uri() {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> method.getName().equals("getPath") ? "api/v1/verifications" : null);
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
