package org.certfree.proofs.proof.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.proof.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who a proof is about: a person (name + resident ID) or an enterprise (name + USCC). */
@Schema(name = "SubjectInput")
public record SubjectInput(
        @Schema(description = "PERSON 个人 / ENTERPRISE 企业") @NotNull(message = "须指定主体类别 kind：PERSON 或 ENTERPRISE") SubjectKind kind,
        @Schema(description = "姓名或企业名称 / name", examples = "张三") @NotBlank(message = "须填写主体姓名或名称 name")
        @Size(max = 100, message = "名称最长 100 字") String name,
        @Schema(description = "公民身份号码（个人）或统一社会信用代码（企业）/ resident ID or USCC", examples = "11010519491231002X")
        @NotBlank(message = "须填写证件号码 id：个人为公民身份号码，企业为统一社会信用代码") String id) {
}
