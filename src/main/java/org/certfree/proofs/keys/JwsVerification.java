package org.certfree.proofs.keys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Jws#verify} found. {@code payload} is what the JWS carries, whatever the outcome: trust it
 * only when {@link #valid()}. For the general JSON serialization, the lists have one entry per signature
 * in document order; {@code outcome} is VALID only if every signature is.
 *
 * @param outcome          overall outcome
 * @param payload          the payload bytes (null when MALFORMED before the payload could be read)
 * @param departmentCode   department whose key(s) made the signatures (null when unknown)
 * @param kids             {@code kid} of each signature (null entries when absent)
 * @param algs             {@code alg} of each signature
 * @param protectedHeaders each signature's protected header as parsed JSON
 * @param signatures       per-signature outcome and signing time
 * @param detail           English explanation for logs and support (never shown as a user message)
 */
public record JwsVerification(
        JwsOutcome outcome,
        byte[] payload,
        String departmentCode,
        List<String> kids,
        List<String> algs,
        List<Map<String, Object>> protectedHeaders,
        List<SignatureCheck> signatures,
        String detail) {

    /** One signature's result: its key, algorithm, outcome and the signing time from its protected {@code iat}. */
    public record SignatureCheck(String kid, String alg, JwsOutcome outcome, String departmentCode, Instant signedAt,
            String detail) {
    }

    public boolean valid() {
        return outcome == JwsOutcome.VALID;
    }

    /** The payload as UTF-8 text (null when there is none). */
    public String payloadText() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    /** Signing time ({@code iat}) of the first signature, when present. */
    public Optional<Instant> signedAt() {
        return signatures.isEmpty() ? Optional.empty() : Optional.ofNullable(signatures.get(0).signedAt());
    }

    /** The {@code typ} every protected header carries, when they all carry the same one. */
    public Optional<String> typ() {
        String typ = null;
        for (Map<String, Object> h : protectedHeaders) {
            Object t = h.get("typ");
            if (t == null || (typ != null && !typ.equals(t.toString()))) {
                return Optional.empty();
            }
            typ = t.toString();
        }
        return Optional.ofNullable(typ);
    }

    static JwsVerification malformed(String detail) {
        return new JwsVerification(JwsOutcome.MALFORMED, null, null, List.of(), List.of(), List.of(), List.of(), detail);
    }
}
