package org.certfree.proofs.catalog;

/** What a matter version proposes: new content for the list, or taking the matter off its list. */
public enum Proposal {
    /** The version's content should be (or stay) on the list: published as ADD or AMEND. */
    CONTENT,
    /** The matter should leave its list (e.g. the proof became unnecessary): published as REMOVE. */
    REMOVAL
}
