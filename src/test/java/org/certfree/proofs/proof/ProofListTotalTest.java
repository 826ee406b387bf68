package org.certfree.proofs.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The total of a proof listing counted up to {@link ProofQueries#COUNT_CAP} + 1 matches. */
class ProofListTotalTest {

    @Test
    void exactUpToTheCap() {
        assertEquals(0, ProofQueries.total(0, 0, 0));
        assertEquals(37, ProofQueries.total(37, 20, 17));
        assertEquals(ProofQueries.COUNT_CAP, ProofQueries.total(ProofQueries.COUNT_CAP, 0, 20));
    }

    @Test
    void aLowerBoundPastTheCap() {
        int over = ProofQueries.COUNT_CAP + 1;
        assertEquals(ProofQueries.COUNT_CAP, ProofQueries.total(over, 0, 20), "the first page says 1000+");
        assertEquals(5_020, ProofQueries.total(over, 5_000, 20), "a page past the cap shows at least what it reached");
    }
}
