package org.certfree.proofs.commitment.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attachment a finding rests on, by its SHA-256: the file stays in the department's records. */
@Schema(name = "Evidence", description = "核查证据附件（只存哈希）/ an attachment of a finding, by hash")
public record Evidence(
        @Schema(description = "附件名称 / name", examples = "现场照片-1.jpg")
        @NotBlank(message = Messages.EVIDENCE_NAME_REQUIRED) @Size(max = 100, message = Messages.EVIDENCE_NAME_REQUIRED)
        String name,
        @Schema(description = "附件 SHA-256（64 位小写十六进制）/ SHA-256 of the file, lower-case hex",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        @NotBlank(message = Messages.EVIDENCE_SHA256_INVALID) @Pattern(regexp = "[0-9a-f]{64}", message = Messages.EVIDENCE_SHA256_INVALID)
        String sha256) {
}
