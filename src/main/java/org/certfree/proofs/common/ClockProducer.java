package org.certfree.proofs.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the one {@link ControllableClock} injectable, also as {@link java.time.Clock}. */
@Singleton
public class ClockProducer {

    private final ControllableClock clock = new ControllableClock();

    @Produces
    @Singleton
    public ControllableClock controllableClock() {
        return clock;
    }
}
