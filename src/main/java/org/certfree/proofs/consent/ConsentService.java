package org.certfree.proofs.consent;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.dto.ConsentInput;
import org.certfree.proofs.consent.dto.ConsentView;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.publication.PublishedLists;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/** Holders' consents to retrieval ("调取") by using units. */
@ApplicationScoped
public class ConsentService {

    @Inject
    StaffActions staffActions;

    public static final String PATH = "/api/v1/consents/";

    @Inject
    DepartmentService departments;

    @Inject
    HolderIndex holders;

    @Inject
    PublishedLists lists;

    @Inject
    Clock clock;

    @Inject
    AssistedFiling assisted;

    /**
     * The holder grants a consent, or someone grants it in their name (代办): their authorised agent, or
     * a window clerk of the unit the consent is for. Either way it is the holder's consent, listed and
     * revoked by them like one they granted; an assisted grant is in the holder's access log.
     */
    @Transactional
    public ConsentView grant(ConsentInput in, Caller caller) {
        AssistedFiling.Filer filer = assisted.filer(caller, in.onBehalfOf(), in.assistance(), AgentScope.CONSENTS, null)
                .orElse(null);
        if (filer == null && !caller.has(Role.CITIZEN)) {
            throw ApiException.forbidden(Messages.UNIT_CONSENT_NEEDS_ASSISTANCE);
        }
        if (filer != null && filer.act().kind() == AssistedKind.WINDOW && !filer.act().unit().equals(in.unit())) {
            // a clerk records the consent of the holder in front of them to their own unit, never to another
            throw ApiException.forbidden(Messages.ASSIST_CONSENT_OWN_UNIT.formatted(filer.act().unit(), in.unit()));
        }
        if (!departments.hasRole(in.unit(), DepartmentRole.USING_UNIT)) {
            throw ApiException.invalid("unit", Messages.NOT_A_USING_UNIT.formatted(in.unit()));
        }
        if (!lists.retained(in.matterCode().trim(), clock.instant())) {
            throw ApiException.invalid("matterCode", Messages.CONSENT_MATTER_UNKNOWN.formatted(in.matterCode().trim()));
        }
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.subjectIdIndex = filer != null ? filer.holderIndex() : holders.of(caller.subject());
        c.unitCode = in.unit();
        c.matterCode = in.matterCode().trim();
        c.purpose = in.purpose().trim();
        c.grantedAt = clock.instant();
        c.expiresAt = in.expiresAt();
        c.disclose = in.disclose() == null ? null : List.copyOf(new LinkedHashSet<>(in.disclose()));
        if (filer != null) {
            AssistedFiling.Act act = filer.act();
            c.assistedKind = act.kind();
            c.assistedBy = act.by();
            c.assistedUnit = act.unit();
            c.identityCheck = act.identityCheck();
            c.evidenceSha256 = act.evidenceSha256();
            c.authorisationId = act.authorisationId();
        }
        c.persist();
        staffActions.record(caller, "consent.granted", c.unitCode, "consent", c.id, "matter", c.matterCode,
                "expiresAt", c.expiresAt, "assisted", c.assistedKind, "authorisation", c.authorisationId);
        if (filer != null) {
            assisted.recordAccess(filer, AccessKind.ASSISTED_CONSENT, null, null, c.id, c.purpose, "consentUnit", c.unitCode,
                    "matter", c.matterCode, "expiresAt", c.expiresAt);
        }
        return ConsentView.of(c, clock.instant());
    }

    @Transactional
    public ConsentView revoke(UUID id, Caller caller) {
        Consent c = Consent.findById(id);
        if (c == null || !c.subjectIdIndex.equals(holders.of(caller.subject()))) {
            throw ApiException.notFound(Messages.CONSENT_NOT_FOUND.formatted(id));
        }
        if (c.revokedAt == null) {
            c.revokedAt = clock.instant();
            staffActions.record(caller, "consent.revoked", c.unitCode, "consent", c.id, "matter", c.matterCode);
        }
        return ConsentView.of(c, clock.instant());
    }

    /** A citizen's own consents, or those granted to the caller's unit. */
    public List<ConsentView> list(Caller caller) {
        Instant now = clock.instant();
        List<Consent> found = caller.has(Role.CITIZEN)
                ? Consent.list("subjectIdIndex", Sort.descending("grantedAt"), holders.of(caller.subject()))
                : Consent.list("unitCode", Sort.descending("grantedAt"), caller.department().orElse("-"));
        return found.stream().map(c -> ConsentView.of(c, now)).toList();
    }

    /**
     * The holder's active consents for this unit and matter. Each is for one purpose, and only that
     * purpose may retrieve (the caller picks).
     */
    public List<ConsentView> active(String subjectIdIndex, String unit, String matterCode) {
        Instant now = clock.instant();
        return Consent.<Consent>list("subjectIdIndex = ?1 and unitCode = ?2 and matterCode = ?3 and revokedAt is null",
                subjectIdIndex, unit, matterCode).stream().filter(c -> c.activeAt(now)).map(c -> ConsentView.of(c, now)).toList();
    }
}
