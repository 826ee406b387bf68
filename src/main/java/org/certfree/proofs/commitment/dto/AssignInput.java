package org.certfree.proofs.commitment.dto;

import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom a check task is assigned to. */
@Schema(name = "AssignCheckInput", description = "分派核查任务 / assign a check task")
public record AssignInput(
        @Schema(description = "核查人员账号；不填则为本人 / the checker's staff id; the caller when absent", examples = "scj-zhang")
        @Size(max = 128, message = Messages.CHECK_ASSIGNEE_TOO_LONG)
        String assignee) {
}
