package org.certfree.proofs.system.http;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client key (e.g. remote address): {@code capacity} requests at once, refilled
 * at {@code perMinute}. In memory per replica — the limit is "per client per replica", which is
 * what stops enumeration from one client; a shared limit would need a shared store.
 */
public final class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final double capacity;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(int perMinute, int burst) {
        this.capacity = burst;
        this.perNano = perMinute / 60e9;
    }

    /** Takes one token for {@code client}; false when the client has none left (answer 429). */
    public boolean tryAcquire(String client) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_CLIENTS) {
            evictFull(now);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.updated) * perNano);
            b.updated = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Seconds until {@code client} has a token again (for Retry-After). */
    public long retryAfterSeconds(String client) {
        Bucket b = buckets.get(client);
        if (b == null) {
            return 0;
        }
        synchronized (b) {
            return (long) Math.ceil(Math.max(0, 1 - b.tokens) / perNano / 1e9);
        }
    }

    /** Forget clients whose bucket has refilled completely: they carry no state worth keeping. */
    private void evictFull(long now) {
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext();) {
            Bucket b = it.next().getValue();
            synchronized (b) {
                if (b.tokens + (now - b.updated) * perNano >= capacity) {
                    it.remove();
                }
            }
        }
    }
}
