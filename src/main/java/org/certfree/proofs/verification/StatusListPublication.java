package org.certfree.proofs.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A signed status list as published for one department; numbers only go up. */
@Entity
@Table(name = "status_list_publication")
public class StatusListPublication extends PanacheEntityBase {

    /** (department, number). */
    @Embeddable
    public record Key(@Column(name = "issuer_dept") String issuerDept, @Column(name = "number") long number)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "valid_until")
    public Instant validUntil;

    public int size;

    public String jws;

    /** Proofs of the department not valid (revoked, superseded) when this list was made; null on old lists. */
    @Column(name = "changed_count")
    public Long changedCount;

    /** {@code StatusSlots.suspensionMark} when this list was made (V37); null on lists without a suspension bitstring. */
    @Column(name = "suspension_mark")
    public String suspensionMark;
}
