package org.certfree.proofs.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;

/**
 * Bounds the CPU-heavy OFD work — building and sealing a document (about 25 ms of CPU), checking an upload (about
 * 25 ms, up to 48 MB unpacked on disk) — to one task per core at a time. More callers wait up to
 * {@link #WAIT_MS}; beyond that they get 503 with Retry-After, rather than every request on the replica slowing
 * down together and uploads filling the disk.
 */
@ApplicationScoped
public class OfdWork {

    /** How long a request waits for its turn before 503. */
    static final long WAIT_MS = 2_000;

    private final Semaphore turns = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    /** Runs {@code work} when a turn is free; 503 (Retry-After: 1) when none frees up in time. */
    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(ProblemType.UNAVAILABLE, Messages.OFD_BUSY).withHeader("Retry-After", "1");
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
