package org.certfree.proofs.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One staff action in the audit log (append-only; its {@code txid} column is the database's, not mapped). */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    public Instant at;

    public String actor;

    @Column(name = "actor_department")
    public String actorDepartment;

    public String action;

    public String department;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    public String outcome;

    /** The details as RFC 8785 canonical JSON (an object of strings). */
    public String details;

    @Column(name = "correlation_id")
    public String correlationId;

    /** See {@link AuditRows#MAC_PURPOSE}. */
    public String mac;
}
