package org.certfree.proofs.keys;

import java.util.Locale;

/**
 * Life of a signing key. Only ACTIVE keys sign; ACTIVE, RETIRED and COMPROMISED keys stay published
 * (JWKS, verification) until their {@code publishUntil}, so what they signed can still be checked.
 */
public enum KeyState {
    /** Signs new artifacts of its department (one per department and algorithm). */
    ACTIVE,
    /** Replaced by rotation; signs nothing new; published for verification until {@code publishUntil}. */
    RETIRED,
    /**
     * Declared compromised from an instant: every signature whose signing time ({@code iat}) is at or after
     * that instant fails verification; earlier ones still verify.
     */
    COMPROMISED;

    /** The value of the {@code status} member in the JWKS. */
    public String jwkStatus() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stable URI of the state. */
    public String uri() {
        return "urn:certfree:key-state:" + jwkStatus();
    }
}
