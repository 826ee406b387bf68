package org.certfree.proofs.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a proof matter's content with its review state; see V4__catalog.sql. */
@Entity
@Table(name = "matter_version")
public class MatterVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "matter_code")
    public String matterCode;

    public int number;

    @Enumerated(EnumType.STRING)
    public Proposal proposal;

    @Enumerated(EnumType.STRING)
    public MatterStatus status;

    public String name;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> scenarios;

    /** The kind-specific block (RetainedFields, CancelledFields or NotifyCommitFields) as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode details;

    @Column(name = "removal_reason")
    public String removalReason;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewer_department")
    public String reviewerDepartment;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
