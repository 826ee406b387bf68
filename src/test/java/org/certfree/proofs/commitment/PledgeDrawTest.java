package org.certfree.proofs.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The 抽查 draw against vectors computed apart from our code (Python's hashlib:
 * {@code sha256(b"certfree-pledge-draw:v1|" + root + b"|" + number).digest()[:8]}), at the edges of the ratio.
 */
class PledgeDrawTest {

    private static final String ROOT = "0123456789abcdef".repeat(4);
    private static final String NUMBER = "ZM-2026-SXCJ-VAKJ-30S2-4";

    @Test
    void valueIsTheFirstEightBytesOfTheDomainSeparatedHash() {
        assertEquals("1edb43b45a2795ee", PledgeDraw.of(ROOT, NUMBER, 50).value());
        assertEquals("f23599ceefdc032b", PledgeDraw.of("a".repeat(64), "ZM-2026-ES0M-BEHR-WXWJ-5", 50).value());
    }

    @Test
    void drawnIffTheValueFallsBelowTheRatio() {
        // 0x1edb43b45a2795ee / 2^64 = 0.1205…: drawn at 13 %, not at 12 %
        assertTrue(PledgeDraw.of(ROOT, NUMBER, 13).drawn());
        assertFalse(PledgeDraw.of(ROOT, NUMBER, 12).drawn());
        // 0xf23599ce… / 2^64 = 0.946…: drawn only at 95 % and above
        assertFalse(PledgeDraw.of("a".repeat(64), "ZM-2026-ES0M-BEHR-WXWJ-5", 94).drawn());
        assertTrue(PledgeDraw.of("a".repeat(64), "ZM-2026-ES0M-BEHR-WXWJ-5", 95).drawn());
        assertTrue(PledgeDraw.of("f".repeat(64), "ZM-2026-AAAA-BBBB-CCCC-1", 100).drawn());
    }

    @Test
    void aRatioOutsideOneToHundredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PledgeDraw.of(ROOT, NUMBER, 0));
        assertThrows(IllegalArgumentException.class, () -> PledgeDraw.of(ROOT, NUMBER, 101));
    }
}
