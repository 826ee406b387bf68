package org.certfree.proofs.system.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12, item 9: the embedded PostgreSQL never trusts a local connection. A data directory made
 * by an earlier version (pg_hba.conf "trust") is switched to its password at the next start.
 */
class EmbeddedDatabaseTest {

    @Test
    void aDataDirectoryThatTrustedEveryoneNeedsThePasswordAfterItsNextStart(@TempDir Path base) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(base, true)) {
            assertRefusedWithoutPassword(db);
        }
        Path hba = base.resolve("pg").resolve("pg_hba.conf");
        Files.writeString(hba, Files.readString(hba).lines()
                .map(l -> l.startsWith("#") ? l : l.replace("scram-sha-256", "trust"))
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(base, true)) {
            assertFalse(Files.readString(hba).lines().anyMatch(l -> !l.startsWith("#") && l.trim().endsWith("trust")),
                    "no rule trusts a connection any more");
            assertRefusedWithoutPassword(db);
            try (Connection c = DriverManager.getConnection(url(db), db.username(), db.password())) {
                assertTrue(c.isValid(2));
            }
        }
    }

    private static void assertRefusedWithoutPassword(EmbeddedDatabase db) {
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url(db), db.username(), null).close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url(db), db.username(), "guess").close());
    }

    private static String url(EmbeddedDatabase db) {
        return "jdbc:postgresql://localhost:" + db.port() + "/postgres";
    }
}
