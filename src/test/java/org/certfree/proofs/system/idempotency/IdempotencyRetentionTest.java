package org.certfree.proofs.system.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.junit.jupiter.api.Test;

/** Stored answers are kept for retries for a day, then deleted; keys belong to a person in a unit. */
@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    IdempotencyService idempotency;

    @Inject
    DataSource dataSource;

    private void insert(String key, Instant createdAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO idempotency_record (principal, key, request_hash, created_at) VALUES ('retention-test', ?, 'h', ?)")) {
            s.setString(1, key);
            s.setTimestamp(2, Timestamp.from(createdAt));
            s.executeUpdate();
        }
    }

    private boolean exists(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM idempotency_record WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void answersOlderThanTheRetentionAreDeletedAndRecentOnesKept() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        insert(old, Instant.now().minus(IdempotencyService.RETENTION).minus(1, ChronoUnit.HOURS));
        insert(recent, Instant.now().minus(IdempotencyService.RETENTION).plus(1, ChronoUnit.HOURS));
        int deleted = QuarkusTransaction.requiringNew().call(idempotency::purgeExpired);
        assertTrue(deleted >= 1);
        assertEquals(false, exists(old));
        assertEquals(true, exists(recent));
    }

    @Test
    void aKeyBelongsToAPersonInAUnit() {
        assertEquals("KELSZWZX/window-1", IdempotencyService.principal(Caller.acting("window-1", "KELSZWZX", Role.VERIFIER)));
        assertEquals("admin-1", IdempotencyService.principal(Caller.acting("admin-1", null, Role.ADMIN)));
        String longSubject = "x".repeat(200);
        String hashed = IdempotencyService.principal(Caller.acting(longSubject, "KELSZWZX", Role.VERIFIER));
        assertTrue(hashed.startsWith("sha256:") && hashed.length() == 71, hashed);
    }
}
