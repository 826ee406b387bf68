package org.certfree.proofs.commitment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.consent.IdentityCheck;
import org.certfree.proofs.proof.SubjectKind;

/** A pledge (告知承诺) made on a notify-and-commit matter; its signed document is a proof-table row; see V36. */
@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The signed document's number (告知承诺书编号). */
    public String number;

    @Column(name = "matter_code")
    public String matterCode;

    @Column(name = "matter_version")
    public int matterVersion;

    @Column(name = "matter_name")
    public String matterName;

    /** The department that owns the matter, signs the document and checks the pledge. */
    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "template_batch")
    public String templateBatch;

    @Column(name = "template_hash")
    public String templateHash;

    /** The pledge text shown to the applicant (no personal data). */
    public String text;

    @Column(name = "text_hash")
    public String textHash;

    @Column(name = "using_unit")
    public String usingUnit;

    @Column(name = "service_matter")
    public String serviceMatter;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public SubjectKind subjectKind;

    @Column(name = "subject_id_index")
    public String subjectIdIndex;

    @Column(name = "subject_name_masked")
    public String subjectNameMasked;

    @Column(name = "subject_id_masked")
    public String subjectIdMasked;

    /** The holder's actor ({@code holder:<index>}), also when a window clerk took it down. */
    @Column(name = "pledged_by")
    public String pledgedBy;

    @Column(name = "pledged_at")
    public Instant pledgedAt;

    /** The window clerk who took the pledge down for the holder present in person; null when self-made. */
    @Column(name = "assisted_by")
    public String assistedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_check")
    public IdentityCheck identityCheck;

    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    @Enumerated(EnumType.STRING)
    public PledgeStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_method")
    public CheckMethod checkMethod;

    @Column(name = "check_within_days")
    public int checkWithinDays;

    @Column(name = "sample_ratio_percent")
    public Integer sampleRatioPercent;

    @Column(name = "draw_tree_size")
    public Integer drawTreeSize;

    @Column(name = "draw_root_hash")
    public String drawRootHash;

    @Column(name = "draw_value")
    public String drawValue;

    public boolean drawn;

    @Column(name = "found_false_at")
    public Instant foundFalseAt;

    /** The consequence the template stated (不实承诺的法律后果), recorded with a FALSE finding. */
    public String consequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "objection_status")
    public ObjectionStatus objectionStatus;

    @Column(name = "objection_reason_enc")
    public String objectionReasonEnc;

    @Column(name = "objected_at")
    public Instant objectedAt;

    /** The department's answer to the objection, encrypted (it may name people). */
    @Column(name = "objection_answer_enc")
    public String objectionAnswerEnc;

    @Column(name = "objection_decided_by")
    public String objectionDecidedBy;

    @Column(name = "objection_decided_at")
    public Instant objectionDecidedAt;

    @Version
    public int version;
}
