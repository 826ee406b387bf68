package org.certfree.proofs.proof.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ISSUER's decision on a pending request: ISSUE with the claims, or REJECT with a reason. */
@Schema(name = "DecideRequest")
public record DecideRequest(
        @Schema(description = "ISSUE 开具 / REJECT 不予开具") @NotNull(message = Messages.DECISION_REQUIRED) Decision decision,
        @Schema(description = "开具时的证明内容 / claims when issuing")
        @Size(max = 50, message = Messages.CLAIMS_TOO_MANY)
        Map<@Size(max = 64, message = Messages.CLAIM_NAME_TOO_LONG) String, @Size(max = 1000, message = Messages.CLAIM_VALUE_TOO_LONG) String> claims,
        @Schema(description = "有效期至（可选）/ valid until (optional)") Instant validUntil,
        @Schema(description = "不予开具的理由 / reason when rejecting") @Size(max = 500, message = Messages.REJECT_REASON_TOO_LONG) String reason) {

    /** What the ISSUER decided. */
    public enum Decision {
        ISSUE, REJECT
    }
}
