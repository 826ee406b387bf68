package org.certfree.proofs.catalog.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.SortedSet;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.Scenario;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Content of a matter version. On creation {@code kind} is required and {@code code} and
 * {@code departmentCode} optional; on amendments they may be left out (if sent they must match).
 * Exactly the block of the matter's kind is filled: {@code retained}, {@code cancelled} or {@code notifyCommit}.
 */
@Schema(name = "MatterInput", description = "证明事项内容 / proof-matter content")
public record MatterInput(
        @Schema(description = "事项编码（可空，自动生成）/ matter code, generated when absent", examples = "BZGAJ-HJ-001")
        @Pattern(regexp = "^[A-Z][A-Z0-9-]{2,47}$", message = Messages.MATTER_CODE_FORMAT)
        String code,
        @Schema(description = "所属清单 / list kind")
        ListKind kind,
        @Schema(description = "开具部门编码（可空，默认为本部门）/ issuing department, defaults to the caller's", examples = "BZGAJ")
        String departmentCode,
        @Schema(description = "证明事项名称 / name", examples = "户籍证明")
        @NotBlank(message = Messages.MATTER_NAME_REQUIRED) @Size(max = 100, message = Messages.MATTER_NAME_TOO_LONG)
        String name,
        @Schema(description = "说明：证明什么、用于何处 / what it proves, where it is used")
        @Size(max = 1000, message = Messages.MATTER_DESCRIPTION_TOO_LONG)
        String description,
        @Schema(description = "使用场景 / using scenarios")
        @NotEmpty(message = Messages.MATTER_SCENARIOS_REQUIRED)
        @Size(max = 10, message = Messages.MATTER_SCENARIOS_TOO_MANY)
        SortedSet<@NotNull(message = Messages.MATTER_SCENARIO_NULL) Scenario> scenarios,
        @Schema(description = "保留清单字段（kind=RETAINED 时必填）/ retained fields") @Valid
        RetainedFields retained,
        @Schema(description = "取消清单字段（kind=CANCELLED 时必填）/ cancelled fields") @Valid
        CancelledFields cancelled,
        @Schema(description = "告知承诺字段（kind=NOTIFY_COMMIT 时必填）/ notify-and-commit fields") @Valid
        NotifyCommitFields notifyCommit,
        @Schema(description = "修改草稿时须带上读取到的版本号（或用 If-Match）/ lock version read, on PUT")
        Integer version) {
}
