package org.certfree.proofs.consent;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.Masking;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.dto.AgentAuthorisationInput;
import org.certfree.proofs.consent.dto.AgentAuthorisationView;
import org.certfree.proofs.consent.dto.AssistedRevocationInput;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Agent authorisations (代办授权): put on file by a window clerk from the form the holder signed,
 * listed by the holder and the agent, revoked by the holder (or by a window for a holder present in
 * person), and checked on every agent action straight from PostgreSQL.
 */
@ApplicationScoped
public class AgentAuthorisationService {

    public static final String PATH = "/api/v1/agent-authorisations/";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ControllableClock.ZONE);

    /** How a holder who revoked their authorisation themselves is recorded. */
    static final String BY_HOLDER = "holder";

    @Inject
    HolderIndex holders;

    @Inject
    DepartmentService departments;

    @Inject
    StaffActions staffActions;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** A window clerk (VERIFIER of a using unit) puts the holder's authorisation of an agent on file. */
    @Transactional
    public AgentAuthorisationView file(AgentAuthorisationInput in, Caller caller) {
        String unit = windowUnit(caller);
        String holderId = ResidentId.normalize(in.holder().id());
        String agentId = ResidentId.normalize(in.agent().id());
        if (holderId.equals(agentId)) {
            throw ApiException.invalid("agent.id", Messages.AGENT_IS_HOLDER);
        }
        String evidence = AssistedFiling.evidence(in.assistance(), "assistance.formSha256");
        String holderIndex = holders.of(holderId);
        String agentIndex = holders.of(agentId);
        Instant now = clock.instant();
        // one active authorisation per holder and agent: filings for the pair queue here, so two clerks
        // filing at once cannot both find none
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "agent-authorisation:" + holderIndex + ":" + agentIndex).getSingleResult();
        for (AgentAuthorisation existing : between(holderIndex, agentIndex)) {
            if (existing.activeAt(now)) {
                throw ApiException.duplicate(Messages.AGENT_AUTHORISATION_EXISTS, PATH + existing.id);
            }
        }
        AgentAuthorisation a = new AgentAuthorisation();
        a.id = UUID.randomUUID();
        a.holderIdIndex = holderIndex;
        a.holderNameMasked = Masking.personName(in.holder().name().trim());
        a.holderIdMasked = ResidentId.mask(holderId);
        a.agentIdIndex = agentIndex;
        a.agentNameMasked = Masking.personName(in.agent().name().trim());
        a.agentIdMasked = ResidentId.mask(agentId);
        a.relationship = in.relationship();
        a.basis = in.basis();
        a.coversRequests = in.covers().contains(AgentScope.REQUESTS);
        a.coversConsents = in.covers().contains(AgentScope.CONSENTS);
        a.identityCheck = in.assistance().identityCheck();
        a.evidenceSha256 = evidence;
        a.filedBy = caller.subject();
        a.filedUnit = unit;
        a.filedAt = now;
        a.validUntil = in.validUntil();
        a.persist();
        String covers = String.join(",", covers(a).stream().map(Enum::name).toList());
        staffActions.record(caller, "agent-authorisation.filed", unit, "agent-authorisation", a.id, "relationship",
                a.relationship, "basis", a.basis, "covers", covers, "validUntil", a.validUntil, "identityCheck",
                a.identityCheck, "evidenceSha256", a.evidenceSha256);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("authorisation", a.id.toString());
        details.put("relationship", a.relationship.name());
        details.put("basis", a.basis.name());
        details.put("covers", covers);
        details.put("validUntil", a.validUntil.toString());
        details.put("identityCheck", a.identityCheck.name());
        details.put("evidenceSha256", a.evidenceSha256);
        accessLog.record(new HolderAccess(now, holderIndex, AccessKind.AGENT_AUTHORISED, unit, caller.subject(), null, null,
                null, null, details));
        return view(a, now);
    }

    /**
     * Citizens see the authorisations they gave (as holder) and those they hold (as agent); a window
     * sees those its unit put on file.
     */
    public List<AgentAuthorisationView> list(Caller caller) {
        Instant now = clock.instant();
        List<AgentAuthorisation> found;
        if (caller.has(Role.CITIZEN)) {
            String me = holders.of(caller.subject());
            found = AgentAuthorisation.list("holderIdIndex = ?1 or agentIdIndex = ?1", Sort.descending("filedAt").and("id"), me);
        } else {
            found = AgentAuthorisation.list("filedUnit", Sort.descending("filedAt").and("id"), caller.department().orElse("-"));
        }
        return found.stream().map(a -> view(a, now)).toList();
    }

    /** One authorisation for its holder, its agent or the unit that filed it; 404 for anyone else. */
    public AgentAuthorisationView read(UUID id, Caller caller) {
        AgentAuthorisation a = AgentAuthorisation.findById(id);
        boolean entitled = a != null && (caller.has(Role.CITIZEN)
                ? a.holderIdIndex.equals(holders.of(caller.subject())) || a.agentIdIndex.equals(holders.of(caller.subject()))
                : caller.has(Role.VERIFIER) && caller.actsFor(a.filedUnit));
        if (!entitled) {
            throw ApiException.notFound(Messages.AGENT_AUTHORISATION_NOT_FOUND.formatted(id));
        }
        return view(a, clock.instant());
    }

    /**
     * The holder revokes their authorisation ({@code window} null), or a window clerk revokes it for
     * the holder present in person ({@code window}: the holder's ID and the identity check). Revoking
     * again keeps the first revocation. Anyone else, the agent included, gets 404.
     */
    @Transactional
    public AgentAuthorisationView revoke(UUID id, AssistedRevocationInput window, Caller caller) {
        AgentAuthorisation a = AgentAuthorisation.findById(id);
        Instant now = clock.instant();
        if (window == null) {
            if (!caller.has(Role.CITIZEN)) {
                throw ApiException.forbidden(Messages.FORBIDDEN_ROLE);
            }
            if (a == null || !a.holderIdIndex.equals(holders.of(caller.subject()))) {
                throw ApiException.notFound(Messages.AGENT_AUTHORISATION_NOT_FOUND.formatted(id));
            }
            if (a.revokedAt == null) {
                a.revokedAt = now;
                a.revokedBy = BY_HOLDER;
                staffActions.record(caller, "agent-authorisation.revoked", a.filedUnit, "agent-authorisation", a.id);
            }
            return view(a, now);
        }
        String unit = windowUnit(caller);
        String holderId = AssistedFiling.residentId(window.onBehalfOf(), "onBehalfOf");
        String evidence = AssistedFiling.evidence(window.assistance(), "assistance.formSha256");
        if (a == null || !a.holderIdIndex.equals(holders.of(holderId))) {
            throw ApiException.notFound(Messages.AGENT_AUTHORISATION_NOT_FOUND.formatted(id));
        }
        if (a.revokedAt == null) {
            a.revokedAt = now;
            a.revokedBy = caller.subject();
            a.revokedUnit = unit;
            staffActions.record(caller, "agent-authorisation.revoked", unit, "agent-authorisation", a.id, "identityCheck",
                    window.assistance().identityCheck(), "evidenceSha256", evidence);
            accessLog.record(new HolderAccess(now, a.holderIdIndex, AccessKind.AGENT_AUTHORISATION_REVOKED, unit,
                    caller.subject(), null, null, null, null, Map.of("authorisation", a.id.toString(), "identityCheck",
                            window.assistance().identityCheck().name(), "evidenceSha256", evidence)));
        }
        return view(a, now);
    }

    /**
     * The authorisation under which the agent may act for the holder in {@code scope} now, read from
     * the database; otherwise 403 saying why (none, not covering it, revoked, expired).
     */
    AgentAuthorisation authorising(String holderIndex, String agentIndex, AgentScope scope, String maskedHolderId) {
        Instant now = clock.instant();
        List<AgentAuthorisation> all = between(holderIndex, agentIndex);
        AgentAuthorisation activeOther = null;
        for (AgentAuthorisation a : all) {
            if (a.activeAt(now)) {
                if (a.covers(scope)) {
                    return a;
                }
                activeOther = a;
            }
        }
        if (activeOther != null) {
            throw ApiException.forbidden(Messages.AGENT_NOT_COVERED.formatted(activeOther.id, scope.chinese()));
        }
        if (!all.isEmpty()) {
            AgentAuthorisation latest = all.get(0);
            throw ApiException.forbidden(latest.revokedAt != null
                    ? Messages.AGENT_AUTHORISATION_REVOKED.formatted(latest.id, MINUTE.format(latest.revokedAt))
                    : Messages.AGENT_AUTHORISATION_EXPIRED.formatted(latest.id, MINUTE.format(latest.validUntil)));
        }
        throw ApiException.forbidden(Messages.AGENT_NOT_AUTHORISED.formatted(maskedHolderId));
    }

    /** Every authorisation of the holder for the agent, newest first. */
    private static List<AgentAuthorisation> between(String holderIndex, String agentIndex) {
        return AgentAuthorisation.list("holderIdIndex = ?1 and agentIdIndex = ?2", Sort.descending("filedAt").and("id"),
                holderIndex, agentIndex);
    }

    /** The unit of a window clerk: the caller's, which must be a using unit (else 403). */
    String windowUnit(Caller caller) {
        String unit = caller.department().orElseThrow(() -> ApiException.forbidden(Messages.FORBIDDEN_ROLE));
        if (!departments.hasRole(unit, DepartmentRole.USING_UNIT)) {
            throw ApiException.forbidden(Messages.ASSIST_UNIT_REQUIRED.formatted(unit));
        }
        return unit;
    }

    private static List<AgentScope> covers(AgentAuthorisation a) {
        List<AgentScope> covers = new ArrayList<>();
        if (a.coversRequests) {
            covers.add(AgentScope.REQUESTS);
        }
        if (a.coversConsents) {
            covers.add(AgentScope.CONSENTS);
        }
        return covers;
    }

    private static AgentAuthorisationView view(AgentAuthorisation a, Instant now) {
        return new AgentAuthorisationView(a.id, a.holderNameMasked, a.holderIdMasked, a.agentNameMasked, a.agentIdMasked,
                a.relationship, a.basis, covers(a), a.identityCheck, a.evidenceSha256, a.filedBy, a.filedUnit, a.filedAt,
                a.validUntil, a.revokedAt, a.revokedUnit, a.activeAt(now));
    }
}
