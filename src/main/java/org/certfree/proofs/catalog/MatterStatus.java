package org.certfree.proofs.catalog;

/**
 * Review state of a matter version. Source: seed 四.(一)1 "按程序报州司法局审查" — departments draft,
 * the justice bureau reviews; DESIGN.md feature {@code catalog}.
 */
public enum MatterStatus {
    /** Being drafted by the department's list editor; the only state that may be edited. */
    DRAFT,
    /** Submitted to the justice bureau for review; the editor may withdraw it back to draft. */
    SUBMITTED,
    /** Approved by the justice bureau; final, may be put into a publication batch. */
    APPROVED,
    /** Rejected by the justice bureau with a reason; final, the editor drafts a new version. */
    REJECTED;

    /** Stable identifier of the state. */
    public String uri() {
        return "urn:certfree:matter-status:" + name().toLowerCase().replace('_', '-');
    }

    public boolean open() {
        return this == DRAFT || this == SUBMITTED;
    }
}
