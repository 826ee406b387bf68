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
        @Schema(description = "异议理由：列表中仅持证人本人可见；其他人须逐条查看，每次查看记入持证人的访问记录"
                + " / the reason: in lists only for the holder; anyone else reads one dispute at a time, each read in the holder's access log")
        String reason,
        Instant openedAt,
        @Schema(description = "处理期限（最后一个工作日）/ the last working day for the decision") LocalDate dueOn,
        boolean dueProvisional,
        DisputeStatus status,
        String statusText,
        @Schema(description = "待处理且已过期限 / open past its due day") boolean overdue,
        DisputeOutcome outcome,
        @Schema(description = "处理说明（与异议理由同样的可见范围）/ the decision's note (seen as the reason is)") String note,
        Instant decidedAt,
        String decidedBy,
        @Schema(description = "更正重开的新证明编号 / the corrected proof's number") String successorNumber,
        String openedJws,
        String decisionJws) {
}
