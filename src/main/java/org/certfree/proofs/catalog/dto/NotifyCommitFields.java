package org.certfree.proofs.catalog.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.catalog.CheckMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields of a matter on the notify-and-commit list. */
@Schema(name = "NotifyCommitFields", description = "告知承诺证明事项的内容 / notify-and-commit fields")
public record NotifyCommitFields(
        @Schema(description = "告知承诺书格式文本 / commitment template")
        @NotNull(message = "须提供告知承诺书格式文本 commitment") @Valid
        CommitmentTemplate commitment,
        @Schema(description = "核查方式 / how the pledge is checked")
        @NotNull(message = "须指定核查方式 checkMethod")
        CheckMethod checkMethod,
        @Schema(description = "承诺后多少日内核查（1–365）/ checked within N days", examples = "30")
        @NotNull(message = "须填写核查期限 checkWithinDays（天）")
        @Min(value = 1, message = "核查期限须在 1 到 365 天之间") @Max(value = 365, message = "核查期限须在 1 到 365 天之间")
        Integer checkWithinDays,
        @Schema(description = "核查说明 / check description")
        @Size(max = 500, message = "核查说明最长 500 字")
        String checkDescription) {
}
