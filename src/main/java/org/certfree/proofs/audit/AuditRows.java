package org.certfree.proofs.audit;

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
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.integrity.SealedLog;
import org.certfree.proofs.system.integrity.SealedRow;

/** The audit log as a sealed log: every column of a row is in its leaf, and each row carries its {@link AuditMac}. */
@ApplicationScoped
public class AuditRows implements SealedLog {

    /** The log's name and integrity scope. */
    public static final String NAME = "audit-log";

    static final List<String> COLUMNS = List.of("id", "at", "actor", "actor_department", "action", "department", "target_type",
            "target_id", "outcome", "details", "correlation_id", "mac", "txid");

    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM audit_event ";

    @Inject
    DataSource db;

    @Inject
    AuditMac macs;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> problem(SealedRow row) {
        String mac = row.fields().get("mac");
        return mac != null && mac.equals(macs.of(row.fields())) ? Optional.empty()
                : Optional.of(Messages.SEAL_CHECK_ROW_MAC.formatted(row.at(), row.txid()));
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
                    sink.accept(SealedRow.read(rs, COLUMNS, "at"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit log for sealing failed", e);
        }
    }

    @Override
    public List<SealedRow> unsealed(long fromTxid, Instant before, int limit) {
        List<SealedRow> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + "WHERE txid >= ? AND at < ? ORDER BY txid, id LIMIT ?")) {
            ps.setLong(1, fromTxid);
            ps.setTimestamp(2, Timestamp.from(before));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(SealedRow.read(rs, COLUMNS, "at"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the unsealed audit log failed", e);
        }
        return out;
    }
}
