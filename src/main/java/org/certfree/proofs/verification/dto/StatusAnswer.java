package org.certfree.proofs.verification.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.certfree.proofs.proof.ProofStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public status check's answer: status, matter, issuing department, dates and the masked
 * holder name — nothing more (no identifier, no claims).
 */
@Schema(name = "StatusAnswer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusAnswer(
        String number,
        ProofStatus status,
        String statusUri,
        String statusText,
        String matterName,
        String issuerName,
        Instant issuedAt,
        Instant validUntil,
        String holderName,
        String supersededBy,
        Instant checkedAt) {
}
