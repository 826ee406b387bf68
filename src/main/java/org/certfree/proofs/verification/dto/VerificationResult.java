package org.certfree.proofs.verification.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.proof.DocumentKind;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.RevocationReason;
import org.certfree.proofs.verification.Indication;
import org.certfree.proofs.verification.SubIndication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The verdict, answered on the issuing department's authority, with a {@link Receipt} signed by that
 * department's key (over the canonical JSON of {@link ReceiptBody}, in a signed batch).
 */
@Schema(name = "VerificationResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationResult(
        UUID id,
        Indication indication,
        String indicationUri,
        SubIndication subIndication,
        String subIndicationUri,
        String message,
        String proofNumber,
        ProofStatus proofStatus,
        String matterCode,
        String matterName,
        String issuerDept,
        String issuerName,
        Instant issuedAt,
        Instant validUntil,
        RevocationReason revocationReason,
        String supersededBy,
        Boolean subjectMatches,
        String holderName,
        String contentWithheld,
        Content content,
        @Schema(description = "出示 SD-JWT 时，持证人选择出示并经核对摘要的内容（其余内容窗口看不到）"
                + " / for a presented SD-JWT: what the holder chose to disclose, each checked against the signed digests (the window learns nothing else)")
        Disclosed disclosed,
        @Schema(description = "PROOF 证明 / PLEDGE 告知承诺书") DocumentKind documentKind,
        @Schema(description = "告知承诺书的签名承诺块：所依据的格式文本（批次、哈希）、承诺单位、办理事项、核查方式与抽查结果；不含个人信息"
                + " / for a pledge document, its signed pledge block: the template bound (batch, hash), the using unit, the check and the draw; no personal data")
        JsonNode pledge,
        Instant verifiedAt,
        Receipt receipt) {

    /**
     * What the holder's consent covers, for a unit holding it: the disclosed subject and claims (null or
     * absent where the consent does not reach), the disclosures' paths, and the SD-JWT with exactly those.
     */
    public record Content(String subjectKind, String subjectName, String subjectId, Map<String, String> claims, String purpose,
            List<String> disclosed, String sdJwt) {
    }

    /** What a presented SD-JWT disclosed: only these values, each one the issuer signed a digest of. */
    public record Disclosed(String subjectName, String subjectId, Map<String, String> claims, List<String> paths) {
    }

    /** What the receipt signs. */
    public record ReceiptBody(String typ, UUID id, Instant verifiedAt, String unit, String verifier, String purpose,
            String serviceMatter, String proofNumber, String indication, String subIndication, String proofStatus,
            String issuerDept, boolean retrieved, UUID consentId, String presented) {

        /**
         * Its RFC 8785 bytes, null members left out: the bytes the service's mapper and the canonicalizer give
         * (ReceiptBodyTest), written directly — the general path serialized, parsed and serialized it again on every
         * verification (a sixth of a verification's worker time in JFR).
         */
        public byte[] canonical() {
            java.util.TreeMap<String, Object> m = new java.util.TreeMap<>();
            m.put("typ", typ);
            m.put("id", id == null ? null : id.toString());
            m.put("verifiedAt", verifiedAt == null ? null : verifiedAt.toString());
            m.put("unit", unit);
            m.put("verifier", verifier);
            m.put("purpose", purpose);
            m.put("serviceMatter", serviceMatter);
            m.put("proofNumber", proofNumber);
            m.put("indication", indication);
            m.put("subIndication", subIndication);
            m.put("proofStatus", proofStatus);
            m.put("issuerDept", issuerDept);
            m.put("retrieved", retrieved);
            m.put("consentId", consentId == null ? null : consentId.toString());
            m.put("presented", presented);
            m.values().removeIf(java.util.Objects::isNull);
            return org.certfree.proofs.common.json.CanonicalJson.canonicalizeFlat(m);
        }
    }
}
