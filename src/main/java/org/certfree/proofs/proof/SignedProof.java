package org.certfree.proofs.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a proof says, read from its signed payload (see {@link ProofSigner} for the format). Everything
 * the service serves about a proof's content comes from here; the columns of {@code proof} that repeat
 * it exist for queries only, and the transparency check reports any that disagree.
 */
public record SignedProof(String number, String matterCode, int matterVersion, String matterName, String issuerDept,
        String issuerName, SubjectKind subjectKind, String subjectName, String subjectId, Map<String, String> claims,
        String purpose, Instant issuedAt, Instant validUntil, String statusList, int statusIndex, String supersedes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a payload that {@link ProofSigner} wrote; anything else is an {@link IllegalArgumentException}. */
    static SignedProof parse(byte[] payload) {
        try {
            JsonNode p = JSON.readTree(payload);
            if (p == null || p.path("ver").asInt() != 1 || !"certfree-proof".equals(p.path("typ").asText())) {
                throw new IllegalArgumentException("not a certfree proof payload (ver 1)");
            }
            Map<String, String> claims = new TreeMap<>();
            p.path("claims").fields().forEachRemaining(e -> claims.put(e.getKey(), e.getValue().asText()));
            JsonNode matter = p.path("matter");
            JsonNode issuer = p.path("issuer");
            JsonNode subject = p.path("subject");
            JsonNode status = p.path("status");
            return new SignedProof(text(p, "number"), text(matter, "code"), matter.path("version").asInt(), text(matter, "name"),
                    text(issuer, "code"), text(issuer, "name"), SubjectKind.valueOf(text(subject, "kind")),
                    text(subject, "name"), text(subject, "id"), Collections.unmodifiableMap(claims), text(p, "purpose"),
                    Instant.parse(text(p, "issuedAt")), Instant.parse(text(p, "validUntil")), text(status, "list"),
                    status.path("index").asInt(-1), p.hasNonNull("supersedes") ? p.get("supersedes").asText() : null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable proof payload: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }

    /** The status at {@code now} of a proof with this content and the stored {@code status}. */
    public ProofStatus statusAt(ProofStatus status, Instant now) {
        return ProofStatus.at(status, validUntil, now);
    }

    /** The subject's name as shown to anyone but the holder and the issuer (张*). */
    public String subjectNameMasked() {
        return new ProofSubject(subjectKind, subjectName, subjectId).maskedName();
    }

    /** The subject's identifier as shown to anyone but the holder and the issuer. */
    public String subjectIdMasked() {
        return new ProofSubject(subjectKind, subjectName, subjectId).maskedId();
    }
}
