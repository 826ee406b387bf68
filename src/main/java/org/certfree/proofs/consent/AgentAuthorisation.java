package org.certfree.proofs.consent;

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

/**
 * A holder's authorisation of an agent (a family member) to act in their name, put on file at a
 * service window. Holder and agent by blind index and masked copies only; the signed form by its hash.
 */
@Entity
@Table(name = "agent_authorisation")
public class AgentAuthorisation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "holder_id_index")
    public String holderIdIndex;

    @Column(name = "holder_name_masked")
    public String holderNameMasked;

    @Column(name = "holder_id_masked")
    public String holderIdMasked;

    @Column(name = "agent_id_index")
    public String agentIdIndex;

    @Column(name = "agent_name_masked")
    public String agentNameMasked;

    @Column(name = "agent_id_masked")
    public String agentIdMasked;

    @Enumerated(EnumType.STRING)
    public AgentRelationship relationship;

    @Enumerated(EnumType.STRING)
    public AuthorisationBasis basis;

    @Column(name = "covers_requests")
    public boolean coversRequests;

    @Column(name = "covers_consents")
    public boolean coversConsents;

    @Enumerated(EnumType.STRING)
    @Column(name = "identity_check")
    public IdentityCheck identityCheck;

    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "filed_unit")
    public String filedUnit;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** {@code holder} when the holder revoked it themselves, else the clerk's staff id. */
    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_unit")
    public String revokedUnit;

    @Version
    public int version;

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(validUntil);
    }

    public boolean covers(AgentScope scope) {
        return scope == AgentScope.REQUESTS ? coversRequests : coversConsents;
    }
}
