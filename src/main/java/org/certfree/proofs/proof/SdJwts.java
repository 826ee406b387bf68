package org.certfree.proofs.proof;

import com.authlete.sd.Disclosure;
import com.authlete.sd.SDJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two serializations of a proof's SD-JWT (RFC 9901): the compact {@code <issuer-signed JWT>~<disclosure>~…~}
 * (§4), and the general JWS JSON serialization whose first signature's unprotected header carries the
 * disclosures (§8.1) — and reading what a holder presents in either. Parsing the compact form and the
 * disclosures is com.authlete:sd-jwt's; signatures are {@code keys.JwsVerifier}'s.
 */
@ApplicationScoped
public class SdJwts {

    @Inject
    ObjectMapper json;

    /** An SD-JWT as presented: the issuer-signed part as a JWS our verifier reads, and the disclosures. */
    public record Presentation(String jws, List<String> disclosures) {
    }

    /** The compact SD-JWT of {@code jwt} with {@code disclosures} (no key binding: ends with {@code ~}). */
    public static String compact(String jwt, List<String> disclosures) {
        StringBuilder out = new StringBuilder(jwt).append('~');
        disclosures.forEach(d -> out.append(d).append('~'));
        return out.toString();
    }

    /** The general JSON serialization {@code generalJson} with {@code disclosures} in its first signature's header. */
    public String generalJson(String generalJson, List<String> disclosures) {
        try {
            ObjectNode root = (ObjectNode) json.readTree(generalJson);
            ObjectNode first = (ObjectNode) root.withArray("signatures").get(0);
            ObjectNode header = first.putObject("header");
            ArrayNode list = header.putArray("disclosures");
            disclosures.forEach(list::add);
            return json.writeValueAsString(root);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("stored general JSON serialization unreadable", e);
        }
    }

    /** Whether {@code presented} looks like an SD-JWT rather than a bare JWS (a {@code ~}, or a JSON one with disclosures). */
    public static boolean isSdJwt(String presented) {
        String s = presented.trim();
        return s.startsWith("{") ? s.contains("\"disclosures\"") : s.indexOf('~') >= 0;
    }

    /**
     * Reads a presented SD-JWT in either serialization; a key-binding JWT is refused (none is issued), as
     * is anything that is not an SD-JWT ({@link IllegalArgumentException} saying why).
     */
    public Presentation read(String presented) {
        String s = presented.trim();
        if (s.startsWith("{")) {
            return readJson(s);
        }
        SDJWT sd;
        try {
            sd = SDJWT.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an SD-JWT");
        }
        if (sd.getBindingJwt() != null) {
            throw new IllegalArgumentException("a key-binding JWT was given, but proofs are not bound to a key");
        }
        return new Presentation(sd.getCredentialJwt(), sd.getDisclosures().stream().map(Disclosure::getDisclosure).toList());
    }

    private Presentation readJson(String s) {
        try {
            JsonNode root = json.readTree(s);
            JsonNode signatures = root.path("signatures");
            if (!root.isObject() || !signatures.isArray() || signatures.isEmpty()) {
                throw new IllegalArgumentException("not a general JSON serialization");
            }
            List<String> disclosures = new ArrayList<>();
            for (int i = 0; i < signatures.size(); i++) {
                JsonNode header = signatures.get(i).path("header");
                if (header.has("kb_jwt")) {
                    throw new IllegalArgumentException("a key-binding JWT was given, but proofs are not bound to a key");
                }
                if (header.has("disclosures")) {
                    if (i > 0 || !header.get("disclosures").isArray()) {
                        throw new IllegalArgumentException("disclosures belong in the first signature's header (RFC 9901 §8.1)");
                    }
                    header.get("disclosures").forEach(d -> disclosures.add(d.asText()));
                }
                ((ObjectNode) signatures.get(i)).remove("header");
            }
            return new Presentation(json.writeValueAsString(root), disclosures);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not an SD-JWT");
        }
    }
}
