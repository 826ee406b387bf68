package org.certfree.proofs.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.certfree.proofs.common.error.ApiException;
import org.junit.jupiter.api.Test;

/** OFD work runs one task per core at a time; a caller who finds no turn within the wait gets 503 with Retry-After. */
class OfdWorkTest {

    @Test
    void oneTaskPerCoreAndThen503() throws Exception {
        OfdWork work = new OfdWork();
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        CountDownLatch started = new CountDownLatch(cores);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            Thread t = new Thread(() -> work.run(() -> {
                started.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            t.start();
            busy.add(t);
        }
        assertTrue(started.await(10, TimeUnit.SECONDS), "every core's turn taken");
        ApiException refused = assertThrows(ApiException.class, () -> work.run(() -> "never"));
        assertEquals(503, refused.type().status());
        assertEquals("1", refused.headers().get("Retry-After"));

        release.countDown();
        for (Thread t : busy) {
            t.join(10_000);
        }
        assertEquals("done", work.run(() -> "done"), "turns come back after the work");
    }
}
