package org.certfree.proofs.catalog.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.certfree.proofs.catalog.IssuanceChannel;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Fields of a matter on the retained list. */
@Schema(name = "RetainedFields", description = "保留证明事项的内容 / retained-list fields")
public record RetainedFields(
        @Schema(description = "设定依据，至少一条 / legal bases, at least one")
        @NotEmpty(message = Messages.MATTER_LEGAL_BASES_REQUIRED)
        @Size(max = 10, message = Messages.MATTER_LEGAL_BASES_TOO_MANY)
        List<@NotNull(message = Messages.MATTER_LEGAL_BASIS_NULL) @Valid LegalBasis> legalBases,
        @Schema(description = "开具渠道 / issuance channel")
        @NotNull(message = Messages.MATTER_CHANNEL_REQUIRED)
        IssuanceChannel channel,
        @Schema(description = "法定开具时限 / statutory time limit")
        @NotNull(message = Messages.MATTER_TIME_LIMIT_REQUIRED) @Valid
        TimeLimit timeLimit,
        @Schema(description = "默认有效期（天，1–3650）/ default validity in days", examples = "90")
        @NotNull(message = Messages.MATTER_VALIDITY_REQUIRED)
        @Min(value = 1, message = Messages.MATTER_VALIDITY_RANGE) @Max(value = 3650, message = Messages.MATTER_VALIDITY_RANGE)
        Integer validityDays,
        @Schema(description = "是否开具电子证明 / whether an electronic proof is issued")
        @NotNull(message = Messages.MATTER_ELECTRONIC_REQUIRED)
        Boolean electronic) {
}
