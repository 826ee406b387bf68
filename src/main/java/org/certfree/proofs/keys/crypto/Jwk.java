package org.certfree.proofs.keys.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.certfree.proofs.keys.KeyAlgorithm;

/** Public JWKs (RFC 7517, RFC 8037) of our keys and their RFC 7638 thumbprints. */
public final class Jwk {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private Jwk() {
    }

    public static String base64url(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }

    /**
     * The required public members of the key, in RFC 7638 lexicographic order: EC {@code crv, kty, x, y};
     * OKP {@code crv, kty, x}.
     */
    public static Map<String, String> requiredMembers(KeyAlgorithm algorithm, byte[] publicKey) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("crv", algorithm.crv());
        m.put("kty", algorithm.kty());
        switch (algorithm) {
            case SM2_SM3 -> {
                m.put("x", base64url(Arrays.copyOfRange(publicKey, 0, Sm2Sm3.FIELD_BYTES)));
                m.put("y", base64url(Arrays.copyOfRange(publicKey, Sm2Sm3.FIELD_BYTES, 2 * Sm2Sm3.FIELD_BYTES)));
            }
            case ED25519 -> m.put("x", base64url(publicKey));
        }
        return m;
    }

    /**
     * RFC 7638 thumbprint: base64url(SHA-256(UTF-8 of the JSON object of the required members, sorted,
     * without whitespace)). Member values here are base64url strings and curve names, which never need
     * JSON escaping.
     */
    public static String thumbprint(KeyAlgorithm algorithm, byte[] publicKey) {
        return thumbprint(requiredMembers(algorithm, publicKey));
    }

    /** Thumbprint of already-sorted required members (see {@link #requiredMembers}). */
    public static String thumbprint(Map<String, String> sortedRequiredMembers) {
        StringBuilder json = new StringBuilder("{");
        sortedRequiredMembers.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(k).append("\":\"").append(v).append('"');
        });
        json.append('}');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            return base64url(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The public JWK members {@code kty, crv, x[, y]} (display order). */
    public static Map<String, Object> publicJwk(KeyAlgorithm algorithm, byte[] publicKey) {
        Map<String, String> required = requiredMembers(algorithm, publicKey);
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", required.get("kty"));
        jwk.put("crv", required.get("crv"));
        jwk.put("x", required.get("x"));
        if (required.containsKey("y")) {
            jwk.put("y", required.get("y"));
        }
        return jwk;
    }
}
