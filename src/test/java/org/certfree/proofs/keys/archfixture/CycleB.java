package org.certfree.proofs.keys.archfixture;

import jakarta.inject.Inject;

/** With {@link CycleA}, an injection cycle on purpose (ArchitectureRulesCatchTest); not a bean. */
public class CycleB {
    private final CycleA a;

    @Inject
    CycleB(CycleA a) { // constructor injection counts too
        this.a = a;
    }
}
