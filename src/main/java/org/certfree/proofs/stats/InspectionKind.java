package org.certfree.proofs.stats;

/** What a 随机抽查 draws: proofs the department issued, pledges on its matters, or verifications it made. */
public enum InspectionKind {
    PROOF,
    PLEDGE,
    VERIFICATION
}
