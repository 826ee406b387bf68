package org.certfree.proofs.system.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A {@link SealedLog} kept in one table: the owning feature names the table, its sealed columns and
 * the row's own time column; reading the rows in sealing order is the same for every such table.
 */
public abstract class SealedTable implements SealedLog {

    /** The database the table lives in. */
    protected abstract DataSource db();

    /** The table (named by the feature that owns it). */
    protected abstract String table();

    /** The sealed columns: the leaf's keys; they include {@code id} and {@code txid}. Never change them. */
    protected abstract List<String> columns();

    /** The column holding the row's own time. */
    protected abstract String timeColumn();

    private String select() {
        return "SELECT " + String.join(", ", columns()) + " FROM " + table() + " ";
    }

    @Override
    public void rows(long fromTxid, long toTxid, Consumer<SealedRow> sink) {
        try (Connection c = db().getConnection();
                PreparedStatement ps = c.prepareStatement(select() + "WHERE txid >= ? AND txid < ? ORDER BY txid, id")) {
            ps.setFetchSize(1000);
            ps.setLong(1, fromTxid);
            ps.setLong(2, toTxid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(SealedRow.read(rs, columns(), timeColumn()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + name() + " for sealing failed", e);
        }
    }

    @Override
    public List<SealedRow> unsealed(long fromTxid, Instant before, int limit) {
        List<SealedRow> out = new ArrayList<>();
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(
                select() + "WHERE txid >= ? AND " + timeColumn() + " < ? ORDER BY txid, id LIMIT ?")) {
            ps.setLong(1, fromTxid);
            ps.setTimestamp(2, Timestamp.from(before));
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(SealedRow.read(rs, columns(), timeColumn()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the unsealed rows of " + name() + " failed", e);
        }
        return out;
    }
}
