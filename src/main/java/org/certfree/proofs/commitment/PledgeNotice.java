package org.certfree.proofs.commitment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A notice to a using unit about a pledge made to it (a FALSE finding, an objection's outcome); see V36. */
@Entity
@Table(name = "pledge_notice")
public class PledgeNotice extends PanacheEntityBase {

    /** What a notice tells. */
    public enum Kind {
        /** 不实承诺认定 */
        FOUND_FALSE,
        /** 异议成立，不实认定撤销 */
        OBJECTION_UPHELD,
        /** 异议不成立 */
        OBJECTION_DISMISSED
    }

    @Id
    public UUID id;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "pledge_number")
    public String pledgeNumber;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    public String message;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "read_by")
    public String readBy;
}
