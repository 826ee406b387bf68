package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.http.RateLimiter;

/** The per-client limit of the public status check (certfree.status-check.*). */
@ApplicationScoped
public class StatusCheckLimiter {

    @Inject
    CertfreeConfig config;

    private volatile RateLimiter limiter;

    public boolean tryAcquire(String client) {
        return limiter().tryAcquire(client);
    }

    public long retryAfterSeconds(String client) {
        return Math.max(1, limiter().retryAfterSeconds(client));
    }

    /** Forgets every client; for tests. */
    public void reset() {
        limiter = null;
    }

    private RateLimiter limiter() {
        RateLimiter rl = limiter;
        if (rl == null) {
            rl = new RateLimiter(config.statusCheck().perMinute(), config.statusCheck().burst());
            limiter = rl;
        }
        return rl;
    }
}
