package org.certfree.proofs.proof.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.RevocationReason;
import org.certfree.proofs.proof.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A proof as the API shows it. Only the subject and the issuing department see the full name,
 * identifier, verification code and signed forms; others get masked values and no code.
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
        String jwsCompact,
        String jwsJson,
        Links links) {

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
