package org.certfree.proofs.verification.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.certfree.proofs.proof.DocumentKind;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.RevocationReason;
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
        Instant checkedAt,
        @Schema(description = "PROOF 证明 / PLEDGE 告知承诺书") DocumentKind documentKind,
        @Schema(description = "文书类型中文名 / the document type in Chinese", examples = "告知承诺书") String documentText,
        @Schema(description = "撤销原因（已撤销时）；FALSE_PLEDGE 为经核查认定的不实承诺 / why revoked; FALSE_PLEDGE: found false on checking")
        RevocationReason revocationReason,
        String revocationReasonText,
        @Schema(description = "告知承诺书的不实承诺认定经异议撤销的时间（撤销本身不变）/ when a pledge's FALSE finding was withdrawn on objection (the revocation stays)")
        Instant falseFindingWithdrawnAt,
        @Schema(description = "因异议暂停使用的起始时间（异议处理中；状态仍为有效，但不应据以办事）/ since when suspended while a dispute is open (status stays VALID, but do not rely on it)")
        Instant suspendedAt,
        @Schema(description = "暂停使用的说明 / what the suspension means, in Chinese") String suspensionText) {
}
