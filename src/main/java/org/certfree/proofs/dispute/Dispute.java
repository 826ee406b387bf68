package org.certfree.proofs.dispute;

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
import org.certfree.proofs.proof.DocumentKind;

/** A dispute (异议) on a proof or pledge document; see V37__disputes.sql. */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proof_number")
    public String proofNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_kind")
    public DocumentKind documentKind;

    @Column(name = "issuer_dept")
    public String issuerDept;

    /** The holder's blind index (never the identifier). */
    @Column(name = "holder_index")
    public String holderIndex;

    @Enumerated(EnumType.STRING)
    @Column(name = "opener_kind")
    public OpenerKind openerKind;

    @Column(name = "opener_unit")
    public String openerUnit;

    /** The opener as rows name people: staff id, or {@code holder:<index>}. */
    @Column(name = "opened_by")
    public String openedBy;

    /** The reason, encrypted (it may describe the holder's circumstances). */
    @Column(name = "reason_enc")
    public String reasonEnc;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** The last working day for the decision. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    /** Whether the due day was counted over a year the calendar does not cover yet (weekends only). */
    @Column(name = "due_provisional")
    public boolean dueProvisional;

    /** The department's signed acknowledgement of the opening. */
    @Column(name = "opened_jws")
    public String openedJws;

    @Enumerated(EnumType.STRING)
    public DisputeStatus status;

    @Enumerated(EnumType.STRING)
    public DisputeOutcome outcome;

    /** The decision's note, encrypted. */
    @Column(name = "note_enc")
    public String noteEnc;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The corrected proof of a REISSUE. */
    @Column(name = "successor_number")
    public String successorNumber;

    /** The department's signed decision record. */
    @Column(name = "decision_jws")
    public String decisionJws;

    @Version
    public int version;
}
