package org.certfree.proofs.stats;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored 随机抽查 draw: what it drew from, its seed and its result (see {@link DrawOrder}). */
@Entity
@Table(name = "inspection_draw")
public class InspectionDraw extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public InspectionKind kind;

    public String department;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    public int size;

    @Column(name = "seed_tree_size")
    public int seedTreeSize;

    @Column(name = "seed_root_hash")
    public String seedRootHash;

    public int candidates;

    /** Hex SHA-256 of the candidates' ids, sorted and joined by line feeds (V44): what the draw was made from. */
    @Column(name = "candidates_sha256")
    public String candidatesSha256;

    /** The drawn ids in draw order, as a JSON array. */
    public String items;

    @Column(name = "drawn_by")
    public String drawnBy;

    @Column(name = "drawn_at")
    public Instant drawnAt;
}
