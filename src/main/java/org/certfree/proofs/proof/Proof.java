package org.certfree.proofs.proof;

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
import org.certfree.proofs.keys.DetachedJws;

/** An issued electronic proof; see V21__proofs.sql. Signed content never changes (DB trigger). */
@Entity
@Table(name = "proof")
public class Proof extends PanacheEntityBase {

    @Id
    public UUID id;

    public String number;

    /** A proof or a pledge document (V36); only the commitment feature makes pledges, through {@link PledgeDocuments}. */
    @Enumerated(EnumType.STRING)
    public DocumentKind kind = DocumentKind.PROOF;

    @Column(name = "code_enc")
    public String codeEnc;

    @Column(name = "matter_code")
    public String matterCode;

    @Column(name = "matter_version")
    public int matterVersion;

    @Column(name = "matter_name")
    public String matterName;

    @Column(name = "issuer_dept")
    public String issuerDept;

    @Column(name = "issuer_name")
    public String issuerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public SubjectKind subjectKind;

    @Column(name = "subject_name_masked")
    public String subjectNameMasked;

    @Column(name = "subject_id_index")
    public String subjectIdIndex;

    @Column(name = "subject_id_masked")
    public String subjectIdMasked;

    public String purpose;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "valid_until")
    public Instant validUntil;

    /** Stored status: VALID, REVOKED or SUPERSEDED; EXPIRED is derived, see {@link #statusAt}. */
    @Enumerated(EnumType.STRING)
    public ProofStatus status;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason")
    public RevocationReason revocationReason;

    @Column(name = "revocation_note")
    public String revocationNote;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** A pledge's FALSE finding withdrawn on objection (V36); the revocation itself stays. */
    @Column(name = "false_finding_withdrawn_at")
    public Instant falseFindingWithdrawnAt;

    @Column(name = "superseded_by")
    public String supersededBy;

    /** Since when the document is suspended while a dispute on it is open (V37); null when not. */
    @Column(name = "suspended_at")
    public Instant suspendedAt;

    /** The open dispute that suspends it (V37). */
    @Column(name = "suspension_ref")
    public UUID suspensionRef;

    /** The last suspend or lift (V37): tells the status list to republish. */
    @Column(name = "suspension_changed_at")
    public Instant suspensionChangedAt;

    public String supersedes;

    @Column(name = "status_list_index")
    public int statusListIndex;

    /** The signed payload: RFC 8785 canonical JSON of an SD-JWT (digests, no personal data). */
    public String payload;

    /**
     * The payload's signatures, SM2-SM3 (the compact form's) first, without the payload ({@link DetachedJws}, V45):
     * the payload is stored once, and both signed forms are rebuilt from the two ({@link #jwsCompact()},
     * {@link #jwsJson()}).
     */
    @Column(name = "jws_signatures")
    public String jwsSignatures;

    /** The SD-JWT disclosures of the subject and claims, {@code ~}-joined, encrypted (see {@link ProofSigner}). */
    @Column(name = "disclosures_enc")
    public String disclosuresEnc;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "issued_by")
    public String issuedBy;

    @Version
    public int version;

    /** The compact JWS (RFC 7515 §7.1) of the payload with its SM2-SM3 signature, as signed. */
    public String jwsCompact() {
        return DetachedJws.compact(payload, jwsSignatures);
    }

    /** The general JSON serialization (RFC 7515 §7.2.1) of the payload with both signatures, as signed. */
    public String jwsJson() {
        return DetachedJws.generalJson(payload, jwsSignatures);
    }

    /** The status at {@code now}: a VALID proof past its validity is EXPIRED. */
    public ProofStatus statusAt(Instant now) {
        return ProofStatus.at(status, validUntil, now);
    }
}
