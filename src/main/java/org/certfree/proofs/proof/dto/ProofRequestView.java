package org.certfree.proofs.proof.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.AssistedFiling;
import org.certfree.proofs.consent.dto.AssistanceView;
import org.certfree.proofs.proof.ProofRequest;
import org.certfree.proofs.proof.RequestStatus;
import org.certfree.proofs.proof.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A proof request as the API shows it. The subject's name and identifier are masked ({@code 李*},
 * {@code 652801********242X}) except for the subject themselves and for the issuing department reading
 * the one request (a read in the holder's access log); {@code subjectMasked} says which.
 */
@Schema(name = "ProofRequestView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProofRequestView(
        UUID id,
        String matterCode,
        int matterVersion,
        String matterName,
        String issuerDept,
        ProofRequest.RequesterKind requesterKind,
        String requesterUnit,
        SubjectKind subjectKind,
        @Schema(description = "申请所涉主体的姓名，除本人和开具部门单独查看外脱敏 / the subject's name, masked unless the subject or the issuing department reading this one request") String subjectName,
        @Schema(description = "主体证件号，脱敏规则同姓名 / the subject's identifier, masked likewise") String subjectId,
        @Schema(description = "姓名和证件号是否已脱敏 / whether name and identifier are masked") boolean subjectMasked,
        String purpose,
        String consentRef,
        RequestStatus status,
        Instant createdAt,
        LocalDate dueDate,
        @Schema(description = "截止日是否为暂定：期间跨入尚未录入节假日安排的年份，只扣除了周末 / whether the due date is provisional: the period runs into a year whose holidays are not yet entered, so only weekends were skipped")
        boolean dueDateProvisional,
        @Schema(description = "截止日暂定时的提示 / why the due date is provisional, when it is") String dueDateWarning,
        Instant decidedAt,
        String rejectReason,
        String proofNumber,
        int version,
        @Schema(description = "代办记录，本人或用证单位申请时为空 / present when filed in the holder's name (代办)") AssistanceView assistance) {

    /** The request with its subject masked: for lists, decision answers, the using unit and ADMIN. */
    public static ProofRequestView of(ProofRequest r, LocalDate today) {
        return of(r, today, r.subjectNameMasked, r.subjectIdMasked, true);
    }

    /** The request with its subject in full ({@code name}, {@code id} decrypted): for the subject, or the department's single read. */
    public static ProofRequestView full(ProofRequest r, LocalDate today, String name, String id) {
        return of(r, today, name, id, false);
    }

    private static ProofRequestView of(ProofRequest r, LocalDate today, String name, String id, boolean masked) {
        return new ProofRequestView(r.id, r.matterCode, r.matterVersion, r.matterName, r.issuerDept, r.requesterKind,
                r.requesterUnit, r.subjectKind, name, id, masked, r.purpose, r.consentRef,
                r.statusOn(today), r.createdAt, r.dueDate, r.dueDateProvisional,
                r.dueDateProvisional ? Messages.DUE_DATE_PROVISIONAL.formatted(r.dueDate) : null, r.decidedAt, r.rejectReason, r.proofNumber, r.version,
                AssistedFiling.Act.view(r.assistedKind, r.assistedBy, r.assistedUnit, r.identityCheck, r.evidenceSha256,
                        r.authorisationId));
    }
}
