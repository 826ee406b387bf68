package org.certfree.proofs.proof;

import com.authlete.sd.Disclosure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a proof says, read from its signed payload (see {@link ProofSigner} for the format) and the
 * disclosures given with it. Everything the service serves about a proof's content comes from here;
 * the columns of {@code proof} that repeat it exist for queries only, and the transparency check
 * reports any that disagree.
 * <p>
 * The payload is an SD-JWT (RFC 9901): the subject's name and identifier and every claim are in it only
 * as salted digests ({@code _sd}); a value is known only from a disclosure whose digest is one of them
 * ({@link #disclose}). Without disclosures the subject and the claims are unknown (null, empty).
 *
 * @param subjectDigests the {@code _sd} digests of the subject object (name, id)
 * @param claimDigests   the {@code _sd} digests of the claims object
 * @param disclosed      the disclosures checked against those digests, in the order given
 * @param pledge         for a pledge document ({@code typ} {@value #PLEDGE_TYP}), its signed {@code pledge} block
 *                       (the template bound, where and how it is checked; no personal data); null for a proof
 */
public record SignedProof(String number, String matterCode, int matterVersion, String matterName, String issuerDept,
        String issuerName, SubjectKind subjectKind, String purpose, Instant issuedAt, Instant validUntil, String statusList,
        int statusIndex, String supersedes, Set<String> subjectDigests, Set<String> claimDigests, List<Disclosed> disclosed,
        JsonNode pledge) {

    /** The payload {@code typ} of a proof. */
    public static final String PROOF_TYP = "certfree-proof";

    /** The payload {@code typ} of a pledge document (告知承诺书): a proof's form, plus the {@code pledge} block. */
    public static final String PLEDGE_TYP = "certfree-pledge";

    /** The payload format version: 2 is the SD-JWT form (1 carried the subject and claims in clear). */
    public static final int VERSION = 2;

    /** The digest algorithm of the disclosures ({@code _sd_alg}, RFC 9901 §4.1.1). */
    public static final String SD_ALG = "sha-256";

    /** The JSON object of the payload a disclosure belongs to. */
    public enum Part {
        /** {@code subject}: the disclosures {@code name} and {@code id}. */
        SUBJECT("subject"),
        /** {@code claims}: one disclosure per claim. */
        CLAIMS("claims");

        private final String field;

        Part(String field) {
            this.field = field;
        }

        /** The payload member that holds the digests. */
        public String field() {
            return field;
        }
    }

    /** The subject's name disclosure. */
    public static final String NAME = "name";

    /** The subject's identifier disclosure. */
    public static final String ID = "id";

    /**
     * One disclosure checked against the signed digests.
     *
     * @param part       where its digest is
     * @param name       the claim name ({@code name}, {@code id}, or a claim's name)
     * @param value      the disclosed value
     * @param disclosure the disclosure as given (base64url of {@code [salt, name, value]})
     */
    public record Disclosed(Part part, String name, String value, String disclosure) {

        /** How a consent names this disclosure: {@code subject.name}, {@code subject.id}, {@code claims.<name>}. */
        public String path() {
            return part.field() + "." + name;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public SignedProof {
        subjectDigests = Set.copyOf(subjectDigests);
        claimDigests = Set.copyOf(claimDigests);
        disclosed = List.copyOf(disclosed);
    }

    /**
     * Proofs' payloads parsed lately, by their exact text: online verification parses the payload of the proof it
     * is shown on every request (a sixth of its worker time in JFR), and the result is a function of the text
     * alone, so no invalidation is needed. Pledges (whose {@code pledge} block is a mutable tree) are not kept.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<String, SignedProof> PARSED =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4_096).build();

    /** {@link #parse(byte[])} of a stored payload, remembered for its exact text (see {@link #PARSED}). */
    static SignedProof parseStored(String payload) {
        SignedProof known = PARSED.getIfPresent(payload);
        if (known != null) {
            return known;
        }
        SignedProof parsed = parse(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (parsed.pledge() == null) {
            PARSED.put(payload, parsed);
        }
        return parsed;
    }

    /** Parses a payload that {@link ProofSigner} wrote, nothing disclosed; anything else is an {@link IllegalArgumentException}. */
    static SignedProof parse(byte[] payload) {
        try {
            JsonNode p = JSON.readTree(payload);
            String typ = p == null ? "" : p.path("typ").asText();
            if (p == null || p.path("ver").asInt() != VERSION || !(PROOF_TYP.equals(typ) || PLEDGE_TYP.equals(typ))
                    || !SD_ALG.equals(p.path("_sd_alg").asText())) {
                throw new IllegalArgumentException("not a certfree proof payload (ver " + VERSION + ", " + SD_ALG + ")");
            }
            JsonNode pledge = p.get("pledge");
            if (PLEDGE_TYP.equals(typ) != (pledge != null && pledge.isObject())) {
                throw new IllegalArgumentException("a pledge payload, and only one, has a pledge object");
            }
            JsonNode matter = p.path("matter");
            JsonNode issuer = p.path("issuer");
            JsonNode subject = p.path("subject");
            JsonNode status = p.path("status");
            return new SignedProof(text(p, "number"), text(matter, "code"), matter.path("version").asInt(), text(matter, "name"),
                    text(issuer, "code"), text(issuer, "name"), SubjectKind.valueOf(text(subject, "kind")), text(p, "purpose"),
                    Instant.parse(text(p, "issuedAt")), Instant.parse(text(p, "validUntil")), text(status, "list"),
                    status.path("index").asInt(-1), p.hasNonNull("supersedes") ? p.get("supersedes").asText() : null,
                    digests(subject), digests(p.path("claims")), List.of(), pledge);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable proof payload: " + e.getMessage(), e);
        }
    }

    /**
     * This content with {@code disclosures} checked and applied: each must be a well-formed disclosure
     * of a string value whose digest is one of the payload's, and none may repeat (RFC 9901 §7.1).
     * Otherwise an {@link IllegalArgumentException} saying which one fails.
     */
    public SignedProof disclose(Collection<String> disclosures) {
        List<Disclosed> out = new ArrayList<>(disclosed);
        Set<String> seen = new HashSet<>();
        out.forEach(d -> seen.add(Disclosure.parse(d.disclosure()).digest(SD_ALG)));
        int i = 0;
        for (String given : disclosures) {
            i++;
            Disclosure d;
            try {
                d = Disclosure.parse(given);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("disclosure " + i + " is not a disclosure");
            }
            String digest = d.digest(SD_ALG);
            if (!seen.add(digest)) {
                throw new IllegalArgumentException("disclosure " + i + " is given twice");
            }
            Part part = subjectDigests.contains(digest) ? Part.SUBJECT : claimDigests.contains(digest) ? Part.CLAIMS : null;
            if (part == null) {
                throw new IllegalArgumentException("disclosure " + i + " is not one the issuer signed");
            }
            if (d.getClaimName() == null || !(d.getClaimValue() instanceof String value)) {
                throw new IllegalArgumentException("disclosure " + i + " is not a named text value");
            }
            if (part == Part.SUBJECT && !NAME.equals(d.getClaimName()) && !ID.equals(d.getClaimName())) {
                throw new IllegalArgumentException("disclosure " + i + " is not the subject's name or identifier");
            }
            out.add(new Disclosed(part, d.getClaimName(), value, given));
        }
        return new SignedProof(number, matterCode, matterVersion, matterName, issuerDept, issuerName, subjectKind, purpose,
                issuedAt, validUntil, statusList, statusIndex, supersedes, subjectDigests, claimDigests, out, pledge);
    }

    /** Only the disclosures whose {@link Disclosed#path() path} is in {@code paths} (all when {@code paths} is null). */
    public SignedProof only(Collection<String> paths) {
        if (paths == null) {
            return this;
        }
        Set<String> wanted = new LinkedHashSet<>(paths);
        return new SignedProof(number, matterCode, matterVersion, matterName, issuerDept, issuerName, subjectKind, purpose,
                issuedAt, validUntil, statusList, statusIndex, supersedes, subjectDigests, claimDigests,
                disclosed.stream().filter(d -> wanted.contains(d.path())).toList(), pledge);
    }

    /** Whether this is a pledge document (告知承诺书) rather than a proof. */
    public boolean isPledge() {
        return pledge != null;
    }

    /** Whether every digest of the payload has its disclosure (the issuer's own record, always). */
    public boolean complete() {
        return disclosed.size() == subjectDigests.size() + claimDigests.size();
    }

    /** The subject's name, if disclosed. */
    public String subjectName() {
        return subjectValue(NAME).orElse(null);
    }

    /** The subject's identifier, if disclosed. */
    public String subjectId() {
        return subjectValue(ID).orElse(null);
    }

    /** The disclosed claims, by name (sorted). */
    public Map<String, String> claims() {
        Map<String, String> claims = new TreeMap<>();
        disclosed.stream().filter(d -> d.part() == Part.CLAIMS).forEach(d -> claims.put(d.name(), d.value()));
        return claims;
    }

    /** The disclosures as given, in order. */
    public List<String> disclosures() {
        return disclosed.stream().map(Disclosed::disclosure).toList();
    }

    private Optional<String> subjectValue(String name) {
        return disclosed.stream().filter(d -> d.part() == Part.SUBJECT && d.name().equals(name)).map(Disclosed::value)
                .findFirst();
    }

    private static Set<String> digests(JsonNode object) {
        JsonNode sd = object.path("_sd");
        if (sd.isMissingNode()) {
            return Set.of();
        }
        if (!sd.isArray()) {
            throw new IllegalArgumentException("_sd is not an array");
        }
        Set<String> out = new HashSet<>();
        sd.forEach(d -> {
            if (!d.isTextual() || !out.add(d.asText())) {
                throw new IllegalArgumentException("_sd holds a non-text or repeated digest");
            }
        });
        return out;
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

    /** The subject's name as shown to anyone but the holder and the issuer (张*); null if not disclosed. */
    public String subjectNameMasked() {
        return subjectName() == null ? null : new ProofSubject(subjectKind, subjectName(), "").maskedName();
    }

    /** The subject's identifier as shown to anyone but the holder and the issuer; null if not disclosed. */
    public String subjectIdMasked() {
        return subjectId() == null ? null : new ProofSubject(subjectKind, "", subjectId()).maskedId();
    }
}
