package org.certfree.proofs.ofd;

import static org.certfree.proofs.ofd.OfdFixtures.FORGED;
import static org.certfree.proofs.ofd.OfdFixtures.GOOD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ofdrw.gm.ses.v4.SESeal;

/** An {@code .esl} loaded from elsewhere (production: the official seal system) is parsed and checked. */
class SealsTest {

    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void theDepartmentsSealChecksOut() throws Exception {
        Seals.SealInfo seal = Seals.check(GOOD.seal(), GOOD.trust(), NOW);
        assertEquals("5119000000001", seal.id());
        assertEquals("巴中市公安局电子证明专用章", seal.name());
        assertEquals("PNG", seal.pictureType());
        assertArrayEquals(DemoSealImage.png("巴中市公安局", "电子证明专用章"), seal.picture());
        assertEquals(GOOD.maker(), seal.maker());
        assertTrue(seal.allows(GOOD.signer()));
        assertFalse(seal.allows(FORGED.signer()));
        assertEquals(4, SESeal.getInstance(GOOD.seal()).geteSealInfo().getHeader().getVersion().intValueExact());
    }

    @Test
    void aSealByAForgedMakerWithTheSameNameIsRefused() {
        OfdRefused e = assertThrows(OfdRefused.class, () -> Seals.check(FORGED.seal(), GOOD.trust(), NOW));
        assertEquals(OfdRefusal.SEAL_MAKER_UNTRUSTED, e.refusal());
    }

    @Test
    void aChangedSealIsRefused() {
        byte[] seal = GOOD.seal().clone();
        seal[seal.length / 2] ^= 0x01; // inside the picture: the maker's signature no longer matches
        OfdRefused e = assertThrows(OfdRefused.class, () -> Seals.check(seal, GOOD.trust(), NOW));
        assertEquals(OfdRefusal.SEAL_INVALID, e.refusal());
        assertEquals(OfdRefusal.SEAL_INVALID, assertThrows(OfdRefused.class,
                () -> Seals.check("not a seal".getBytes(), GOOD.trust(), NOW)).refusal());
    }

    @Test
    void aSealOutsideItsValidityIsRefused() {
        OfdRefused e = assertThrows(OfdRefused.class,
                () -> Seals.check(GOOD.seal(), GOOD.trust(), Instant.parse("2036-01-01T00:00:00Z")));
        assertTrue(e.refusal() == OfdRefusal.NOT_VALID_AT_SIGNING || e.refusal() == OfdRefusal.SEAL_MAKER_UNTRUSTED);
    }
}
