package org.certfree.proofs.catalog.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields of a matter on the notify-and-commit list. */
@Schema(name = "NotifyCommitFields", description = "告知承诺证明事项的内容 / notify-and-commit fields")
public record NotifyCommitFields(
        @Schema(description = "告知承诺书格式文本 / commitment template")
        @NotNull(message = Messages.MATTER_COMMITMENT_REQUIRED) @Valid
        CommitmentTemplate commitment,
        @Schema(description = "核查方式 / how the pledge is checked")
        @NotNull(message = Messages.MATTER_CHECK_METHOD_REQUIRED)
        CheckMethod checkMethod,
        @Schema(description = "承诺后多少日内核查（1–365）/ checked within N days", examples = "30")
        @NotNull(message = Messages.MATTER_CHECK_WITHIN_REQUIRED)
        @Min(value = 1, message = Messages.MATTER_CHECK_WITHIN_RANGE) @Max(value = 365, message = Messages.MATTER_CHECK_WITHIN_RANGE)
        Integer checkWithinDays,
        @Schema(description = "核查说明 / check description")
        @Size(max = 500, message = Messages.MATTER_CHECK_DESCRIPTION_TOO_LONG)
        String checkDescription) {
}
