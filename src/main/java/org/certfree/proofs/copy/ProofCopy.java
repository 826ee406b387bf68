package org.certfree.proofs.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A purpose-bound copy (加注件) of a proof: bound to one using unit, one purpose and an expiry, with its signed
 * token (encrypted: it carries the disclosures the holder chose). Everything a printed or OFD form of the copy
 * shows is here or in the token: the unit, the purpose (the watermark), the expiry, the proof's disclosed content.
 */
@Entity
@Table(name = "proof_copy")
public class ProofCopy extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proof_number")
    public String proofNumber;

    /** The holder, by the blind index of their identifier (as {@code proof.subject_id_index}). */
    @Column(name = "subject_id_index")
    public String subjectIdIndex;

    @Column(name = "issuer_dept")
    public String issuerDept;

    @Column(name = "matter_code")
    public String matterCode;

    /** The using unit the copy is bound to (the token's {@code aud}). */
    @Column(name = "unit_code")
    public String unitCode;

    public String purpose;

    /** The disclosures the token carries, by path ({@code subject.name}, {@code subject.id}, {@code claims.<name>}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> disclose;

    @Column(name = "made_at")
    public Instant madeAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** Who made it: {@code holder:<index>}, or the unit's staff id (under {@link #consentId}). */
    @Column(name = "made_by")
    public String madeBy;

    @Column(name = "consent_id")
    public UUID consentId;

    /** Hex SHA-256 of the token's signed payload: a presented token is this copy's only if it matches. */
    @Column(name = "token_sha256")
    public String tokenSha256;

    /** The compact token (SM2-SM3), encrypted. */
    @Column(name = "token_enc")
    public String tokenEnc;

    /** The same payload in the general JSON serialization (SM2-SM3 and Ed25519), encrypted. */
    @Column(name = "token_json_enc")
    public String tokenJsonEnc;

    /** Valid at {@code now}: not withdrawn and not expired (what the limit counts). */
    public boolean validAt(Instant now) {
        return withdrawnAt == null && now.isBefore(expiresAt);
    }
}
