package org.certfree.proofs.publication;

/**
 * What a batch entry does to its list. Source: seed 四.(一)1 "编制证明事项实施清单并做好动态调整" and
 * 四.(一)2 "根据工作推进情况及时动态调整" — lists are adjusted batch by batch.
 */
public enum EntryAction {
    /** The matter enters its list with the approved version's content. */
    ADD,
    /** The matter, already on its list, now reads as a newer approved version. */
    AMEND,
    /** The matter leaves its list (an approved removal request). */
    REMOVE;

    /** Stable identifier of the action. */
    public String uri() {
        return "urn:certfree:batch-entry-action:" + name().toLowerCase();
    }
}
