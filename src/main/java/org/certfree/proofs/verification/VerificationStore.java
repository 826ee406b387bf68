package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.certfree.proofs.proof.ProofRecordRow;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.RevocationReason;

/**
 * The reads and writes of online verification in plain JDBC: it is the hottest path of the service,
 * and every round trip to PostgreSQL costs about as much CPU there as on the service side. One
 * statement answers "is the caller a using unit, what is the issuer's record of this proof, and is
 * the unit on the 用证 list for its matter" — it reads the department, proof and usage-list tables
 * (owned by their features) but never writes them. Access-log rows are written in batches (see
 * {@link ReceiptBatcher}).
 */
@ApplicationScoped
public class VerificationStore {

    /** What a verification needs to know, read at once. {@code proof} is null when there is none. */
    public record Lookup(boolean usingUnit, ProofRecordRow proof, boolean onUsageList) {
    }

    private static final String LOOKUP = """
            SELECT (d.code IS NOT NULL AND d.active AND d.is_using_unit) AS using_unit,
                   p.id, p.number, p.code_enc, p.matter_code, p.matter_name, p.issuer_dept, p.issuer_name,
                   p.subject_id_index, p.subject_name_masked, p.issued_at, p.valid_until, p.status,
                   p.revocation_reason, p.superseded_by, p.payload, p.jws_compact,
                   EXISTS (SELECT 1 FROM usage_entry u WHERE u.unit_code = ? AND u.proof_matter_code = p.matter_code) AS on_list
            FROM (SELECT 1) AS one
            LEFT JOIN department d ON d.code = ?
            LEFT JOIN proof p ON p.number = ?""";

    /**
     * All rows of a batch in one statement (one round trip; in autocommit its own transaction, so
     * the rows are durable, all or none, when it returns): one array per column, unnested.
     */
    private static final String INSERT = """
            INSERT INTO verification (id, proof_number, subject_id_index, issuer_dept, matter_code, unit_code, verifier,
                purpose, service_matter, indication, sub_indication, proof_status, retrieved, consent_id, verified_at, receipt)
            SELECT id, proof_number, subject_id_index, issuer_dept, matter_code, unit_code, verifier,
                purpose, service_matter, indication, sub_indication, proof_status, retrieved, consent_id, verified_at::timestamptz, receipt
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::boolean[], ?::uuid[], ?::text[], ?::text[])
                AS r(id, proof_number, subject_id_index, issuer_dept, matter_code, unit_code, verifier, purpose, service_matter,
                     indication, sub_indication, proof_status, retrieved, consent_id, verified_at, receipt)""";

    @Inject
    DataSource db;

    /** The unit's role, the proof with {@code number} (null: none, or no number) and the 用证 list entry. */
    public Lookup lookup(String unit, String number) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(LOOKUP)) {
            ps.setString(1, unit);
            ps.setString(2, unit);
            ps.setString(3, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                boolean usingUnit = rs.getBoolean("using_unit");
                UUID id = rs.getObject("id", UUID.class);
                if (id == null) {
                    return new Lookup(usingUnit, null, false);
                }
                String reason = rs.getString("revocation_reason");
                ProofRecordRow proof = new ProofRecordRow(id, rs.getString("number"), rs.getString("code_enc"),
                        rs.getString("matter_code"), rs.getString("matter_name"), rs.getString("issuer_dept"),
                        rs.getString("issuer_name"), rs.getString("subject_id_index"), rs.getString("subject_name_masked"),
                        instant(rs, "issued_at"), instant(rs, "valid_until"), ProofStatus.valueOf(rs.getString("status")),
                        reason == null ? null : RevocationReason.valueOf(reason), rs.getString("superseded_by"),
                        rs.getString("payload"), rs.getString("jws_compact"));
                return new Lookup(usingUnit, proof, rs.getBoolean("on_list"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verification lookup failed", e);
        }
    }

    /** The text[] parameters 2–12 of {@link #INSERT}, in its column order. */
    private static final List<Function<Verification, String>> TEXT_COLUMNS = List.of(
            v -> v.proofNumber, v -> v.subjectIdIndex, v -> v.issuerDept, v -> v.matterCode, v -> v.unitCode,
            v -> v.verifier, v -> v.purpose, v -> v.serviceMatter, v -> v.indication.name(),
            v -> v.subIndication == null ? null : v.subIndication.name(),
            v -> v.proofStatus == null ? null : v.proofStatus.name());

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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
