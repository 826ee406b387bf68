package org.certfree.proofs.department.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.SortedSet;
import org.certfree.proofs.common.ValidUscc;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentKind;
import org.certfree.proofs.department.DepartmentRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of creating a department (code required) or replacing one (code ignored, version required). */
@Schema(name = "DepartmentInput", description = "部门或单位 / A department or unit")
public record DepartmentInput(
        @Schema(description = "编码（大写字母开头，大写字母、数字、连字符，2–32 位）/ stable code", examples = "BZGAJ")
        @Pattern(regexp = "^[A-Z][A-Z0-9-]{1,31}$", message = Messages.DEPARTMENT_CODE_FORMAT)
        String code,
        @Schema(description = "名称 / name", examples = "巴音郭楞蒙古自治州公安局")
        @NotBlank(message = Messages.DEPARTMENT_NAME_REQUIRED) @Size(max = 100, message = Messages.NAME_TOO_LONG)
        String name,
        @Schema(description = "类别 / kind")
        @NotNull(message = Messages.DEPARTMENT_KIND_REQUIRED)
        DepartmentKind kind,
        @Schema(description = "统一社会信用代码（GB 32100），可空 / USCC, optional", examples = "11652800MB1A2B3C4D")
        @ValidUscc
        String uscc,
        @Schema(description = "行政区划代码（6 位）/ administrative division code", examples = "652800")
        @NotNull(message = Messages.DEPARTMENT_REGION_REQUIRED)
        @Pattern(regexp = "^[0-9]{6}$", message = Messages.DEPARTMENT_REGION_FORMAT)
        String regionCode,
        @Schema(description = "上级部门编码，可空 / parent department code")
        String parentCode,
        @Schema(description = "职能 / roles: ISSUER 开具单位, USING_UNIT 用证单位, REVIEWER 审核单位")
        @NotEmpty(message = Messages.DEPARTMENT_ROLES_EMPTY)
        SortedSet<@NotNull(message = Messages.DEPARTMENT_ROLE_NULL) DepartmentRole> roles,
        @Schema(description = "地址 / address") @Size(max = 200, message = Messages.DEPARTMENT_ADDRESS_TOO_LONG)
        String address,
        @Schema(description = "电话 / phone") @Size(max = 40, message = Messages.DEPARTMENT_PHONE_TOO_LONG)
        @Pattern(regexp = "^[0-9+()\\- ]*$", message = Messages.DEPARTMENT_PHONE_FORMAT)
        String phone,
        @Schema(description = "是否启用（替换时）/ active (on replace)")
        Boolean active,
        @Schema(description = "替换时须带上读取到的版本号 / the version read, required on replace")
        Integer version) {
}
