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
import org.certfree.proofs.proof.ProofStatus;

/** One verification or retrieval (append-only; the holder's access log). */
@Entity
@Table(name = "verification")
public class Verification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proof_number")
    public String proofNumber;

    @Column(name = "subject_id_index")
    public String subjectIdIndex;

    @Column(name = "issuer_dept")
    public String issuerDept;

    @Column(name = "matter_code")
    public String matterCode;

    @Column(name = "unit_code")
    public String unitCode;

    public String verifier;

    public String purpose;

    @Column(name = "service_matter")
    public String serviceMatter;

    @Enumerated(EnumType.STRING)
    public Indication indication;

    @Enumerated(EnumType.STRING)
    @Column(name = "sub_indication")
    public SubIndication subIndication;

    @Enumerated(EnumType.STRING)
    @Column(name = "proof_status")
    public ProofStatus proofStatus;

    public boolean retrieved;

    @Column(name = "consent_id")
    public UUID consentId;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    public String receipt;

    /** How the proof was presented when not in the JSON forms: {@code OFD} for an uploaded sealed OFD, else null. */
    public String presented;
}
