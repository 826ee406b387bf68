package org.certfree.proofs.supervision;

/** Where a dispute on a list entry stands; the justice bureau closes it (seed 四.(一)8). */
public enum DisputeStatus {
    /** Filed, awaiting the justice bureau. */
    OPEN,
    /** Found right: a catalogue change for the next batch is linked. */
    UPHELD,
    /** Found wrong: the answer says why. */
    DISMISSED;

    /** Stable identifier of the status. */
    public String uri() {
        return "urn:certfree:list-dispute-status:" + name().toLowerCase();
    }
}
