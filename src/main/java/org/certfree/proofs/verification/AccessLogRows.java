package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.certfree.proofs.system.integrity.SealedLog;
import org.certfree.proofs.system.integrity.SealedRow;

/**
 * The holders' access log (the verification table) as a sealed log: every column a holder's access
 * log or a receipt shows — the whole row — is in its leaf, so a deleted, altered or inserted row no
 * longer matches its signed checkpoint. Reads only: the hot path writes rows as before and the
 * database fills in their {@code txid}.
 */
@ApplicationScoped
public class AccessLogRows implements SealedLog {

    /** The log's name and integrity scope. */
    public static final String NAME = "access-log";

    static final List<String> COLUMNS = List.of("id", "proof_number", "subject_id_index", "issuer_dept", "matter_code",
            "unit_code", "verifier", "purpose", "service_matter", "indication", "sub_indication", "proof_status", "retrieved",
            "consent_id", "verified_at", "receipt", "txid");

    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM verification ";

    @Inject
    DataSource db;

    @Inject
    ReceiptCheck receipts;

    /** A row that identified a proof must carry the receipt its department signed, saying what the row says. */
    @Override
    public Optional<String> problem(SealedRow row) {
        return receipts.problem(row);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void rows(long fromTxid, long toTxid, Consumer<SealedRow> sink) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + "WHERE txid >= ? AND txid < ? ORDER BY txid, id")) {
            ps.setFetchSize(1000);
            ps.setLong(1, fromTxid);
            ps.setLong(2, toTxid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(SealedRow.read(rs, COLUMNS, "verified_at"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the access log for sealing failed", e);
        }
    }

    @Override
    public List<SealedRow> unsealed(long fromTxid, Instant before, int limit) {
        List<SealedRow> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + "WHERE txid >= ? AND verified_at < ? ORDER BY txid, id LIMIT ?")) {
            ps.setLong(1, fromTxid);
            ps.setTimestamp(2, Timestamp.from(before));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(SealedRow.read(rs, COLUMNS, "verified_at"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the unsealed access log failed", e);
        }
        return out;
    }
}
