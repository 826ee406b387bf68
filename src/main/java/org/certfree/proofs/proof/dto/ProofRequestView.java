package org.certfree.proofs.proof.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.certfree.proofs.consent.AssistedFiling;
import org.certfree.proofs.consent.dto.AssistanceView;
import org.certfree.proofs.proof.ProofRequest;
import org.certfree.proofs.proof.RequestStatus;
import org.certfree.proofs.proof.SubjectKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proof request as the API shows it (subject masked). */
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
        String subjectName,
        String subjectId,
        String purpose,
        String consentRef,
        RequestStatus status,
        Instant createdAt,
        LocalDate dueDate,
        Instant decidedAt,
        String rejectReason,
        String proofNumber,
        int version,
        @Schema(description = "代办记录，本人或用证单位申请时为空 / present when filed in the holder's name (代办)") AssistanceView assistance) {

    public static ProofRequestView of(ProofRequest r, LocalDate today) {
        return new ProofRequestView(r.id, r.matterCode, r.matterVersion, r.matterName, r.issuerDept, r.requesterKind,
                r.requesterUnit, r.subjectKind, r.subjectNameMasked, r.subjectIdMasked, r.purpose, r.consentRef,
                r.statusOn(today), r.createdAt, r.dueDate, r.decidedAt, r.rejectReason, r.proofNumber, r.version,
                AssistedFiling.Act.view(r.assistedKind, r.assistedBy, r.assistedUnit, r.identityCheck, r.evidenceSha256,
                        r.authorisationId));
    }
}
