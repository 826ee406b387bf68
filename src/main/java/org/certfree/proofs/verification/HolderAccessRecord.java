package org.certfree.proofs.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.certfree.proofs.system.access.AccessKind;

/**
 * One read of, or action on, a holder's data by someone other than the holder (append-only; the
 * holder's access log beside {@link Verification}; its {@code txid} column is the database's, not mapped).
 */
@Entity
@Table(name = "holder_access")
public class HolderAccessRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    public Instant at;

    @Column(name = "subject_id_index")
    public String subjectIdIndex;

    @Enumerated(EnumType.STRING)
    public AccessKind kind;

    @Column(name = "unit_code")
    public String unitCode;

    public String actor;

    @Column(name = "proof_number")
    public String proofNumber;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "consent_id")
    public UUID consentId;

    public String purpose;

    /** The details as RFC 8785 canonical JSON (an object of strings). */
    public String details;

    public String mac;
}
