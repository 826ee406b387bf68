package org.certfree.proofs.proof.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.proof.IssuanceJobStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bulk issuance job and its progress, as its department sees it. */
@Schema(name = "IssuanceJobView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuanceJobView(
        @Schema(description = "作业编号 / job id") UUID id,
        @Schema(description = "开具部门 / issuing department") String department,
        @Schema(description = "状态 / status") IssuanceJobStatus status,
        @Schema(description = "状态（中文）/ status in Chinese") String statusText,
        @Schema(description = "条目总数（非空行数）/ items (non-empty lines)") int total,
        @Schema(description = "已有结果的条目数（已开具 + 失败 + 重复 + 已取消）/ items decided") int done,
        @Schema(description = "已开具 / issued") int issued,
        @Schema(description = "失败（原因见 errors 和结果流）/ failed (reasons in errors and the results)") int failed,
        @Schema(description = "重复提交的 itemId（沿用首次提交的结果）/ duplicates of an earlier item") int duplicates,
        @Schema(description = "因作业取消而未开具 / not issued because the job was cancelled") int cancelled,
        @Schema(description = "进度 done/total / progress", examples = "2500/100000") String progress,
        @Schema(description = "提交人 / submitted by") String submittedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "最先失败的若干条目及原因（全部失败条目见 links.errors）/ the first failed items with their reasons (all: links.errors)")
        List<ItemError> errors,
        Links links) {

    /** A failed item: its line, its itemId and why (a problem document, Chinese {@code detail}). */
    public record ItemError(int line, String itemId, @Schema(ref = "Problem") Problem problem) {
    }

    /** Where the job, its results and its failed items are read. */
    public record Links(String self, String results, String errors) {
    }
}
