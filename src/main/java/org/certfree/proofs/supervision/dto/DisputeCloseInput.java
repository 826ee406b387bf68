package org.certfree.proofs.supervision.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.supervision.DisputeStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The justice bureau closes a dispute: UPHELD with a catalogue change, or DISMISSED with an answer. */
@Schema(name = "DisputeCloseInput", description = "办结清单异议 / close a list dispute")
public record DisputeCloseInput(
        @NotNull(message = Messages.LIST_DISPUTE_OUTCOME_REQUIRED) DisputeStatus outcome,
        @Schema(description = "答复（加密保存）/ the answer (stored encrypted)") @Size(max = 1000, message = Messages.DISPUTE_ANSWER_TOO_LONG)
        String answer,
        @Schema(description = "成立时：为下一批次起草的目录变更 / upheld: the catalogue change drafted for the next batch")
        ChangeRef changeRef,
        @Schema(description = "乐观锁版本 / optimistic-lock version") Integer version) {
}
