package org.certfree.proofs.proof;

/**
 * Where a bulk issuance job (批量开具作业) stands (issue #16). {@link #uri()} is its stable identifier.
 */
public enum IssuanceJobStatus {
    /** Every line is stored; no item has been issued yet. */
    QUEUED,
    /** Items are being issued, chunk by chunk; {@code done} of {@code total} are decided. */
    RUNNING,
    /** Every item is decided: issued, failed (with its reason) or a duplicate of an earlier item. */
    DONE,
    /** Cancelled by its department: items not yet issued never will be; those issued stay valid proofs. */
    CANCELLED;

    public String uri() {
        return "urn:certfree:issuance-job-status:" + name().toLowerCase();
    }

    /** 中文名称. */
    public String chinese() {
        return switch (this) {
            case QUEUED -> "排队中";
            case RUNNING -> "开具中";
            case DONE -> "已完成";
            case CANCELLED -> "已取消";
        };
    }

    /** Whether nothing more happens to the job. */
    public boolean finished() {
        return this == DONE || this == CANCELLED;
    }
}
