package org.certfree.proofs.proof.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.proof.IssuanceJobItemState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of a job's results (NDJSON): what became of one item. An issued item carries what the department hands
 * the holder — the proof's number and verification code (the status page's and a window's way in), and where its
 * printable form and QR are; a failed one its reason.
 */
@Schema(name = "IssuanceJobResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuanceJobResult(
        @Schema(description = "提交时的行号（从 1 起），也是读取下一页的游标 after / line number in the submitted body, the cursor of after") int line,
        @Schema(description = "部门提交的条目编号 / the department's item id") String itemId,
        @Schema(description = "结果 / outcome") IssuanceJobItemState status,
        @Schema(description = "证明编号 / proof number") String number,
        @Schema(description = "核验码（仅开具部门可见，交持证人）/ verification code (issuing department only; for the holder)") String verificationCode,
        Instant issuedAt,
        Instant validUntil,
        @Schema(description = "证明地址（PDF：/pdf，二维码：/qr.svg）/ the proof (printable: /pdf, QR: /qr.svg)") String proof,
        @Schema(description = "重复提交时，首次提交所在的作业和行 / for a duplicate: the job and line first submitted") Original duplicateOf,
        @Schema(ref = "Problem", description = "失败原因（RFC 9457 问题文档）/ why it failed (RFC 9457 problem document)") Problem error) {

    /** The item a duplicate repeats. */
    public record Original(UUID jobId, int line, IssuanceJobItemState status) {
    }
}
