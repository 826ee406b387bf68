package org.certfree.proofs.proof.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.RevocationReason;
import org.certfree.proofs.proof.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A proof as the API shows it. Only the subject and the issuing department see the full name,
 * identifier, verification code and every disclosure; a using unit with the holder's consent sees what
 * the consent covers; others get masked values and no code.
 */
@Schema(name = "ProofView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProofView(
        String number,
        String verificationCode,
        Matter matter,
        Issuer issuer,
        Subject subject,
        Map<String, String> claims,
        String purpose,
        Instant issuedAt,
        Instant validUntil,
        ProofStatus status,
        String statusText,
        Revocation revocation,
        String supersededBy,
        String supersedes,
        int statusListIndex,
        @Schema(description = "开具部门签名的 JWT（SD-JWT 的签发部分，只含摘要）/ the issuer-signed JWT of the SD-JWT (digests only)")
        String jwsCompact,
        @Schema(description = "JWS 通用 JSON 序列化（SM2SM3 与 EdDSA 两个签名），第一个签名的非保护头 disclosures 携带本视图可见的披露项（RFC 9901 §8）"
                + " / general JSON serialization with SM2SM3 and EdDSA signatures; the first signature's unprotected header carries this view's disclosures (RFC 9901 §8)")
        String jwsJson,
        @Schema(description = "SD-JWT（RFC 9901）：<签名 JWT>~<披露项>~…~，本视图可见的全部披露项；持证人可删去不想出示的披露项再出示"
                + " / the SD-JWT (RFC 9901) with this view's disclosures; the holder drops the ones a window need not see before presenting it")
        String sdJwt,
        @Schema(description = "本视图可见的披露项：路径（subject.name、subject.id、claims.<名称>）、值和编码 / this view's disclosures: path, value, encoded form")
        List<Disclosure> disclosures,
        @Schema(description = "告知承诺书的签名承诺块（仅告知承诺书）/ a pledge document's signed pledge block (pledges only)")
        JsonNode pledge,
        Links links) {

    /** One SD-JWT disclosure of the proof: where it belongs, what it says, and its encoded form. */
    public record Disclosure(String path, String name, String value, String disclosure) {
    }

    /** The proof matter and the version the proof was issued under. */
    public record Matter(String code, int version, String name) {
    }

    /** The issuing department. */
    public record Issuer(String code, String name) {
    }

    /** Who the proof is about. */
    public record Subject(SubjectKind kind, String name, String id, boolean masked) {
    }

    /** Why and when the proof was revoked. */
    public record Revocation(Instant at, RevocationReason reason, String reasonText, String note) {
    }

    /** Where its renderings live. */
    public record Links(String self, String status, String qrPng, String qrSvg, String pdf) {
    }
}
