package org.certfree.proofs.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProofNumbersTest {

    private final ProofNumbers numbers = new ProofNumbers();

    @Test
    void newNumbersAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String n = numbers.newNumber(2026);
            assertTrue(ProofNumbers.problem(n).isEmpty(), n);
            assertTrue(n.startsWith("ZM-2026-"), n);
            assertTrue(seen.add(n), "duplicate " + n);
        }
    }

    @Test
    void everySingleCharacterTypoIsCaught() {
        String n = numbers.newNumber(2026);
        for (int i = 0; i < n.length(); i++) {
            if (n.charAt(i) == '-' || i < 3) {
                continue;
            }
            for (char c : ProofNumbers.ALPHABET.toCharArray()) {
                if (c == n.charAt(i) || (i < 8 && !Character.isDigit(c))) {
                    continue;
                }
                String typo = n.substring(0, i) + c + n.substring(i + 1);
                assertTrue(ProofNumbers.problem(typo).isPresent(), "typo not caught: " + typo);
            }
        }
    }

    @Test
    void luhnMod32MatchesAHandComputedValue() {
        // "1" : factor 2 → 2 → sum 2 → check (32-2)%32 = 30 → 'Y'
        assertEquals('Y', ProofNumbers.checkCharacter("1"));
        // "11": 1*2 + 1*1 = 3 → 29 → 'X'
        assertEquals('X', ProofNumbers.checkCharacter("11"));
    }

    @Test
    void normalizeAcceptsLowercaseAndLookAlikes() {
        String n = numbers.newNumber(2026);
        String typed = n.toLowerCase().replace('0', 'o');
        assertEquals(n, ProofNumbers.normalize(typed));
    }

    @Test
    void verificationCodesAreSixDigits() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(numbers.newVerificationCode().matches("^\\d{6}$"));
        }
    }
}
