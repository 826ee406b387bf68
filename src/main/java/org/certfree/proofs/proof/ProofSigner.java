package org.certfree.proofs.proof;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.keys.Jws;

/**
 * Builds the signed payload of a proof and signs it with the issuing department's keys.
 * <p>
 * What is signed (written once here and in the README): the RFC 8785 canonical JSON of
 * {@code {"ver":1,"typ":"certfree-proof","number","matter":{code,version,name},"issuer":{code,name},
 * "subject":{kind,name,id},"claims":{…},"purpose","issuedAt","validUntil",
 * "status":{"list":"/api/v1/status-lists/<dept>","index":n},"supersedes"?}} — instants as
 * ISO-8601 UTC strings. The general JSON serialization carries SM2-with-SM3 and Ed25519 signatures; the
 * compact JWS carries the same SM2-with-SM3 signature (signed once).
 */
@ApplicationScoped
public class ProofSigner {

    public static final String TYP = "certfree-proof+jws";

    @Inject
    Jws keys;

    @Inject
    ObjectMapper json;

    /** The canonical payload and both signed forms. */
    public record Signed(String payload, String compact, String json) {
    }

    Signed sign(Proof p, ProofSubject subject) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ver", 1);
        doc.put("typ", "certfree-proof");
        doc.put("number", p.number);
        doc.put("matter", Map.of("code", p.matterCode, "version", p.matterVersion, "name", p.matterName));
        doc.put("issuer", Map.of("code", p.issuerDept, "name", p.issuerName));
        doc.put("subject", Map.of("kind", subject.kind().name(), "name", subject.name(), "id", subject.id()));
        doc.put("claims", new TreeMap<>(p.claims));
        doc.put("purpose", p.purpose);
        doc.put("issuedAt", p.issuedAt.toString());
        doc.put("validUntil", p.validUntil.toString());
        doc.put("status", Map.of("list", "/api/v1/status-lists/" + p.issuerDept, "index", p.statusListIndex));
        if (p.supersedes != null) {
            doc.put("supersedes", p.supersedes);
        }
        byte[] payload = CanonicalJson.canonicalize(doc, json);
        Jws.SignedForms signed = keys.signBoth(p.issuerDept, payload, TYP);
        return new Signed(new String(payload, StandardCharsets.UTF_8), signed.compact(), signed.generalJson());
    }
}
