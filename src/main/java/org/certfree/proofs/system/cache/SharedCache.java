package org.certfree.proofs.system.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Function;

/**
 * A Caffeine cache whose values are dropped whenever its topic changes on any replica (see
 * {@link ChangeSignals}). A value is stamped with the topic's generation read before it was loaded,
 * so a load that overlaps a change (begun before, finished after) is never served: an invalidation
 * can not be undone by a slow load. While the topic cannot be cached (see {@link ChangeSignals}) every
 * read goes to the loader. {@code maxAge} only bounds how long a value lives should a notice ever be lost.
 */
public final class SharedCache<K, V> {

    private record Stamped<V>(long generation, V value) {
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
            if (!topic.cacheable()) {
                return loader.apply(key);
            }
            long before = topic.generation();
            Stamped<V> stamped = cache.get(key, k -> new Stamped<>(before, loader.apply(k)));
            if (stamped.generation() == topic.generation() && topic.cacheable()) {
                return stamped.value();
            }
            // loaded before the latest change (by this call or an earlier one): drop it, load again
            cache.asMap().remove(key, stamped);
        }
        return loader.apply(key); // changing under our feet: answer from the database, keep nothing
    }

    /** Drops every value of this cache on this replica only (other replicas keep theirs). */
    public void clear() {
        cache.invalidateAll();
    }
}
