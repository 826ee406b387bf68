package org.certfree.proofs.copy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.proof.ProofRecordRow;
import org.certfree.proofs.proof.SdJwts;
import org.certfree.proofs.proof.SignedProof;

/**
 * The signed token of a purpose-bound copy (加注件): a JWS by the issuing department's keys (SM2-SM3, and Ed25519
 * in the general JSON serialization), header {@code typ} {@value #TYP}, over the RFC 8785 canonical JSON of
 * <pre>
 * {"typ":"certfree-copy","ver":1,"jti":copy id,"iss":issuer code,"aud":unit code,"purpose","iat","exp" (seconds),
 *  "number","matter":{code,version,name},"issuer":{code,name},
 *  "proof_sha256":base64url(SHA-256(the proof's signed payload)),"status":{"list","index"} (the proof's own),
 *  "sd_jwt":"&lt;the proof's issuer-signed JWT&gt;~&lt;disclosure&gt;~…~"}
 * </pre>
 * The SD-JWT is the proof as the holder chose to disclose it for this purpose (RFC 9901 presentation, no key
 * binding): the copy's signature covers which disclosures it carries, and the proof's own signature and digests
 * still prove each of them. {@code status} is the proof's status-list entry, so the cached status list answers for
 * the copy. Nothing personal is in clear but the chosen disclosures. An offline verifier needs only the JWKS and
 * the status list ({@code src/test/js/verify-copy.mjs}); a withdrawal is seen only online.
 */
@ApplicationScoped
class CopyTokens {

    /** The JWS header {@code typ} of a copy token (RFC 8725 §3.11 explicit typing). */
    static final String TYP = "certfree-copy+jwt";

    /** The payload {@code typ}. */
    static final String PAYLOAD_TYP = "certfree-copy";

    static final int VERSION = 1;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    ObjectMapper json;

    @Inject
    Jws jws;

    /** A signed token: both serializations, and the hex SHA-256 of the payload they share. */
    record Token(String compact, String generalJson, String payloadSha256) {
    }

    /** Signs the token of copy {@code id} of {@code proof}, showing {@code shown}'s disclosures (keys confirmed in the caller's transaction). */
    Token sign(UUID id, ProofRecordRow proof, SignedProof shown, String unit, String purpose, Instant madeAt, Instant expiresAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("typ", PAYLOAD_TYP);
        doc.put("ver", VERSION);
        doc.put("jti", id.toString());
        doc.put("iss", proof.issuerDept());
        doc.put("aud", unit);
        doc.put("purpose", purpose);
        doc.put("iat", madeAt.getEpochSecond());
        doc.put("exp", expiresAt.getEpochSecond());
        doc.put("number", shown.number());
        doc.put("matter", Map.of("code", shown.matterCode(), "version", shown.matterVersion(), "name", shown.matterName()));
        doc.put("issuer", Map.of("code", shown.issuerDept(), "name", shown.issuerName()));
        doc.put("proof_sha256", B64URL.encodeToString(sha256(proof.payload().getBytes(StandardCharsets.UTF_8))));
        doc.put("status", Map.of("list", shown.statusList(), "index", shown.statusIndex()));
        doc.put("sd_jwt", SdJwts.compact(proof.jwsCompact(), shown.disclosures()));
        byte[] payload = CanonicalJson.canonicalize(doc, json);
        Jws.SignedForms signed = jws.signBoth(proof.issuerDept(), payload, TYP);
        return new Token(signed.compact(), signed.generalJson(), HexFormat.of().formatHex(sha256(payload)));
    }

    /** What a presented token's payload says (after its signature checked out); IllegalArgumentException if it is no copy's. */
    record Claims(UUID id, String issuer, String unit, String purpose, String number, String proofSha256, String sdJwt,
            Instant expires) {
    }

    Claims read(byte[] payload) {
        try {
            JsonNode p = json.readTree(payload);
            if (p == null || !PAYLOAD_TYP.equals(p.path("typ").asText()) || p.path("ver").asInt() != VERSION) {
                throw new IllegalArgumentException("not a copy token payload");
            }
            if (!p.path("exp").canConvertToLong()) {
                throw new IllegalArgumentException("missing exp");
            }
            return new Claims(UUID.fromString(text(p, "jti")), text(p, "iss"), text(p, "aud"), text(p, "purpose"),
                    text(p, "number"), text(p, "proof_sha256"), text(p, "sd_jwt"), Instant.ofEpochSecond(p.path("exp").asLong()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable copy token payload", e);
        }
    }

    /** The base64url SHA-256 of a proof's signed payload, as {@code proof_sha256} carries it. */
    static String proofDigest(String payload) {
        return B64URL.encodeToString(sha256(payload.getBytes(StandardCharsets.UTF_8)));
    }

    static String hexSha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
