package org.certfree.proofs.system.archfixture;

import org.certfree.proofs.proof.ProofStatus;

/** Breaks "system imports only common" on purpose (ArchitectureRulesCatchTest). */
public class SystemUsingProof {
    public ProofStatus status;
}
