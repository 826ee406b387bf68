package org.certfree.proofs.verification.archfixture;

import org.certfree.proofs.proof.Proof;

/** Breaks "entities stay in their feature" on purpose: verification reads the proof table itself (ArchitectureRulesCatchTest). */
public class VerificationUsingProofEntity {
    public long count() {
        return Proof.count();
    }
}
