package org.certfree.proofs.proof;

/**
 * What became of one item (line) of a bulk issuance job. {@link #uri()} is its stable identifier.
 */
public enum IssuanceJobItemState {
    /** Stored, waiting for a worker. */
    PENDING,
    /** Issued: the item has its proof (number and verification code), exactly as a single issuance makes it. */
    ISSUED,
    /** Not issued, with the reason as a problem document (the same check a single issuance answers with 4xx). */
    FAILED,
    /**
     * Its itemId was already submitted by the department with the same content (in this job or an earlier one):
     * answered with that item's outcome, never a second proof.
     */
    DUPLICATE,
    /** Its job was cancelled before the item was issued. */
    CANCELLED;

    public String uri() {
        return "urn:certfree:issuance-item-state:" + name().toLowerCase();
    }
}
