package org.certfree.proofs.supervision;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.catalog.MatterStatus;
import org.certfree.proofs.catalog.dto.MatterVersionView;
import org.certfree.proofs.catalog.dto.MatterView;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.publication.ListHistory;
import org.certfree.proofs.publication.dto.RequirementView;
import org.certfree.proofs.supervision.dto.ChangeRef;
import org.certfree.proofs.supervision.dto.DisputeCloseInput;
import org.certfree.proofs.supervision.dto.DisputeInput;
import org.certfree.proofs.supervision.dto.DisputeView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;

/**
 * Disputes on published list entries (issue #15, 2): anyone signed in opens one on a matter as it stands on
 * its list; the justice bureau dismisses it with an answer or upholds it by naming the catalogue version
 * drafted for the next batch — the link back from the matter is {@code GET /api/v1/list-disputes?matter=}.
 * A dispute on a matter of the bureau's own department is ADMIN's to close (recusal); nobody closes their own.
 * Text and answer may name people: stored encrypted, shown to the opener in lists and to the justice bureau and
 * ADMIN one dispute at a time, each such read of a citizen's dispute in their access log.
 */
@ApplicationScoped
public class ListDisputeService {

    public static final String PATH = "/api/v1/list-disputes/";
    static final String TEXT = "list_dispute.text";
    static final String ANSWER = "list_dispute.answer";

    @Inject
    ListHistory history;

    @Inject
    CatalogService catalog;

    @Inject
    JusticeBureau justice;

    @Inject
    PersonalDataProtector protector;

    @Inject
    StaffActions staffActions;

    @Inject
    Clock clock;

    @Inject
    HolderAccessLog accessLog;

    @Transactional
    public DisputeView open(DisputeInput in, Caller caller) {
        String code = in.matterCode().trim();
        Instant now = clock.instant();
        RequirementView state = history.at(code, LocalDate.ofInstant(now, clock.getZone()))
                .filter(r -> r.list() != null)
                .orElseThrow(() -> ApiException.unprocessable(Messages.DISPUTE_NOT_LISTED.formatted(code)));
        ListDispute d = new ListDispute();
        d.id = UUID.randomUUID();
        d.matterCode = code;
        d.listKind = state.list();
        d.matterVersion = state.version();
        d.batchNumber = state.versionSince().number();
        d.claim = in.claim();
        d.textEnc = protector.encrypt(in.text().trim(), TEXT);
        d.openedBy = caller.actor();
        d.openedAt = now;
        d.status = DisputeStatus.OPEN;
        d.persist();
        ListDispute.getEntityManager().flush();
        staffActions.record(caller, "list-dispute.opened", department(code), "list-dispute", d.id, "matter", code,
                "claim", d.claim);
        return view(d, true);
    }

    /**
     * The justice bureau and ADMIN: every dispute; anyone else: those of {@code matter}, or their own. The text
     * only to the opener: the bureau reads it one dispute at a time ({@link #get}, logged for the opener).
     */
    @Transactional
    public Page<DisputeView> list(String matter, DisputeStatus status, Caller caller, PageRequest page) {
        boolean bureau = justice.supervises(caller);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (matter != null) {
            where.add("matterCode = :matter");
            params.put("matter", matter);
        } else if (!bureau) {
            where.add("openedBy = :actor");
            params.put("actor", caller.actor());
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = ListDispute.<ListDispute>find(query, Sort.descending("openedAt").and("id"), params);
        long total = found.count();
        List<DisputeView> items = found.page(page.page(), page.size()).list().stream()
                .map(d -> view(d, d.openedBy.equals(caller.actor()))).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    public DisputeView get(UUID id, Caller caller) {
        ListDispute d = require(id);
        boolean own = d.openedBy.equals(caller.actor());
        if (!own && !justice.supervises(caller)) {
            throw ApiException.forbidden(Messages.DISPUTE_NOT_YOURS);
        }
        if (!own && d.openedBy.startsWith(Caller.HOLDER_ACTOR_PREFIX)) {
            // the text is the citizen's account: each read by the bureau or ADMIN is in their access log
            accessLog.record(new HolderAccess(clock.instant(), d.openedBy.substring(Caller.HOLDER_ACTOR_PREFIX.length()),
                    AccessKind.LIST_DISPUTE_READ, caller.department().orElse(null), caller.actor(), null, null, null, null,
                    Map.of("listDispute", d.id.toString(), "matter", d.matterCode)));
        }
        return view(d, true);
    }

    @Transactional
    public DisputeView close(UUID id, DisputeCloseInput in, Caller caller) {
        justice.requireSupervisor(caller);
        ListDispute d = require(id);
        justice.requireHandler(caller, department(d.matterCode), Messages.LIST_DISPUTE_OWN_DEPARTMENT.formatted(d.matterCode));
        if (d.openedBy.equals(caller.actor())) {
            throw ApiException.forbidden(Messages.LIST_DISPUTE_CLOSE_OWN);
        }
        JusticeBureau.requireVersion(in.version(), d.lockVersion);
        if (d.status != DisputeStatus.OPEN) {
            throw ApiException.conflict(Messages.LIST_DISPUTE_NOT_OPEN.formatted(d.id, d.status));
        }
        String answer = in.answer() == null || in.answer().isBlank() ? null : in.answer().trim();
        if (in.outcome() == DisputeStatus.OPEN) {
            throw ApiException.invalid("outcome", Messages.LIST_DISPUTE_OUTCOME_REQUIRED);
        }
        if (in.outcome() == DisputeStatus.DISMISSED) {
            if (answer == null) {
                throw ApiException.invalid("answer", Messages.DISPUTE_ANSWER_REQUIRED);
            }
        } else {
            ChangeRef ref = in.changeRef();
            if (ref == null || ref.matterCode() == null || ref.matterCode().isBlank() || ref.version() == null) {
                throw ApiException.invalid("changeRef", Messages.DISPUTE_CHANGE_REQUIRED);
            }
            if (!ref.matterCode().trim().equals(d.matterCode)) {
                throw ApiException.unprocessable(Messages.DISPUTE_CHANGE_OTHER_MATTER.formatted(d.matterCode, ref.matterCode().trim()));
            }
            MatterVersionView v = catalog.findVersion(d.matterCode, ref.version()).orElseThrow(() -> ApiException.unprocessable(
                    Messages.DISPUTE_CHANGE_NOT_FOUND.formatted(d.matterCode, ref.version())));
            if (v.number() <= d.matterVersion) {
                throw ApiException.unprocessable(Messages.DISPUTE_CHANGE_NOT_NEWER.formatted(d.matterVersion, v.number()));
            }
            // a rejected version will never reach a batch: it cannot be what the dispute leads to
            if (v.status() == MatterStatus.REJECTED) {
                throw ApiException.unprocessable(Messages.DISPUTE_CHANGE_REJECTED.formatted(d.matterCode, v.number()));
            }
            d.changeMatterCode = d.matterCode;
            d.changeVersion = v.number();
        }
        d.status = in.outcome();
        d.answerEnc = protector.encrypt(answer, ANSWER);
        d.closedBy = caller.subject();
        d.closedAt = clock.instant();
        ListDispute.getEntityManager().flush();
        staffActions.record(caller, "list-dispute.closed", department(d.matterCode), "list-dispute", d.id, "outcome", d.status,
                "change", d.changeVersion == null ? null : d.changeMatterCode + "/" + d.changeVersion);
        return view(d, true);
    }

    private static ListDispute require(UUID id) {
        ListDispute d = ListDispute.findById(id);
        if (d == null) {
            throw ApiException.notFound(Messages.LIST_DISPUTE_NOT_FOUND.formatted(id));
        }
        return d;
    }

    private String department(String code) {
        return catalog.find(code).map(MatterView::departmentCode).orElse(null);
    }

    private DisputeView view(ListDispute d, boolean withText) {
        return new DisputeView(d.id, d.matterCode, d.listKind, d.matterVersion, d.batchNumber, d.claim,
                withText ? protector.decrypt(d.textEnc, TEXT) : null, d.status, d.openedAt,
                withText ? protector.decrypt(d.answerEnc, ANSWER) : null,
                d.changeVersion == null ? null : new ChangeRef(d.changeMatterCode, d.changeVersion), d.closedAt, d.lockVersion);
    }
}
