package org.certfree.proofs.catalog.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field the applicant fills in when pledging (承诺事项填报项), e.g. the address they pledge to use. */
@Schema(name = "PledgeField", description = "承诺书填报项 / a field the applicant answers")
public record PledgeField(
        @Schema(description = "字段名（英文字母开头）/ field name", examples = "address")
        @NotBlank(message = Messages.PLEDGE_FIELD_NAME_INVALID)
        @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_]{0,31}", message = Messages.PLEDGE_FIELD_NAME_INVALID)
        String name,
        @Schema(description = "中文标签 / label shown to the applicant", examples = "住所地址")
        @NotBlank(message = Messages.PLEDGE_FIELD_LABEL_REQUIRED) @Size(max = 50, message = Messages.PLEDGE_FIELD_LABEL_REQUIRED)
        String label,
        @Schema(description = "是否必填 / required")
        boolean required) {
}
