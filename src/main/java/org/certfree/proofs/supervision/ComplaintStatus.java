package org.certfree.proofs.supervision;

/** Where a complaint about a demanded proof stands: routed to the justice bureau, investigated, closed. */
public enum ComplaintStatus {
    /** Filed and routed to the justice bureau. */
    ASSIGNED,
    /** A reviewer of the justice bureau is investigating. */
    INVESTIGATING,
    /** Closed with a finding against the unit. */
    FOUNDED,
    /** Closed without one: the answer says why. */
    DISMISSED;

    public boolean closed() {
        return this == FOUNDED || this == DISMISSED;
    }

    /** Stable identifier of the status. */
    public String uri() {
        return "urn:certfree:complaint-status:" + name().toLowerCase();
    }
}
