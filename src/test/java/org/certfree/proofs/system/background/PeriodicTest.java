package org.certfree.proofs.system.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** A periodic task keeps running through failures and stops when asked. */
class PeriodicTest {

    @Test
    void aFailingRunIsRetriedAndStopEndsTheLoop() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch recovered = new CountDownLatch(1);
        Periodic p = Periodic.start("periodic-test", "Testing", 5, () -> {
            int n = runs.incrementAndGet();
            if (n <= 3) {
                throw new IllegalStateException("run " + n + " fails");
            }
            recovered.countDown();
        }, Logger.getLogger(PeriodicTest.class));
        assertTrue(recovered.await(10, TimeUnit.SECONDS), "runs again after failures");
        p.stop();
        Thread.sleep(50);
        int stoppedAt = runs.get();
        Thread.sleep(100);
        assertEquals(stoppedAt, runs.get(), "no run after stop");
    }
}
