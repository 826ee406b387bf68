package org.certfree.proofs.commitment.dto;

import java.time.Instant;
import java.util.List;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.catalog.dto.PledgeField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current commitment template of a matter: what an applicant reads before pledging, and the hash to send back. */
@Schema(name = "CommitmentTemplateView", description = "现行告知承诺书格式文本 / the current commitment template")
public record TemplateView(
        String matterCode,
        int matterVersion,
        String matterName,
        String departmentCode,
        String departmentName,
        @Schema(description = "发布该版本的清单批次 / the batch that published this version") String batchNumber,
        Instant effectiveSince,
        @Schema(description = "清单条目内容（RFC 8785 规范化 JSON）的 SHA-256：作出承诺时原样提交"
                + " / SHA-256 of the entry content's RFC 8785 form: send it back when pledging") String hash,
        @Schema(description = "承诺书全文（含不实承诺的法律后果）/ the full pledge text, legal consequences included") String text,
        @Schema(description = "承诺书全文 UTF-8 的 SHA-256 / SHA-256 of the text") String textHash,
        String proofObligation,
        String proofContent,
        String legalLiability,
        CheckMethod checkMethod,
        String checkMethodText,
        int checkWithinWorkingDays,
        Integer sampleRatioPercent,
        String assistingDepartment,
        List<PledgeField> fields) {
}
