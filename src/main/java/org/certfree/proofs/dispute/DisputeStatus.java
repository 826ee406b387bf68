package org.certfree.proofs.dispute;

/**
 * Where a dispute (异议) on a proof or pledge stands. {@link #uri()} is the stable identifier in signed
 * decision records. OVERDUE is no stored state: an OPEN dispute past its due day (see {@link DisputeService}).
 */
public enum DisputeStatus {
    /** Awaiting the issuing department's decision; the document is suspended. */
    OPEN,
    /** Decided for the disputant: the document was re-issued corrected (the old one superseded) or revoked. */
    UPHELD,
    /** Decided against the disputant: the suspension is lifted, the document stands. */
    DISMISSED;

    public String uri() {
        return "urn:certfree:dispute-status:" + name().toLowerCase();
    }

    /** 中文名称. */
    public String chinese() {
        return switch (this) {
            case OPEN -> "待处理";
            case UPHELD -> "异议成立";
            case DISMISSED -> "异议不成立";
        };
    }
}
