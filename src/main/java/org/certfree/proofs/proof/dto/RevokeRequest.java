package org.certfree.proofs.proof.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.RevocationReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of revoking a proof. */
@Schema(name = "RevokeRequest")
public record RevokeRequest(
        @Schema(description = "撤销原因 / reason") @NotNull(message = Messages.REVOKE_REASON_REQUIRED) RevocationReason reason,
        @Schema(description = "说明 / note") @Size(max = 500, message = Messages.PROOF_NOTE_TOO_LONG) String note) {
}
