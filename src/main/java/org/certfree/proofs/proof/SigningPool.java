package org.certfree.proofs.proof;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs the CPU-bound part of issuing many documents (numbering, encryption, SM2 and Ed25519 signatures) on every
 * core: a bulk chunk is split into one slice per core, the calling thread taking one slice itself. A single
 * document is prepared on the calling thread (no hand-over). The work must not touch the database or the caller's
 * transaction: it runs on other threads.
 */
@ApplicationScoped
public class SigningPool {

    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ExecutorService executor = Executors.newFixedThreadPool(threads, new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "proof-signing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    /** {@code work(0) … work(count - 1)}, in order; the first failure is rethrown once every slice has ended. */
    <R> List<R> map(int count, IntFunction<R> work) {
        Object[] out = new Object[count];
        int slices = Math.min(threads, count / 8); // below 8 documents a hand-over costs more than it saves
        if (slices <= 1) {
            for (int i = 0; i < count; i++) {
                out[i] = work.apply(i);
            }
            return cast(out);
        }
        List<CompletableFuture<Void>> running = new ArrayList<>();
        int per = (count + slices - 1) / slices;
        for (int s = 1; s < slices; s++) {
            int from = s * per;
            int to = Math.min(count, from + per);
            running.add(CompletableFuture.runAsync(() -> fill(out, from, to, work), executor));
        }
        RuntimeException failure = null;
        try {
            fill(out, 0, Math.min(count, per), work);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<Void> f : running) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return cast(out);
    }

    private static <R> void fill(Object[] out, int from, int to, IntFunction<R> work) {
        for (int i = from; i < to; i++) {
            out[i] = work.apply(i);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> cast(Object[] out) {
        return (List<R>) Arrays.asList(out);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
