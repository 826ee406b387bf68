package org.certfree.proofs.keys.archfixture;

import jakarta.inject.Inject;

/** With {@link CycleB}, an injection cycle on purpose (ArchitectureRulesCatchTest); not a bean. */
public class CycleA {
    @Inject
    CycleB b;
}
