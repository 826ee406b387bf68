package org.certfree.proofs.department;

/** What a department may do in the system; a token's role must match one of its department's. */
public enum DepartmentRole {
    /** Issues proofs about data it holds and answers their verification (开具单位). */
    ISSUER,
    /** Verifies and, with consent, retrieves proofs citizens present (用证单位). */
    USING_UNIT,
    /** Reviews and publishes the proof-matter lists (司法局). */
    REVIEWER
}
