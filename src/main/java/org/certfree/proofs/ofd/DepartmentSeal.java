package org.certfree.proofs.ofd;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A department's electronic seal, current or replaced (see V54__department_seals.sql). */
@Entity
@Table(name = "department_seal")
public class DepartmentSeal extends PanacheEntityBase {

    /** Where a seal comes from. */
    public enum Source {
        /** Made by the service's demo seal maker (demo mode; no legal standing). */
        DEMO,
        /** Issued by the official seal system and loaded by an ADMIN. */
        OFFICIAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "seal_id")
    public String sealId;

    public String name;

    /** DER of the SESeal. */
    public byte[] esl;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    /** Hex SHA-256 of each certificate the seal lists. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "signer_fingerprints")
    public List<String> signerFingerprints;

    /** RFC 4514 subject of the seal maker's certificate. */
    public String maker;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "loaded_at")
    public Instant loadedAt;

    @Column(name = "loaded_by")
    public String loadedBy;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    /** The department's current seal, if any. */
    static DepartmentSeal current(String departmentCode) {
        return find("departmentCode = ?1 and replacedAt is null", departmentCode).firstResult();
    }

    /** Whether the seal lists the certificate with {@code fingerprint} and is valid at {@code at}. */
    boolean serves(String fingerprint, Instant at) {
        return signerFingerprints.contains(fingerprint) && !at.isBefore(validFrom) && at.isBefore(validUntil);
    }
}
