package org.certfree.proofs.common.archfixture;

import org.certfree.proofs.system.security.Role;

/** Breaks "common imports nothing of ours" on purpose (ArchitectureRulesCatchTest). */
public class CommonUsingSystem {
    public Role role;
}
