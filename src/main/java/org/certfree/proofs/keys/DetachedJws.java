package org.certfree.proofs.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The signatures of a JWS in the general JSON serialization without its payload (RFC 7515 §7.2.1 with the payload
 * detached, Appendix F): {@code {"signatures":[{"protected":"…","signature":"…"},…]}}, exactly this text, the
 * signature of the compact form first. A stored proof keeps its payload once and these signatures beside it; both
 * serializations are rebuilt from them on read, byte for byte the ones signed (the payload is base64url of the
 * stored payload's UTF-8, which is what was signed). Before, the payload was stored three times: as itself, inside
 * the compact JWS and inside the JSON one.
 */
public final class DetachedJws {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private static final String PREFIX = "{\"signatures\":[";

    private DetachedJws() {
    }

    /** One signature: its protected header and signature, both base64url as in the JWS. */
    public record Signature(String protectedHeader, String signature) {
        public Signature {
            if (!BASE64URL.matcher(protectedHeader).matches() || !BASE64URL.matcher(signature).matches()) {
                throw new IllegalArgumentException("a JWS signature's parts must be base64url");
            }
        }
    }

    /** The detached form of {@code signatures}, the compact form's one first. */
    public static String of(List<Signature> signatures) {
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a JWS has at least one signature");
        }
        StringBuilder out = new StringBuilder(PREFIX);
        for (int i = 0; i < signatures.size(); i++) {
            Signature s = signatures.get(i);
            out.append(i == 0 ? "" : ",").append("{\"protected\":\"").append(s.protectedHeader())
                    .append("\",\"signature\":\"").append(s.signature()).append("\"}");
        }
        return out.append("]}").toString();
    }

    /** The signatures of a detached form, in order; IllegalArgumentException if it is not one. */
    public static List<Signature> signatures(String detached) {
        Objects.requireNonNull(detached, "detached");
        JsonNode root;
        try {
            root = JSON.readTree(detached);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("detached JWS signatures are not JSON", e);
        }
        JsonNode list = root == null ? null : root.get("signatures");
        if (list == null || !list.isArray() || list.isEmpty() || root.size() != 1) {
            throw new IllegalArgumentException("detached JWS signatures hold exactly one non-empty \"signatures\" array");
        }
        List<Signature> out = new ArrayList<>(list.size());
        for (JsonNode s : list) {
            if (s.size() != 2 || !s.path("protected").isTextual() || !s.path("signature").isTextual()) {
                throw new IllegalArgumentException("a detached JWS signature holds \"protected\" and \"signature\" only");
            }
            out.add(new Signature(s.get("protected").textValue(), s.get("signature").textValue()));
        }
        return out;
    }

    /** The compact serialization (RFC 7515 §7.1) of {@code payload} with the detached form's first signature. */
    public static String compact(String payload, String detached) {
        Signature first = signatures(detached).get(0);
        return first.protectedHeader() + "." + encode(payload) + "." + first.signature();
    }

    /** The general JSON serialization (RFC 7515 §7.2.1) of {@code payload} with every signature of the detached form. */
    public static String generalJson(String payload, String detached) {
        return "{\"payload\":\"" + encode(payload) + "\"," + of(signatures(detached)).substring(1);
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
