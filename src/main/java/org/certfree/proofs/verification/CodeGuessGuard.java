package org.certfree.proofs.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops a using unit from guessing a proof's six-digit verification code: after {@link #MAX_WRONG}
 * wrong codes for one proof number, that unit's number-and-code verifications of that number are
 * refused (429) until {@link #WINDOW} has passed since the first wrong one. (A signed proof or its QR
 * code needs no guessing.) Per replica; every wrong code is also in the holder's access log.
 */
@ApplicationScoped
public class CodeGuessGuard {

    static final int MAX_WRONG = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> wrong = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(200_000).build();

    /** Whether {@code unit} has used up its wrong codes for {@code number}. */
    public boolean locked(String unit, String number) {
        AtomicInteger n = wrong.getIfPresent(key(unit, number));
        return n != null && n.get() >= MAX_WRONG;
    }

    /** Counts a wrong code of {@code unit} for {@code number}. */
    public void wrongCode(String unit, String number) {
        wrong.get(key(unit, number), k -> new AtomicInteger()).incrementAndGet();
    }

    private static String key(String unit, String number) {
        return unit + '|' + number;
    }
}
