package org.certfree.proofs.proof;

/**
 * Status of a proof request (开具申请). OVERDUE is PENDING past its statutory deadline: it is
 * derived when read (the request can still be handled, late), so it never needs a batch job.
 */
public enum RequestStatus {
    /** Waiting for the issuing department, inside its statutory time limit. */
    PENDING,
    /** Waiting for the issuing department, past its statutory time limit. */
    OVERDUE,
    /** A proof was issued for it. */
    ISSUED,
    /** The issuing department refused, with a reason. */
    REJECTED
}
