package org.certfree.proofs.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Changes rows behind the service's back, as an attacker with psql would. */
public final class Tampering {

    private Tampering() {
    }

    /** Runs a statement as the service's own database user: triggers apply. Returns the rows changed. */
    public static int asServiceUser(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, params);
            return p.executeUpdate();
        }
    }

    /** Runs a statement with triggers switched off ({@code session_replication_role = replica}), as only a superuser can. */
    public static int asSuperuser(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); PreparedStatement p = c.prepareStatement(sql)) {
                s.execute("SET LOCAL session_replication_role = replica");
                bind(p, params);
                int changed = p.executeUpdate();
                c.commit();
                return changed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static void bind(PreparedStatement p, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i]);
        }
    }
}
