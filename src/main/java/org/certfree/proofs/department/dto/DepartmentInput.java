package org.certfree.proofs.department.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.SortedSet;
import org.certfree.proofs.common.ValidUscc;
import org.certfree.proofs.department.DepartmentKind;
import org.certfree.proofs.department.DepartmentRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of creating a department (code required) or replacing one (code ignored, version required). */
@Schema(name = "DepartmentInput", description = "部门或单位 / A department or unit")
public record DepartmentInput(
        @Schema(description = "编码（大写字母开头，大写字母、数字、连字符，2–32 位）/ stable code", examples = "BZGAJ")
        @Pattern(regexp = "^[A-Z][A-Z0-9-]{1,31}$", message = "编码须以大写字母开头，由大写字母、数字和连字符组成，长 2 到 32 位")
        String code,
        @Schema(description = "名称 / name", examples = "巴音郭楞蒙古自治州公安局")
        @NotBlank(message = "名称不能为空") @Size(max = 100, message = "名称最长 100 字")
        String name,
        @Schema(description = "类别 / kind")
        @NotNull(message = "须指定类别 kind")
        DepartmentKind kind,
        @Schema(description = "统一社会信用代码（GB 32100），可空 / USCC, optional", examples = "11652800MB1A2B3C4D")
        @ValidUscc
        String uscc,
        @Schema(description = "行政区划代码（6 位）/ administrative division code", examples = "652800")
        @NotNull(message = "须填写 6 位行政区划代码 regionCode")
        @Pattern(regexp = "^[0-9]{6}$", message = "行政区划代码须为 6 位数字")
        String regionCode,
        @Schema(description = "上级部门编码，可空 / parent department code")
        String parentCode,
        @Schema(description = "职能 / roles: ISSUER 开具单位, USING_UNIT 用证单位, REVIEWER 审核单位")
        @NotEmpty(message = "至少选择一种职能：ISSUER、USING_UNIT 或 REVIEWER")
        SortedSet<@NotNull(message = "职能不能为 null") DepartmentRole> roles,
        @Schema(description = "地址 / address") @Size(max = 200, message = "地址最长 200 字")
        String address,
        @Schema(description = "电话 / phone") @Size(max = 40, message = "电话最长 40 字")
        @Pattern(regexp = "^[0-9+()\\- ]*$", message = "电话只能包含数字、空格和 + - ( )")
        String phone,
        @Schema(description = "是否启用（替换时）/ active (on replace)")
        Boolean active,
        @Schema(description = "替换时须带上读取到的版本号 / the version read, required on replace")
        Integer version) {
}
