package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/**
 * What the proof feature tells verification and the status check about a proof: the issuer's record
 * by number (one indexed read in plain JDBC — it runs on every verification), whether a presented
 * verification code is the proof's, and the full content for a retrieval the holder consented to.
 */
@ApplicationScoped
public class ProofLookup {

    /** What {@link #codeMatches} compares against when there is no proof, so both paths cost the same. */
    private static final String NO_CODE = "000000";

    private static final String RECORD = """
            SELECT id, number, code_enc, matter_code, matter_name, issuer_dept, issuer_name, subject_id_index,
                   subject_name_masked, issued_at, valid_until, status, revocation_reason, superseded_by, payload, jws_compact
            FROM proof WHERE number = ?""";

    @Inject
    DataSource db;

    @Inject
    EntityManager em;

    @Inject
    PersonalDataProtector protector;

    @Inject
    ProofQueries queries;

    /** The issuer's record of the proof with this (normalized) number, or empty (also for a null number). */
    public Optional<ProofRecordRow> record(String number) {
        if (number == null) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String reason = rs.getString("revocation_reason");
                return Optional.of(new ProofRecordRow(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("code_enc"), rs.getString("matter_code"), rs.getString("matter_name"),
                        rs.getString("issuer_dept"), rs.getString("issuer_name"), rs.getString("subject_id_index"),
                        rs.getString("subject_name_masked"), instant(rs, "issued_at"), instant(rs, "valid_until"),
                        ProofStatus.valueOf(rs.getString("status")), reason == null ? null : RevocationReason.valueOf(reason),
                        rs.getString("superseded_by"), rs.getString("payload"), rs.getString("jws_compact")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading proof " + number + " failed", e);
        }
    }

    /** Whether {@code code} is the verification code of {@code proof} (null: there is none, and no code matches). */
    public boolean codeMatches(ProofRecordRow proof, String code) {
        return codeMatches(proof == null ? null : proof.codeEnc(), code);
    }

    /** Whether {@code code} is the verification code of {@code proof} (null: there is none, and no code matches). */
    public boolean codeMatches(ProofStatusRow proof, String code) {
        return codeMatches(proof == null ? null : proof.codeEnc(), code);
    }

    /**
     * Compares in constant time, and compares a code also when there is no proof (against a fixed one),
     * so the answer's timing tells little about which numbers exist: only the decryption of a found
     * proof's code (about 2 µs) is skipped for an unknown number.
     */
    private boolean codeMatches(String codeEnc, String code) {
        String expected = codeEnc == null ? NO_CODE : protector.decrypt(codeEnc, IssuanceService.CODE);
        boolean equal = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(code).trim().getBytes(StandardCharsets.US_ASCII));
        return codeEnc != null && equal;
    }

    /** The status-check columns of a proof by its (normalized) number. */
    public Optional<ProofStatusRow> statusRow(String number) {
        return em.createQuery("""
                SELECT new org.certfree.proofs.proof.ProofStatusRow(p.number, p.codeEnc, p.status, p.validUntil, p.matterName,
                       p.issuerName, p.issuedAt, p.subjectNameMasked, p.supersededBy)
                FROM Proof p WHERE p.number = :number""", ProofStatusRow.class)
                .setParameter("number", number).getResultStream().findFirst();
    }

    /** The full subject and claims of the proof with {@code id}, for a retrieval the holder consented to. */
    public ProofView content(UUID id) {
        return queries.view(Proof.<Proof>findById(id), true);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
