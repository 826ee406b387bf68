package org.certfree.proofs.commitment.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.certfree.proofs.commitment.CheckResult;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A checker's finding: the result, what was found, and the attachments it rests on (by hash). */
@Schema(name = "FindingsInput", description = "记录核查结论 / record a finding")
public record FindingsInput(
        @Schema(description = "核查结论 / the result") @NotNull(message = Messages.CHECK_RESULT_REQUIRED)
        CheckResult result,
        @Schema(description = "核查情况（加密保存）/ what was found (stored encrypted)", examples = "现场核查：该地址为在建工地，无经营场所。")
        @NotBlank(message = Messages.CHECK_FINDINGS_REQUIRED) @Size(max = 2000, message = Messages.CHECK_FINDINGS_REQUIRED)
        String findings,
        @Schema(description = "证据附件（只存哈希，最多 20 个）/ attachments by hash, at most 20")
        @Size(max = 20, message = Messages.CHECK_EVIDENCE_TOO_MANY)
        List<@Valid @NotNull(message = Messages.EVIDENCE_NAME_REQUIRED) Evidence> evidence) {
}
