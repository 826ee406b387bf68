package org.certfree.proofs.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes that are hashed or signed for a JSON payload.
 *
 * <p>The canonical form comes from {@code io.github.erdtman:java-json-canonicalization}. Before it runs, the input
 * is checked against the I-JSON rules (RFC 7493) that RFC 8785 §3.1 presumes and that the library would
 * otherwise paper over silently: duplicate property names, lone surrogates (the library writes them as '?'),
 * non-finite numbers, and integers outside ±(2^53 − 1) (the library rounds them to the nearest double, so the
 * signed value would differ from the intended one; send such values as strings). Malformed JSON, trailing
 * content and a top level that is not an object or array (a restriction of the library) are rejected too.
 * Every rejection is an {@link IllegalArgumentException}.
 */
public final class CanonicalJson {

    private static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf((1L << 53) - 1);
    private static final BigInteger MIN_SAFE_INTEGER = MAX_SAFE_INTEGER.negate();

    /** Parser used only to check the input; it never produces the canonical bytes. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    /** Canonical UTF-8 bytes of a JSON text whose top level is an object or array. */
    public static byte[] canonicalize(String json) {
        if (json == null) {
            throw new IllegalArgumentException("JSON text is null");
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException("JSON text is empty");
        }
        return canonicalizeChecked(tree, json);
    }

    /**
     * Serializes value with the given mapper (so its modules and naming rules apply) and returns the canonical
     * UTF-8 bytes of the result, which must be a JSON object or array.
     */
    public static byte[] canonicalize(Object value, ObjectMapper mapper) {
        JsonNode tree = mapper.valueToTree(value);
        if (tree == null) {
            throw new IllegalArgumentException("value serializes to nothing");
        }
        String json;
        try {
            json = mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        return canonicalizeChecked(tree, json);
    }

    /**
     * Canonical UTF-8 bytes of a flat object of strings (the rows of the sealed logs, their details): the same
     * bytes as {@link #canonicalize(Object, ObjectMapper)} gives for it, written directly — keys in UTF-16 code
     * unit order, strings escaped as RFC 8785 §3.2.2.2 says (only {@code "}, {@code \\} and the controls below
     * U+0020) — because a bulk action writes a hundred thousand rows and the general path parses each twice.
     * {@code CanonicalJsonTest} checks it against the library on random strings. Null values are not allowed.
     */
    public static byte[] canonicalizeStrings(Map<String, String> object) {
        Map<String, String> sorted = object instanceof java.util.TreeMap<String, String> t && t.comparator() == null
                ? object : new java.util.TreeMap<>(object);
        StringBuilder out = new StringBuilder(64 + 48 * sorted.size()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("$." + e.getKey() + ": null where a string is expected");
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey(), "$");
            out.append(':');
            quote(out, e.getValue(), "$." + e.getKey());
        }
        return out.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@link #canonicalizeStrings} for a flat object whose values are strings or booleans (a verification receipt's
     * body): the same bytes as the general path, written directly, because every verification signs one. Null values
     * are not allowed (leave the key out, as a mapper that omits nulls does).
     */
    public static byte[] canonicalizeFlat(Map<String, ?> object) {
        Map<String, ?> sorted = object instanceof java.util.TreeMap<String, ?> t && t.comparator() == null
                ? object : new java.util.TreeMap<>(object);
        StringBuilder out = new StringBuilder(64 + 48 * sorted.size()).append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey(), "$");
            out.append(':');
            if (e.getValue() instanceof String v) {
                quote(out, v, "$." + e.getKey());
            } else if (e.getValue() instanceof Boolean b) {
                out.append(b.booleanValue());
            } else {
                throw new IllegalArgumentException("$." + e.getKey() + ": a string or a boolean is expected");
            }
        }
        return out.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void quote(StringBuilder out, String s, String path) {
        checkString(s, path);
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static byte[] canonicalizeChecked(JsonNode tree, String json) {
        if (!tree.isContainerNode()) {
            throw new IllegalArgumentException("top level of a canonical JSON payload must be an object or array");
        }
        checkIJson(tree, "$");
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("JSON cannot be canonicalized: " + e.getMessage(), e);
        }
    }

    private static void checkIJson(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                checkString(field.getKey(), path);
                checkIJson(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkIJson(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isTextual()) {
            checkString(node.textValue(), path);
        } else if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.compareTo(MAX_SAFE_INTEGER) > 0 || value.compareTo(MIN_SAFE_INTEGER) < 0) {
                throw new IllegalArgumentException(path + ": integer " + value
                        + " is outside ±(2^53 − 1) and would change when canonicalized; send it as a string");
            }
        } else if (node.isNumber()) {
            if (!Double.isFinite(node.doubleValue())) {
                throw new IllegalArgumentException(path + ": NaN and infinite numbers are not permitted");
            }
        }
    }

    private static void checkString(String s, String path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(path + ": string contains a lone surrogate at index " + i);
            }
        }
    }
}
