package org.certfree.proofs.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResidentIdTest {

    @Test
    void acceptsTheStandardsSampleNumber() {
        // GB 11643-1999 appendix sample: 11010519491231002X
        assertTrue(ResidentId.isValid("11010519491231002X"));
        assertEquals('X', ResidentId.checkCharacter("11010519491231002"));
    }

    @Test
    void acceptsLowercaseXOnlyAfterNormalising() {
        assertEquals("11010519491231002X", ResidentId.normalize(" 11010519491231002x "));
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertEquals("校验码应为 X", ResidentId.problem("110105194912310021").orElseThrow());
    }

    @Test
    void rejectsImpossibleBirthDates() {
        assertFalse(ResidentId.isValid("110105194902300023".substring(0, 17) + ResidentId.checkCharacter("11010519490230002")));
        assertFalse(ResidentId.isValid("11010518991231002" + ResidentId.checkCharacter("11010518991231002")));
    }

    @Test
    void rejectsWrongLengthAndLetters() {
        assertFalse(ResidentId.isValid("1101051949123100"));
        assertFalse(ResidentId.isValid("1101051949123100AX"));
        assertFalse(ResidentId.isValid(null));
    }

    @Test
    void masksAllButAreaAndLastFour() {
        assertEquals("110105********002X", ResidentId.mask("11010519491231002X"));
    }
}
