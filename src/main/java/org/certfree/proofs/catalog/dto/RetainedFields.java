package org.certfree.proofs.catalog.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.certfree.proofs.catalog.IssuanceChannel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields of a matter on the retained list. */
@Schema(name = "RetainedFields", description = "保留证明事项的内容 / retained-list fields")
public record RetainedFields(
        @Schema(description = "设定依据，至少一条 / legal bases, at least one")
        @NotEmpty(message = "保留的证明事项须至少有一条设定依据（法律法规及条款）")
        @Size(max = 10, message = "设定依据最多 10 条")
        List<@NotNull(message = "设定依据不能为 null") @Valid LegalBasis> legalBases,
        @Schema(description = "开具渠道 / issuance channel")
        @NotNull(message = "须指定开具渠道 channel：ONLINE、WINDOW 或 ONLINE_AND_WINDOW")
        IssuanceChannel channel,
        @Schema(description = "法定开具时限 / statutory time limit")
        @NotNull(message = "须填写法定开具时限 timeLimit") @Valid
        TimeLimit timeLimit,
        @Schema(description = "默认有效期（天，1–3650）/ default validity in days", examples = "90")
        @NotNull(message = "须填写默认有效期 validityDays（天）")
        @Min(value = 1, message = "有效期须在 1 到 3650 天之间") @Max(value = 3650, message = "有效期须在 1 到 3650 天之间")
        Integer validityDays,
        @Schema(description = "是否开具电子证明 / whether an electronic proof is issued")
        @NotNull(message = "须说明是否开具电子证明 electronic")
        Boolean electronic) {
}
