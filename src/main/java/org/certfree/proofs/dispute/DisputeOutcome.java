package org.certfree.proofs.dispute;

/** The issuing department's decision on a dispute (seed 四.(一)8 异议处理); {@link #uri()} is stable. */
public enum DisputeOutcome {
    /** Not founded: the suspension is lifted and the document stands as issued. */
    DISMISSED,
    /** Founded, the content was wrong: a corrected proof is issued and the disputed one becomes SUPERSEDED. */
    REISSUE,
    /** Founded, the document should not stand: it is revoked with the given reason. */
    REVOKE;

    public String uri() {
        return "urn:certfree:dispute-outcome:" + name().toLowerCase();
    }
}
