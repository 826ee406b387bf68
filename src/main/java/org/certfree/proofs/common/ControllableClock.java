package org.certfree.proofs.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock: the system clock, shifted by an offset that only tests set (deadlines and
 * expiry are tested by moving time, never by sleeping). Zone: Asia/Shanghai, the users' time.
 */
public final class ControllableClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Moves the clock forward (or back) by {@code amount}; for tests. */
    public void advance(Duration amount) {
        offset.updateAndGet(o -> o.plus(amount));
    }

    /** Back to real time; for tests. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
