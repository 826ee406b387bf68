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
import java.time.LocalDate;
import java.util.UUID;
import org.certfree.proofs.catalog.CheckMethod;

/** The post-check task (核查任务) of one pledge; see V36. */
@Entity
@Table(name = "pledge_check")
public class PledgeCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pledge_id")
    public UUID pledgeId;

    @Column(name = "pledge_number")
    public String pledgeNumber;

    @Column(name = "matter_code")
    public String matterCode;

    /** The matter's department: reviews the finding. */
    @Column(name = "department_code")
    public String departmentCode;

    /** Who checks: the matter's department, or the one asked to assist (协查). */
    @Column(name = "checking_department")
    public String checkingDepartment;

    @Enumerated(EnumType.STRING)
    public CheckMethod method;

    @Enumerated(EnumType.STRING)
    public CheckStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "due_date_provisional")
    public boolean dueDateProvisional;

    public String assignee;

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Enumerated(EnumType.STRING)
    public CheckResult result;

    /** The checker's findings text, encrypted (it may name people). */
    @Column(name = "findings_enc")
    public String findingsEnc;

    /**
     * The attachments the finding rests on (names and SHA-256; the files stay in the department's records):
     * a JSON array, encrypted (a name may name people). See {@link CheckQueries#evidence}.
     */
    @Column(name = "evidence_enc")
    public String evidenceEnc;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** The reviewer's comment, encrypted (it may name people). */
    @Column(name = "review_comment_enc")
    public String reviewCommentEnc;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;
}
