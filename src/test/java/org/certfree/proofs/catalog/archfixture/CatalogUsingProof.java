package org.certfree.proofs.catalog.archfixture;

import org.certfree.proofs.proof.ProofStatus;

/** Breaks "features depend one way" on purpose: the catalogue sits below proofs (ArchitectureRulesCatchTest). */
public class CatalogUsingProof {
    public ProofStatus status;
}
