package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The verification log's writes in plain JDBC: verification is the hottest path of the service, and
 * every round trip to PostgreSQL costs about as much CPU there as on the service side. Rows are
 * written in batches (see {@link ReceiptBatcher}).
 */
@ApplicationScoped
public class VerificationStore {

    /**
     * All rows of a batch in one statement (one round trip; in autocommit its own transaction, so
     * the rows are durable, all or none, when it returns): one array per column, unnested.
     */
    private static final String INSERT = """
            INSERT INTO verification (id, proof_number, subject_id_index, issuer_dept, matter_code, unit_code, verifier,
                purpose, service_matter, indication, sub_indication, proof_status, presented, retrieved, consent_id, verified_at, receipt)
            SELECT id, proof_number, subject_id_index, issuer_dept, matter_code, unit_code, verifier,
                purpose, service_matter, indication, sub_indication, proof_status, presented, retrieved, consent_id,
                verified_at::timestamptz, receipt
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::uuid[], ?::text[], ?::text[])
                AS r(id, proof_number, subject_id_index, issuer_dept, matter_code, unit_code, verifier, purpose, service_matter,
                     indication, sub_indication, proof_status, presented, retrieved, consent_id, verified_at, receipt)""";

    @Inject
    DataSource db;

    /** The text[] parameters 2–13 of {@link #INSERT}, in its column order. */
    private static final List<Function<Verification, String>> TEXT_COLUMNS = List.of(
            v -> v.proofNumber, v -> v.subjectIdIndex, v -> v.issuerDept, v -> v.matterCode, v -> v.unitCode,
            v -> v.verifier, v -> v.purpose, v -> v.serviceMatter, v -> v.indication.name(),
            v -> v.subIndication == null ? null : v.subIndication.name(),
            v -> v.proofStatus == null ? null : v.proofStatus.name(), v -> v.presented);

    /** Inserts the rows on the caller's connection, in one statement. */
    void insert(Connection c, List<Verification> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 1;
            ps.setArray(i++, c.createArrayOf("uuid", rows.stream().map(v -> v.id).toArray(UUID[]::new)));
            for (Function<Verification, String> column : TEXT_COLUMNS) {
                ps.setArray(i++, c.createArrayOf("text", rows.stream().map(column).toArray(String[]::new)));
            }
            ps.setArray(i++, c.createArrayOf("boolean", rows.stream().map(v -> v.retrieved).toArray(Boolean[]::new)));
            ps.setArray(i++, c.createArrayOf("uuid", rows.stream().map(v -> v.consentId).toArray(UUID[]::new)));
            ps.setArray(i++, c.createArrayOf("text", rows.stream().map(v -> v.verifiedAt.toString()).toArray(String[]::new)));
            ps.setArray(i, c.createArrayOf("text", rows.stream().map(v -> v.receipt).toArray(String[]::new)));
            int inserted = ps.executeUpdate();
            if (inserted != rows.size()) {
                throw new SQLException("inserted " + inserted + " of " + rows.size() + " verifications");
            }
        }
    }

    /** Inserts the rows in the current (JTA) transaction of the calling thread. */
    void insertInCurrentTransaction(List<Verification> rows) {
        try (Connection c = db.getConnection()) {
            insert(c, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a verification failed", e);
        }
    }

    /** Inserts the rows as one statement in a transaction of its own (durable, all or none, on return). */
    void insertAndCommit(List<Verification> rows) {
        try (Connection c = db.getConnection()) {
            if (!c.getAutoCommit()) {
                throw new IllegalStateException("expected a connection in autocommit mode");
            }
            insert(c, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording " + rows.size() + " verifications failed", e);
        }
    }
}
