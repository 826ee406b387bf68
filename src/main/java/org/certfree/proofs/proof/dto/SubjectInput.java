package org.certfree.proofs.proof.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who a proof is about: a person (name + resident ID) or an enterprise (name + USCC). */
@Schema(name = "SubjectInput")
public record SubjectInput(
        @Schema(description = "PERSON 个人 / ENTERPRISE 企业") @NotNull(message = Messages.SUBJECT_KIND_REQUIRED) SubjectKind kind,
        @Schema(description = "姓名或企业名称 / name", examples = "张三") @NotBlank(message = Messages.SUBJECT_NAME_REQUIRED)
        @Size(max = 100, message = Messages.NAME_TOO_LONG) String name,
        @Schema(description = "公民身份号码（个人）或统一社会信用代码（企业）/ resident ID or USCC", examples = "11010519491231002X")
        @NotBlank(message = Messages.SUBJECT_ID_REQUIRED) String id) {
}
