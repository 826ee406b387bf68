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
import java.util.UUID;
import org.certfree.proofs.catalog.ListKind;

/** A dispute on a published list entry; see V38__supervision.sql. */
@Entity
@Table(name = "list_dispute")
public class ListDispute extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "matter_code")
    public String matterCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "list_kind")
    public ListKind listKind;

    @Column(name = "matter_version")
    public int matterVersion;

    @Column(name = "batch_number")
    public String batchNumber;

    @Enumerated(EnumType.STRING)
    public DisputeClaim claim;

    @Column(name = "text_enc")
    public String textEnc;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Enumerated(EnumType.STRING)
    public DisputeStatus status;

    @Column(name = "answer_enc")
    public String answerEnc;

    @Column(name = "change_matter_code")
    public String changeMatterCode;

    @Column(name = "change_version")
    public Integer changeVersion;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
