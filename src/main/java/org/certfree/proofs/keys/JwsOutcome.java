package org.certfree.proofs.keys;

import java.util.Locale;

/**
 * Outcome of checking a JWS (RFC 7515) against the published keys ({@link Jws#verify}). Anything but
 * {@link #VALID} means: do not trust the payload.
 */
public enum JwsOutcome {
    /** Every signature verifies (RFC 7515 §5.2) with a published key of one department, none made at or after a compromise. */
    VALID,
    /**
     * A signature does not verify: payload or protected header altered, signed by another key than its
     * {@code kid} names, an {@code alg} that does not match the key or that we do not accept, or
     * signatures of different departments in one JWS.
     */
    INVALID_SIGNATURE,
    /**
     * No {@code kid} in a protected header, a {@code kid} that is not a published key (never ours, or its publication
     * ended), or an SM2 key whose certificate does not make it trusted at the signing time (none in production, no
     * chain to a configured root, or outside the certificate's validity).
     */
    UNKNOWN_KEY,
    /**
     * The signature verifies but its key is compromised and the protected-header {@code iat} is at or
     * after the compromise instant (or missing, so it cannot be shown to be earlier), or its certificate is revoked
     * as of that instant.
     */
    KEY_COMPROMISED,
    /**
     * Not a JWS in the compact (RFC 7515 §7.1) or JSON (§7.2) serialization, or a protected header we cannot
     * act on ({@code crit}, unencoded payload, {@code iat} not a number).
     */
    MALFORMED;

    /** Stable URI of the outcome. */
    public String uri() {
        return "urn:certfree:jws-outcome:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The more serious of two outcomes (MALFORMED, INVALID_SIGNATURE, KEY_COMPROMISED, UNKNOWN_KEY, VALID). */
    static JwsOutcome worse(JwsOutcome a, JwsOutcome b) {
        return severity(a) >= severity(b) ? a : b;
    }

    private static int severity(JwsOutcome o) {
        return switch (o) {
            case VALID -> 0;
            case UNKNOWN_KEY -> 1;
            case KEY_COMPROMISED -> 2;
            case INVALID_SIGNATURE -> 3;
            case MALFORMED -> 4;
        };
    }
}
