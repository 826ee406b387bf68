package org.certfree.proofs.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.dto.AssistanceInput;
import org.certfree.proofs.consent.dto.AssistanceView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * 代办: who files a proof request or grants a consent in whose name. The holder themselves (not
 * assisted: the caller's usual rules apply); a service-window clerk — a VERIFIER of a using unit —
 * for a holder present in person, recording how identity was checked and the signed form's hash; or
 * an agent with their own citizen login under the holder's authorisation on file, read from
 * PostgreSQL on every call so a revocation or expiry holds at once on every replica.
 *
 * <p>Why a using unit's window and not the issuer's: the issuing department decides the request, and
 * whoever files never decides (separation of duties); at its own window an issuer issues directly.
 */
@ApplicationScoped
public class AssistedFiling {

    /** SHA-256 of zero bytes: the hash of a scan that never happened. */
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Inject
    HolderIndex holders;

    @Inject
    AgentAuthorisationService authorisations;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    Clock clock;

    /** One assisted filing as it is stored with the request or consent. */
    public record Act(AssistedKind kind, String by, String unit, IdentityCheck identityCheck, String evidenceSha256,
            UUID authorisationId, AgentRelationship relationship) {

        /** As the holder and the staff concerned see it (an agent is named by their authorisation, not an index). */
        public AssistanceView view() {
            return new AssistanceView(kind, kind == AssistedKind.WINDOW ? by : null, unit, identityCheck, evidenceSha256,
                    authorisationId);
        }

        /** The view of a stored row's columns; null when the row was not assisted. */
        public static AssistanceView view(AssistedKind kind, String by, String unit, IdentityCheck identityCheck,
                String evidenceSha256, UUID authorisationId) {
            return kind == null ? null : new Act(kind, by, unit, identityCheck, evidenceSha256, authorisationId, null).view();
        }
    }

    /** The holder an assisted filing is for (normalized resident ID and blind index) and how it was assisted. */
    public record Filer(String holderId, String holderIndex, Act act) {
    }

    /**
     * Who the caller files for. Empty when the call is not assisted — neither {@code onBehalfOf} nor
     * {@code assistance}, or {@code onBehalfOf} is the caller themselves — so the existing rules apply.
     * {@code impliedHolder} is the holder's identifier the body already names (a request's subject),
     * or null. Throws 400 on bad input and 403 when the caller may not act for the holder.
     */
    public Optional<Filer> filer(Caller caller, String onBehalfOf, AssistanceInput assistance, AgentScope scope,
            String impliedHolder) {
        if (assistance != null) {
            if (!caller.has(Role.VERIFIER)) {
                throw ApiException.forbidden(Messages.ASSIST_ONLY_AT_WINDOW);
            }
            String unit = authorisations.windowUnit(caller);
            String holder = onBehalfOf != null ? residentId(onBehalfOf, "onBehalfOf") : impliedHolder;
            if (holder == null) {
                throw ApiException.invalid("onBehalfOf", Messages.ASSIST_HOLDER_REQUIRED);
            }
            String evidence = evidence(assistance, "assistance.formSha256");
            return Optional.of(new Filer(holder, holders.of(holder), new Act(AssistedKind.WINDOW, caller.subject(), unit,
                    assistance.identityCheck(), evidence, null, null)));
        }
        if (onBehalfOf == null) {
            return Optional.empty();
        }
        if (!caller.has(Role.CITIZEN)) {
            throw ApiException.invalid("assistance", Messages.ASSIST_REQUIRED);
        }
        String holder = residentId(onBehalfOf, "onBehalfOf");
        if (holder.equals(ResidentId.normalize(caller.subject()))) {
            return Optional.empty();
        }
        String holderIndex = holders.of(holder);
        String agentIndex = holders.of(caller.subject());
        AgentAuthorisation a = authorisations.authorising(holderIndex, agentIndex, scope, ResidentId.mask(holder));
        return Optional.of(new Filer(holder, holderIndex, new Act(AssistedKind.AGENT, caller.actor(), null,
                a.identityCheck, a.evidenceSha256, a.id, a.relationship)));
    }

    /**
     * Puts an assisted filing in the holder's access log ({@link HolderAccessLog}, in the caller's
     * transaction): who, which unit, how identity was checked, the evidence hash, and {@code more}
     * (key, value pairs; null values left out) — never personal data.
     */
    public void recordAccess(Filer filer, AccessKind kind, String proofNumber, UUID requestId, UUID consentId, String purpose,
            Object... more) {
        Act act = filer.act();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("assisted", act.kind().name());
        details.put("identityCheck", act.identityCheck().name());
        details.put("evidenceSha256", act.evidenceSha256());
        if (act.authorisationId() != null) {
            details.put("authorisation", act.authorisationId().toString());
            details.put("relationship", act.relationship().name());
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            if (more[i + 1] != null) {
                details.put(String.valueOf(more[i]), String.valueOf(more[i + 1]));
            }
        }
        accessLog.record(new HolderAccess(clock.instant(), filer.holderIndex(), kind, act.unit(), act.by(), proofNumber,
                requestId, consentId, purpose, details));
    }

    /** A resident ID given as {@code field}, normalized; 400 when it is not one. */
    static String residentId(String value, String field) {
        String id = ResidentId.normalize(value);
        ResidentId.problem(id).ifPresent(p -> {
            throw ApiException.invalid(field, Messages.ON_BEHALF_OF_INVALID.formatted(p));
        });
        return id;
    }

    /** The form's hash in lower case; 400 for the hash of an empty file (Bean Validation checked the shape). */
    static String evidence(AssistanceInput assistance, String field) {
        String hash = assistance.formSha256().toLowerCase(Locale.ROOT);
        if (hash.equals(EMPTY_SHA256)) {
            throw ApiException.invalid(field, Messages.ASSIST_FORM_EMPTY);
        }
        return hash;
    }
}
