package org.certfree.proofs.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A proof matter (证明事项): stable code, list kind and issuing department; see V4__catalog.sql. */
@Entity
@Table(name = "proof_matter")
public class ProofMatter extends PanacheEntityBase {

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    public ListKind kind;

    @Column(name = "department_code")
    public String departmentCode;

    /** Name of the latest version. */
    public String name;

    /** Scenario names of the latest version. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> scenarios;

    @Column(name = "latest_number")
    public int latestNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "latest_status")
    public MatterStatus latestStatus;

    /** Code, name, department and text of the latest version, searched by the catalogue. */
    @Column(name = "search_text")
    public String searchText;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
