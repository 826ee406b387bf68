package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/**
 * What the proof feature tells verification and the status check about a proof: the issuer's record
 * by number (one indexed read in plain JDBC — it runs on every verification), whether a presented
 * verification code is the proof's, and what the proof says with its disclosures once those checks pass.
 */
@ApplicationScoped
public class ProofLookup {

    /** What {@link #codeMatches} compares against when there is no proof, so both paths cost the same. */
    private static final String NO_CODE = "000000";

    /** Wrong codes for one number, from any client or replica, after which its code is not checked for a while. */
    public static final int MAX_WRONG_CODES = 10;

    /** How long the wrong codes of a number count, and how long a number stays locked after the last one that counted. */
    public static final Duration CODE_LOCK = Duration.ofMinutes(15);

    /** The proof (its columns null when there is none) and whether its number is locked: one round trip. */
    private static final String RECORD = """
            SELECT p.id, p.number, p.kind, p.code_enc, p.matter_code, p.issuer_dept, p.subject_id_index, p.status,
                   p.revocation_reason, p.false_finding_withdrawn_at, p.superseded_by, p.payload, p.jws_signatures, p.disclosures_enc, p.suspended_at, coalesce(a.wrong >= ? AND a.first_wrong_at > ?, false) AS code_locked
            FROM (SELECT CAST(? AS text) AS n) q
            LEFT JOIN proof p ON p.number = q.n
            LEFT JOIN code_attempt a ON a.number = q.n""";

    private static final String STATUS = """
            SELECT p.number, p.kind, p.code_enc, p.status, p.revocation_reason, p.false_finding_withdrawn_at, p.superseded_by, p.payload, p.jws_signatures, p.disclosures_enc, p.suspended_at, coalesce(a.wrong >= ? AND a.first_wrong_at > ?, false) AS code_locked
            FROM (SELECT CAST(? AS text) AS n) q
            LEFT JOIN proof p ON p.number = q.n
            LEFT JOIN code_attempt a ON a.number = q.n""";

    /** Counts a wrong code; a count older than {@link #CODE_LOCK} starts again. */
    private static final String WRONG_CODE = """
            INSERT INTO code_attempt AS a (number, first_wrong_at, wrong) VALUES (?, ?, 1)
            ON CONFLICT (number) DO UPDATE SET
                wrong = CASE WHEN a.first_wrong_at <= ? THEN 1 ELSE a.wrong + 1 END,
                first_wrong_at = CASE WHEN a.first_wrong_at <= ? THEN EXCLUDED.first_wrong_at ELSE a.first_wrong_at END""";

    /** A proof (null: none with this number) and whether its number is locked against code checks. */
    public record Found<T>(T proof, boolean codeLocked) {
    }

    @Inject
    DataSource db;

    @Inject
    Clock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    SignedProofs signed;

    /** The issuer's record of the proof with this (normalized) number, or empty (also for a null number). */
    public Optional<ProofRecordRow> record(String number) {
        return Optional.ofNullable(find(number).proof());
    }

    /**
     * The issuer's record of the proof with this (normalized) number (null: none, or no number) and
     * whether the number is locked against code checks (see {@link #wrongCode}), in one round trip.
     */
    public Found<ProofRecordRow> find(String number) {
        if (number == null) {
            return new Found<>(null, false);
        }
        return query(RECORD, number, rs -> {
            if (rs.getObject("id") == null) {
                return null;
            }
            String reason = rs.getString("revocation_reason");
            return new ProofRecordRow(rs.getObject("id", UUID.class), rs.getString("number"),
                    DocumentKind.valueOf(rs.getString("kind")), rs.getString("code_enc"), rs.getString("matter_code"), rs.getString("issuer_dept"),
                    rs.getString("subject_id_index"), ProofStatus.valueOf(rs.getString("status")),
                    reason == null ? null : RevocationReason.valueOf(reason), instant(rs, "false_finding_withdrawn_at"),
                    rs.getString("superseded_by"),
                    rs.getString("payload"), rs.getString("jws_signatures"), rs.getString("disclosures_enc"),
                    instant(rs, "suspended_at"));
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static RevocationReason reason(String name) {
        return name == null ? null : RevocationReason.valueOf(name);
    }

    /** The status-check columns of a proof by its (normalized) number, and whether the number is locked. */
    public Found<ProofStatusRow> findStatus(String number) {
        return query(STATUS, number, rs -> rs.getString("number") == null ? null
                : new ProofStatusRow(rs.getString("number"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("code_enc"),
                        ProofStatus.valueOf(rs.getString("status")), reason(rs.getString("revocation_reason")),
                        instant(rs, "false_finding_withdrawn_at"), rs.getString("superseded_by"), rs.getString("payload"), rs.getString("jws_signatures"),
                        rs.getString("disclosures_enc"), instant(rs, "suspended_at")));
    }

    /**
     * Counts a wrong code for {@code number} (issued or not), shared by every client and replica: after
     * {@link #MAX_WRONG_CODES} within {@link #CODE_LOCK} the number is locked until that window ends. The
     * signed proof, its JWS and its holder's own view need no code and stay usable meanwhile.
     */
    public void wrongCode(String number) {
        Instant now = clock.instant();
        OffsetDateTime stale = OffsetDateTime.ofInstant(now.minus(CODE_LOCK), ZoneOffset.UTC);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(WRONG_CODE)) {
            ps.setString(1, number);
            ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setObject(3, stale);
            ps.setObject(4, stale);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Counting a wrong code failed", e);
        }
        purgeNowAndThen(now);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Found<T> query(String sql, String number, Row<T> row) {
        Instant now = clock.instant();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, MAX_WRONG_CODES);
            ps.setObject(2, OffsetDateTime.ofInstant(now.minus(CODE_LOCK), ZoneOffset.UTC));
            ps.setString(3, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Found<>(row.read(rs), rs.getBoolean("code_locked"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading proof " + number + " failed", e);
        }
    }

    private final AtomicLong lastPurge = new AtomicLong();

    /** Forgets counts older than a day, at most once a minute per replica. */
    private void purgeNowAndThen(Instant now) {
        long tick = System.nanoTime();
        long last = lastPurge.get();
        if (last != 0 && tick - last < Duration.ofMinutes(1).toNanos() || !lastPurge.compareAndSet(last, tick)) {
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM code_attempt WHERE first_wrong_at < ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(now.minus(Duration.ofDays(1)), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Forgetting old wrong codes failed", e);
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

    /**
     * What the proof of a status-check row says, from its signed payload after checking the signature
     * (see {@link SignedProofs}): a record that does not match its signature is a 500 problem.
     */
    public SignedProof signed(ProofStatusRow row) {
        return signed.read(row.number(), row.payload(), row.jwsSignatures(), row.disclosuresEnc());
    }

    /**
     * What the proof of a verification row says with every disclosure, after checking the signature and
     * the disclosures against it (see {@link SignedProofs}): a record that does not match is a 500 problem.
     */
    public SignedProof signed(ProofRecordRow row) {
        return signed.read(row.number(), row.payload(), row.jwsSignatures(), row.disclosuresEnc());
    }

    /** Which of {@code numbers} are proofs whose stored status is VALID now (for the audit log's check of revocations). */
    public List<String> storedValid(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT number FROM proof WHERE number = ANY(?) AND status = 'VALID' ORDER BY number")) {
            ps.setArray(1, c.createArrayOf("text", numbers.toArray()));
            List<String> valid = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    valid.add(rs.getString(1));
                }
            }
            return valid;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading proof statuses failed", e);
        }
    }
}
