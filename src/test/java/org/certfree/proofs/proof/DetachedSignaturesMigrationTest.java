package org.certfree.proofs.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.keys.DetachedJws;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * V45 replaced the stored compact and JSON JWS of every proof by the signatures alone: a database made before it
 * keeps every signature (the forms rebuilt after it are the ones stored before, byte for byte), and one whose stored
 * forms are not its payload and signatures is not migrated at all. The test runs the real migrations into a database
 * of its own, up to V44, with proof rows as V44 stored them, then migrates on.
 */
@QuarkusTest
class DetachedSignaturesMigrationTest {

    @Test
    void everyStoredSignatureIsKeptAndAFormThatDiffersStopsTheMigration() throws SQLException {
        Row good = issuedRow();
        Row bad = issuedRow();
        String[] parts = bad.compact().split("\\.");
        String foreignSignature = parts[0] + "." + parts[1] + "." + good.compact().split("\\.")[2];
        String db = database();
        try {
            migrate(db, "44");
            insertAsV44(db, good, good.compact(), good.generalJson());
            insertAsV44(db, bad, foreignSignature, bad.generalJson());

            FlywayException refused = assertThrows(FlywayException.class, () -> migrate(db, null));
            assertTrue(refused.getMessage().contains(bad.number()), refused.getMessage());
            try (Connection c = connect(db); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
                rs.next();
                assertEquals("44", rs.getString(1), "nothing of V45 stays");
            }

            // the operator restores the row (a superuser, triggers off), and the migration goes through
            try (Connection c = connect(db); Statement off = c.createStatement();
                    PreparedStatement s = c.prepareStatement("UPDATE proof SET jws_compact = ? WHERE number = ?")) {
                off.execute("SET session_replication_role = replica");
                s.setString(1, bad.compact());
                s.setString(2, bad.number());
                assertEquals(1, s.executeUpdate());
            }
            migrate(db, null);
            for (Row row : List.of(good, bad)) {
                String migrated = signaturesIn(db, row.number());
                assertEquals(row.signatures(), migrated, "the signatures as issuance stores them now");
                assertEquals(row.compact(), DetachedJws.compact(row.payload(), migrated));
                assertEquals(row.generalJson(), DetachedJws.generalJson(row.payload(), migrated));
            }
        } finally {
            drop(db);
        }
    }

    private static String signaturesIn(String db, String number) throws SQLException {
        try (Connection c = connect(db); PreparedStatement s = c.prepareStatement("SELECT jws_signatures FROM proof WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    /** A proof issued now, with every column of its row. */
    private record Row(String number, List<String> columns, List<Object> values, String payload, String signatures) {
        String compact() {
            return DetachedJws.compact(payload, signatures);
        }

        String generalJson() {
            return DetachedJws.generalJson(payload, signatures);
        }
    }

    private static Row issuedRow() throws SQLException {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Map<String, Object> proof = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", Fixtures.randomResidentId());
        String number = (String) proof.get("number");
        try (Connection c = connect(null); PreparedStatement s = c.prepareStatement("SELECT * FROM proof WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                List<String> columns = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String name = rs.getMetaData().getColumnName(i);
                    if (!name.equals("jws_signatures")) {
                        columns.add(name);
                        values.add(rs.getObject(i));
                    }
                }
                return new Row(number, columns, values, rs.getString("payload"), rs.getString("jws_signatures"));
            }
        }
    }

    private static void insertAsV44(String db, Row row, String compact, String json) throws SQLException {
        String sql = "INSERT INTO proof (" + String.join(", ", row.columns()) + ", jws_compact, jws_json) VALUES ("
                + "?, ".repeat(row.columns().size()) + "?, ?)";
        try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : row.values()) {
                s.setObject(i++, value);
            }
            s.setString(i++, compact);
            s.setString(i, json);
            s.executeUpdate();
        }
    }

    private static void migrate(String db, String target) {
        var config = Flyway.configure().dataSource(url(db), user(), password()).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static String database() throws SQLException {
        String name = "v45_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static void drop(String db) throws SQLException {
        try (Connection c = connect(null); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(url(db), user(), password());
    }

    /** The test database's URL, or the same server's database {@code db}. */
    private static String url(String db) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        if (db == null) {
            return url;
        }
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + db + (query < 0 ? "" : url.substring(query));
    }

    private static String user() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
    }

    private static String password() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
    }
}
