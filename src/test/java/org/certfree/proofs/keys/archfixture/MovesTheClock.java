package org.certfree.proofs.keys.archfixture;

import java.time.Duration;
import org.certfree.proofs.common.ControllableClock;

/** Breaks "only tests move the clock" on purpose (ArchitectureRulesCatchTest). */
public class MovesTheClock {
    public void backdate(ControllableClock clock) {
        clock.advance(Duration.ofDays(-25));
    }
}
