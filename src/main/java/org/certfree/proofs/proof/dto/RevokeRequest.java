package org.certfree.proofs.proof.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.proof.RevocationReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of revoking a proof. */
@Schema(name = "RevokeRequest")
public record RevokeRequest(
        @Schema(description = "撤销原因 / reason") @NotNull(message = "须指定撤销原因 reason") RevocationReason reason,
        @Schema(description = "说明 / note") @Size(max = 500, message = "说明最长 500 字") String note) {
}
