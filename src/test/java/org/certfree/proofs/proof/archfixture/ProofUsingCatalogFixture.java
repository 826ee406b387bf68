package org.certfree.proofs.proof.archfixture;

import org.certfree.proofs.catalog.archfixture.CatalogUsingProof;

/** With {@link CatalogUsingProof}, a cycle between the catalog and proof packages on purpose (ArchitectureRulesCatchTest). */
public class ProofUsingCatalogFixture {
    public CatalogUsingProof catalog;
}
