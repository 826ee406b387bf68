package org.certfree.proofs.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A holder's consent that a using unit may retrieve their proofs of a matter, until it expires or is revoked. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subject_id_index")
    public String subjectIdIndex;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "matter_code")
    public String matterCode;

    public String purpose;

    @Column(name = "granted_at")
    public Instant grantedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The disclosures the unit may see ({@code subject.name}, {@code subject.id}, {@code claims.<name>}); null: all. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> disclose;

    /** Set when granted in the holder's name (代办), with who did it and on what evidence; else null. */
    @Enumerated(EnumType.STRING)
    @Column(name = "assisted_kind")
    public AssistedKind assistedKind;

    @Column(name = "assisted_by")
    public String assistedBy;

    @Column(name = "assisted_unit")
    public String assistedUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_check")
    public IdentityCheck identityCheck;

    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    @Column(name = "authorisation_id")
    public UUID authorisationId;

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
