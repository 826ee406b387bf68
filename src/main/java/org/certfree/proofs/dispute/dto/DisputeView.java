package org.certfree.proofs.dispute.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.certfree.proofs.dispute.DisputeOutcome;
import org.certfree.proofs.dispute.DisputeStatus;
import org.certfree.proofs.dispute.OpenerKind;
import org.certfree.proofs.proof.DocumentKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dispute as its parties and supervisors see it; {@code openedJws} and {@code decisionJws} are the
 * department's signed records of each step (compact JWS, SM2SM3, typ {@code certfree-dispute+jws}).
 */
@Schema(name = "DisputeView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisputeView(
        UUID id,
        String proofNumber,
        DocumentKind documentKind,
        String issuerDept,
        OpenerKind openerKind,
        String openerUnit,
        String reason,
        Instant openedAt,
        @Schema(description = "处理期限（最后一个工作日）/ the last working day for the decision") LocalDate dueOn,
        boolean dueProvisional,
        DisputeStatus status,
        String statusText,
        @Schema(description = "待处理且已过期限 / open past its due day") boolean overdue,
        DisputeOutcome outcome,
        String note,
        Instant decidedAt,
        String decidedBy,
        @Schema(description = "更正重开的新证明编号 / the corrected proof's number") String successorNumber,
        String openedJws,
        String decisionJws) {
}
