package org.certfree.proofs.keys.archfixture;

import org.certfree.proofs.demo.DemoData;

/** Breaks "nothing imports demo" on purpose (ArchitectureRulesCatchTest). */
public class KeysUsingDemo {
    public DemoData demo;
}
