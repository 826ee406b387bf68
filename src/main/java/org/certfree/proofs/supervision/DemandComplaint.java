package org.certfree.proofs.supervision;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A complaint that a unit demanded a proof (违规索要证明); see V38__supervision.sql. */
@Entity
@Table(name = "demand_complaint")
public class DemandComplaint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "matter_code")
    public String matterCode;

    @Column(name = "matter_name")
    public String matterName;

    @Enumerated(EnumType.STRING)
    public ComplaintGround ground;

    @Column(name = "demanded_on")
    public LocalDate demandedOn;

    @Column(name = "description_enc")
    public String descriptionEnc;

    /**
     * The point-in-time answer for the matter at the demand date, as taken on filing: kept as the text
     * PostgreSQL returns, so that reading a complaint never finds it "dirty" (a JsonNode round trip through
     * jsonb changes number and time representations and would bump the version on every read).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String evidence;

    public String complainant;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Enumerated(EnumType.STRING)
    public ComplaintStatus status;

    public String investigator;

    @Column(name = "outcome_enc")
    public String outcomeEnc;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
