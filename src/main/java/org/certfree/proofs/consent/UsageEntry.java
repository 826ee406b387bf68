package org.certfree.proofs.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the 用证清单: a using unit may use a proof matter for a handling matter. */
@Entity
@Table(name = "usage_entry")
public class UsageEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "service_matter")
    public String serviceMatter;

    @Column(name = "business_system")
    public String businessSystem;

    @Column(name = "proof_matter_code")
    public String proofMatterCode;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
