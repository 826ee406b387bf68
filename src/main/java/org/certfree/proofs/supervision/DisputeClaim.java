package org.certfree.proofs.supervision;

/** What a dispute on a list entry claims. Source: seed 四.(一)8 异议处理 on the published lists. */
public enum DisputeClaim {
    /** The proof should not be demanded at all: it belongs on the cancelled list. */
    SHOULD_BE_CANCELLED,
    /** The legal basis the entry cites was repealed or amended. */
    LEGAL_BASIS_REPEALED,
    /** Anything else wrong with the entry, said in the text. */
    OTHER;

    /** Stable identifier of the claim. */
    public String uri() {
        return "urn:certfree:list-dispute-claim:" + name().toLowerCase().replace('_', '-');
    }
}
