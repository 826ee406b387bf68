package org.certfree.proofs.verification;

/**
 * The overall verdict of a verification, after ETSI EN 319 102-1 §5.1.3 (the validation report
 * vocabulary EU DSS uses). {@link #uri()} is stable and appears in signed receipts.
 */
public enum Indication {
    /** Every check passed: the proof is authentic, issued, in force, and (if asked) about the holder. */
    TOTAL_PASSED,
    /** A check failed for good: forged, tampered, revoked, expired, superseded, or not the holder's. */
    TOTAL_FAILED,
    /** The answer cannot be given now (e.g. unknown signing key); retrying later may help. */
    INDETERMINATE;

    public String uri() {
        return "urn:certfree:indication:" + name().toLowerCase().replace('_', '-');
    }
}
