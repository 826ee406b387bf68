package org.certfree.proofs.commitment.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.commitment.CheckResult;
import org.certfree.proofs.commitment.CheckStatus;
import org.certfree.proofs.commitment.PledgeStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A check task (核查任务) as the API shows it; the findings text only to staff of the two departments. */
@Schema(name = "CheckView", description = "核查任务 / a pledge's check task")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckView(
        UUID id,
        CheckStatus status,
        String statusText,
        @Schema(description = "已过核查期限且未办结 / past its due date and not closed") boolean overdue,
        String pledgeNumber,
        PledgeStatus pledgeStatus,
        String matterCode,
        String matterName,
        @Schema(description = "事项所属部门：复核 / the matter's department: reviews") String departmentCode,
        @Schema(description = "核查部门（本部门或协查部门）/ who checks") String checkingDepartment,
        CheckMethod method,
        String methodText,
        String usingUnit,
        @Schema(description = "承诺人（脱敏）/ the pledger, masked") String subjectNameMasked,
        Instant createdAt,
        LocalDate dueDate,
        boolean dueDateProvisional,
        String assignee,
        String assignedBy,
        Instant assignedAt,
        CheckResult result,
        String resultText,
        @Schema(description = "核查情况（仅两个部门的工作人员可见）/ the findings, shown to staff of the two departments only") String findings,
        List<Evidence> evidence,
        String recordedBy,
        Instant recordedAt,
        String reviewedBy,
        Instant reviewedAt,
        @Schema(description = "复核意见（退回时说明理由）/ the reviewer's comment") String reviewComment,
        Instant closedAt,
        int version,
        Links links) {

    public record Links(String self, String pledge) {
    }
}
