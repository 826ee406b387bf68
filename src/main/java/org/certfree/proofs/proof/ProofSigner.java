package org.certfree.proofs.proof;

import com.authlete.sd.Disclosure;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.keys.DetachedJws;
import org.certfree.proofs.keys.Jws;

/**
 * Builds the signed payload of a proof and signs it with the issuing department's keys.
 * <p>
 * What is signed (written once here and in the README): the RFC 8785 canonical JSON of
 * {@code {"ver":2,"typ":"certfree-proof","_sd_alg":"sha-256","number","matter":{code,version,name},
 * "issuer":{code,name},"subject":{"kind","_sd":[…]},"claims":{"_sd":[…]}?,"purpose","issuedAt","validUntil",
 * "status":{"list":"/api/v1/status-lists/<dept>","index":n},"supersedes"?}} — instants as ISO-8601 UTC
 * strings. The subject's name and identifier and each claim are SD-JWT disclosures (RFC 9901 §4.2.1,
 * {@code [salt, name, value]} with a 128-bit random salt); the payload holds only their SHA-256 digests,
 * sorted (§4.2.4.1: the order tells nothing). The JWS is the issuer-signed JWT of an SD-JWT: the general
 * JSON serialization carries SM2-with-SM3 and Ed25519 signatures; the compact JWS carries the same
 * SM2-with-SM3 signature (signed once). The disclosures are returned apart, to be stored encrypted.
 * <p>A pledge document (告知承诺书, see {@link PledgeDocuments}) is the same with {@code "typ":"certfree-pledge"},
 * the JWS header {@code typ} {@value #PLEDGE_TYP}, the applicant's answers as the claims, the service matter as
 * the purpose, and a {@code "pledge"} block the commitment feature writes (no personal data).
 */
@ApplicationScoped
public class ProofSigner {

    /** The {@code typ} header: an SD-JWT of this application (RFC 9901 §9.11, explicit typing). */
    public static final String TYP = "certfree-proof+sd-jwt";

    /** The {@code typ} header of a pledge document: the same form, another type (RFC 9901 §9.11). */
    public static final String PLEDGE_TYP = "certfree-pledge+sd-jwt";

    @Inject
    ObjectMapper json;

    @Inject
    Jws keys;

    /** The department's keys, confirmed ACTIVE in the caller's transaction, for {@link #sign}. */
    Jws.Signing signingFor(String departmentCode) {
        return keys.signing(departmentCode);
    }

    /**
     * The canonical payload, its signatures ({@link DetachedJws}: both signed forms are rebuilt from the two), and the
     * disclosures (name, id, then claims by name).
     */
    public record Signed(String payload, String signatures, List<String> disclosures) {
    }

    /**
     * Signs {@code p}'s content with its department's confirmed keys ({@link Jws#signing}); {@code pledge} is the
     * signed {@code pledge} block of a pledge document (typ {@code certfree-pledge}, see {@link PledgeDocuments}),
     * null for a proof. Touches no database: a bulk issuance calls it from several threads at once.
     */
    Signed sign(Proof p, ProofSubject subject, Map<String, String> claims, Map<String, Object> pledge, Jws.Signing signing) {
        List<String> disclosures = new ArrayList<>();
        Map<String, Object> subjectDoc = new LinkedHashMap<>();
        subjectDoc.put("kind", subject.kind().name());
        subjectDoc.put("_sd", digests(disclosures, Map.of(SignedProof.NAME, subject.name(), SignedProof.ID, subject.id())));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ver", SignedProof.VERSION);
        doc.put("typ", pledge == null ? SignedProof.PROOF_TYP : SignedProof.PLEDGE_TYP);
        doc.put("_sd_alg", SignedProof.SD_ALG);
        doc.put("number", p.number);
        doc.put("matter", Map.of("code", p.matterCode, "version", p.matterVersion, "name", p.matterName));
        doc.put("issuer", Map.of("code", p.issuerDept, "name", p.issuerName));
        doc.put("subject", subjectDoc);
        if (!claims.isEmpty()) {
            doc.put("claims", Map.of("_sd", digests(disclosures, claims)));
        }
        doc.put("purpose", p.purpose);
        doc.put("issuedAt", p.issuedAt.toString());
        doc.put("validUntil", p.validUntil.toString());
        doc.put("status", Map.of("list", "/api/v1/status-lists/" + p.issuerDept, "index", p.statusListIndex));
        if (p.supersedes != null) {
            doc.put("supersedes", p.supersedes);
        }
        if (pledge != null) {
            doc.put("pledge", pledge);
        }
        byte[] payload = CanonicalJson.canonicalize(doc, json);
        String signatures = signing.signDetached(payload, pledge == null ? TYP : PLEDGE_TYP);
        return new Signed(new String(payload, StandardCharsets.UTF_8), signatures, List.copyOf(disclosures));
    }

    /** Adds a disclosure per value (by name) to {@code disclosures}; their digests, sorted. */
    private static List<String> digests(List<String> disclosures, Map<String, String> values) {
        List<String> digests = new ArrayList<>();
        new TreeMap<>(values).forEach((name, value) -> {
            Disclosure d = new Disclosure(name, value);
            disclosures.add(d.getDisclosure());
            digests.add(d.digest(SignedProof.SD_ALG));
        });
        Collections.sort(digests);
        return digests;
    }
}
