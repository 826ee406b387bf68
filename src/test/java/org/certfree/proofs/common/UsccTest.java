package org.certfree.proofs.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UsccTest {

    @Test
    void acceptsPublishedCodes() {
        // A code widely used as the GB 32100 example.
        assertTrue(Uscc.isValid("91350100M000100Y43"), Uscc.problem("91350100M000100Y43").orElse(""));
    }

    @Test
    void organisationCodeCheckFollowsGb11714() {
        // GB 11714 example body D2143569 has check character X.
        assertEquals('X', Uscc.organisationCheck("D2143569"));
    }

    @Test
    void completeProducesValidCodes() {
        String code = Uscc.complete("11652800MB1A0001");
        assertEquals(18, code.length());
        assertTrue(Uscc.isValid(code));
    }

    @Test
    void rejectsAWrongFinalCheckCharacter() {
        String good = Uscc.complete("11652800MB1A0001");
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        assertEquals("校验码应为 " + good.charAt(17), Uscc.problem(good.substring(0, 17) + wrong).orElseThrow());
    }

    @Test
    void rejectsForbiddenLettersAndBadRegion() {
        assertFalse(Uscc.isValid("91350100O000100Y43"));
        assertFalse(Uscc.isValid("9135A100M000100Y43"));
        assertFalse(Uscc.isValid("91350100M000100Y4"));
    }
}
