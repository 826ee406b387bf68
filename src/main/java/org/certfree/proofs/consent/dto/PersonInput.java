package org.certfree.proofs.consent.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.ValidResidentId;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person named on an agent authorisation: name and resident ID (GB 11643). */
@Schema(name = "PersonInput")
public record PersonInput(
        @Schema(description = "姓名 / name", examples = "李娜") @NotBlank(message = Messages.AGENT_PERSON_NAME_REQUIRED)
        @Size(max = 100, message = Messages.NAME_TOO_LONG) String name,
        @Schema(description = "公民身份号码 / resident ID", examples = "65280119850722242X")
        @NotBlank(message = Messages.AGENT_PERSON_ID_REQUIRED)
        @ValidResidentId String id) {
}
