package org.certfree.proofs.keys;

import java.util.Optional;

/**
 * The two signature algorithms every signing department holds a key for, with their JOSE names.
 *
 * <p><b>SM2 with SM3</b> (GB/T 32918.2 / GM/T 0003.2, user ID {@code "1234567812345678"} as GM/T 0009
 * sets by default) has no IANA-registered JWS {@code alg}. We use {@code "SM2SM3"} with the JWK
 * {@code {"kty":"EC","crv":"SM2","x":…,"y":…}}: the curve name {@code "SM2"} follows the IETF draft
 * "Using SM2 with JOSE and COSE" (draft-dang-webauthn-sm2) and existing JWKs in the wild, and the
 * algorithm name {@code "SM2SM3"} follows prior art (the fibjs {@code jws} module lists
 * {@code SM2SM3} beside {@code ES256} and {@code EdDSA}). The name says both halves — the curve/scheme
 * and the hash — the way {@code ES256} does, so it cannot be confused with SM2 over another digest.
 * The JWS signature is the raw {@code r || s}, 32 bytes each, big-endian (as RFC 7518 §3.4 does for
 * {@code ES256}), not DER.
 *
 * <p><b>Ed25519</b> uses RFC 8037: {@code alg} {@code "EdDSA"}, JWK {@code {"kty":"OKP","crv":"Ed25519","x":…}}.
 */
public enum KeyAlgorithm {
    /** SM2 signature with SM3 (national algorithms); JWS alg {@code SM2SM3}, JWK kty EC, crv SM2. */
    SM2_SM3("SM2SM3", "EC", "SM2"),
    /** Ed25519 (RFC 8032) for international verifiers; JWS alg {@code EdDSA}, JWK kty OKP, crv Ed25519. */
    ED25519("EdDSA", "OKP", "Ed25519");

    private final String jwsAlg;
    private final String kty;
    private final String crv;

    KeyAlgorithm(String jwsAlg, String kty, String crv) {
        this.jwsAlg = jwsAlg;
        this.kty = kty;
        this.crv = crv;
    }

    /** The JWS {@code alg} header value. */
    public String jwsAlg() {
        return jwsAlg;
    }

    /** The JWK {@code kty}. */
    public String kty() {
        return kty;
    }

    /** The JWK {@code crv}. */
    public String crv() {
        return crv;
    }

    /** The algorithm whose JWS {@code alg} is {@code alg} (case-sensitive, as RFC 7515 requires). */
    public static Optional<KeyAlgorithm> fromJwsAlg(String alg) {
        for (KeyAlgorithm a : values()) {
            if (a.jwsAlg.equals(alg)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
