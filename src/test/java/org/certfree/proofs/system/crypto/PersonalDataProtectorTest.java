package org.certfree.proofs.system.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonalDataProtectorTest {

    @Inject
    PersonalDataProtector protector;

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        String a = protector.encrypt("11010519491231002X", "t.id");
        String b = protector.encrypt("11010519491231002X", "t.id");
        assertNotEquals(a, b);
        assertEquals("11010519491231002X", protector.decrypt(a, "t.id"));
    }

    @Test
    void aValueMovedToAnotherColumnDoesNotDecrypt() {
        String a = protector.encrypt("张三", "t.name");
        assertThrows(IllegalStateException.class, () -> protector.decrypt(a, "t.id"));
    }

    @Test
    void tamperingIsDetected() {
        byte[] raw = Base64.getDecoder().decode(protector.encrypt("张三", "t.name"));
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> protector.decrypt(Base64.getEncoder().encodeToString(raw), "t.name"));
        // the thread's cipher is reused: a failure leaves it fit for the next value
        assertEquals("张三", protector.decrypt(protector.encrypt("张三", "t.name"), "t.name"));
    }

    @Test
    void aFailedIndexLeavesTheNextOneUnchanged() {
        String before = protector.blindIndex("x", "p");
        assertThrows(NullPointerException.class, () -> protector.blindIndex(null, "p"));
        assertEquals(before, protector.blindIndex("x", "p"));
    }

    @Test
    void blindIndexIsDeterministicPerPurpose() {
        assertEquals(protector.blindIndex("x", "p"), protector.blindIndex("x", "p"));
        assertNotEquals(protector.blindIndex("x", "p"), protector.blindIndex("x", "q"));
        assertEquals(64, protector.blindIndex("x", "p").length());
    }
}
