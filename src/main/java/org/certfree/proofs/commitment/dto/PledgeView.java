package org.certfree.proofs.commitment.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.commitment.CheckResult;
import org.certfree.proofs.commitment.CheckStatus;
import org.certfree.proofs.commitment.ObjectionStatus;
import org.certfree.proofs.commitment.PledgeStatus;
import org.certfree.proofs.consent.IdentityCheck;
import org.certfree.proofs.proof.dto.ProofView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A pledge as the API shows it: its case (status, template, unit, check, finding, objection) and its signed
 * document. The holder and the matter's department see the document in full (answers, code, SD-JWT); others
 * see it masked.
 */
@Schema(name = "PledgeView", description = "告知承诺 / a pledge")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PledgeView(
        String number,
        PledgeStatus status,
        String statusUri,
        String statusText,
        String matterCode,
        int matterVersion,
        String matterName,
        String departmentCode,
        Template template,
        String usingUnit,
        String serviceMatter,
        Instant pledgedAt,
        @Schema(description = "SELF 本人作出 / WINDOW 窗口代为录入（本人到场）") String channel,
        Window window,
        Check check,
        Finding finding,
        Objection objection,
        @Schema(description = "签名的告知承诺书（与证明同样的两种签名形式）/ the signed pledge document, in a proof's forms")
        ProofView document,
        Links links) {

    /** The template bound: its batch, version, hash and the text shown. */
    public record Template(String batchNumber, String hash, String text, String textHash) {
    }

    /** The window that took the pledge down for the holder present in person. */
    public record Window(String clerk, IdentityCheck identityCheck, String formSha256) {
    }

    /** How the pledge is checked, the draw, and the task if any. */
    public record Check(CheckMethod method, String methodText, int withinWorkingDays, Integer sampleRatioPercent,
            Draw draw, boolean required, UUID taskId, CheckStatus taskStatus, LocalDate dueDate, Boolean dueDateProvisional,
            CheckResult result) {
    }

    /** The 抽查 draw: the tree head it was seeded by and its outcome (see the README for how to recompute it). */
    public record Draw(int treeSize, String rootHash, String value, boolean drawn) {
    }

    /** A FALSE finding: when, and the consequence the template stated. */
    public record Finding(Instant foundFalseAt, String consequence) {
    }

    /** The holder's objection to a FALSE finding; the reason is shown to the holder and the department only. */
    public record Objection(ObjectionStatus status, String statusText, String reason, Instant objectedAt, String answer,
            Instant decidedAt) {
    }

    public record Links(String self, String pdf, String qrPng, String status, String check) {
    }
}
