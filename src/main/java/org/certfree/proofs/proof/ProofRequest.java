package org.certfree.proofs.proof;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.certfree.proofs.consent.AssistedKind;
import org.certfree.proofs.consent.IdentityCheck;

/** A request for a proof (开具申请), from a citizen about themselves or from a using unit with consent. */
@Entity
@Table(name = "proof_request")
public class ProofRequest extends PanacheEntityBase {

    /** Who asked. */
    public enum RequesterKind {
        CITIZEN, USING_UNIT
    }

    @Id
    public UUID id;

    @Column(name = "matter_code")
    public String matterCode;

    @Column(name = "matter_version")
    public int matterVersion;

    @Column(name = "matter_name")
    public String matterName;

    @Column(name = "issuer_dept")
    public String issuerDept;

    @Enumerated(EnumType.STRING)
    @Column(name = "requester_kind")
    public RequesterKind requesterKind;

    @Column(name = "requester_unit")
    public String requesterUnit;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "consent_ref")
    public String consentRef;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public SubjectKind subjectKind;

    @Column(name = "subject_name_enc")
    public String subjectNameEnc;

    @Column(name = "subject_name_masked")
    public String subjectNameMasked;

    @Column(name = "subject_id_enc")
    public String subjectIdEnc;

    @Column(name = "subject_id_index")
    public String subjectIdIndex;

    @Column(name = "subject_id_masked")
    public String subjectIdMasked;

    public String purpose;

    /** PENDING, ISSUED or REJECTED; OVERDUE is derived, see {@link #statusOn}. */
    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Last day of the statutory time limit (inclusive), counted in working days. */
    @Column(name = "due_date")
    public LocalDate dueDate;

    /** The due date was counted through a year the calendar does not cover (weekends only): see WorkingDayCalendar.Deadline. */
    @Column(name = "due_date_provisional")
    public boolean dueDateProvisional;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "reject_reason")
    public String rejectReason;

    @Column(name = "proof_number")
    public String proofNumber;

    /** Set when filed in the holder's name (代办), with who did it and on what evidence; else null. */
    @Enumerated(EnumType.STRING)
    @Column(name = "assisted_kind")
    public AssistedKind assistedKind;

    @Column(name = "assisted_by")
    public String assistedBy;

    @Column(name = "assisted_unit")
    public String assistedUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_check")
    public IdentityCheck identityCheck;

    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    @Column(name = "authorisation_id")
    public UUID authorisationId;

    @Version
    public int version;

    public RequestStatus statusOn(LocalDate today) {
        return status == RequestStatus.PENDING && today.isAfter(dueDate) ? RequestStatus.OVERDUE : status;
    }
}
