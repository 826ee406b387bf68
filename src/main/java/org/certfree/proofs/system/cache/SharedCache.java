package org.certfree.proofs.system.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.function.Function;

/**
 * A Caffeine cache whose values are dropped whenever its topic changes on any replica (see
 * {@link ChangeSignals}). A value is stamped with the topic's generation read before it was loaded,
 * so a load that overlaps a change (begun before, finished after) is never served: an invalidation
 * cannot be undone by a slow load. A value to keep is loaded in a transaction of its own, so it is
 * what is committed, never the calling transaction's view of it. While a transaction of this replica
 * changes the topic, every read goes to the loader in the caller's transaction; while the replica
 * hears no signals, a value lives at most {@link #UNSIGNALLED_MAX_AGE}. {@code maxAge} bounds a value's
 * life should a notice ever be lost.
 */
public final class SharedCache<K, V> {

    /** How long a value may be served while this replica hears no change signals. */
    public static final Duration UNSIGNALLED_MAX_AGE = Duration.ofSeconds(1);

    private record Stamped<V>(long generation, long loadedNanos, V value) {
    }

    private final ChangeSignals.Topic topic;
    private final Cache<K, Stamped<V>> cache;

    SharedCache(ChangeSignals.Topic topic, long maximumSize, Duration maxAge) {
        this.topic = topic;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maxAge).build();
    }

    /** The value for {@code key}: cached, or loaded by {@code loader} (which may return null). */
    public V get(K key, Function<? super K, ? extends V> loader) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (topic.changing()) {
                return loader.apply(key);
            }
            long before = topic.generation();
            Stamped<V> stamped = cache.get(key,
                    k -> new Stamped<>(before, System.nanoTime(), QuarkusTransaction.requiringNew().call(() -> loader.apply(k))));
            if (stamped.generation() == topic.generation() && !topic.changing()
                    && (topic.signalled() || System.nanoTime() - stamped.loadedNanos() < UNSIGNALLED_MAX_AGE.toNanos())) {
                return stamped.value();
            }
            // loaded before the latest change (by this call or an earlier one), or too old to serve
            // without signals: drop it, load again
            cache.asMap().remove(key, stamped);
        }
        return loader.apply(key); // changing under our feet: answer from the database, keep nothing
    }

    /**
     * Drops this replica's value for {@code key}, for a reader that learnt from the database that it is
     * stale before the change signal arrived; the next {@link #get} loads it again.
     */
    public void invalidate(K key) {
        cache.invalidate(key);
    }
}
