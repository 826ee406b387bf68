package org.certfree.proofs.consent.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A window clerk revoking an agent authorisation for the holder present in person (a holder without a phone). */
@Schema(name = "AssistedRevocationInput")
public record AssistedRevocationInput(
        @Schema(description = "到场持证人的公民身份号码，须与授权的持证人一致 / the holder's resident ID; must be the authorisation's holder")
        @NotBlank(message = Messages.ASSIST_HOLDER_REQUIRED) @Size(max = 18, message = Messages.ON_BEHALF_OF_TOO_LONG) String onBehalfOf,
        @Schema(description = "身份核验方式和持证人签字的撤销申请扫描件的 SHA-256 / identity check and the signed revocation form's hash")
        @NotNull(message = Messages.ASSIST_REQUIRED) @Valid AssistanceInput assistance) {
}
