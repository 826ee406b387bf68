package org.certfree.proofs.dispute;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.dispute.dto.DisputeView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/** Who sees which disputes, and how a dispute reads (OVERDUE derived from the clock and the due day). */
@ApplicationScoped
public class DisputeQueries {

    @Inject
    DepartmentService departments;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderIndex holders;

    @Inject
    Clock clock;

    @Inject
    HolderAccessLog accessLog;

    /** One dispute, for its holder, opener unit, the issuing department, the justice bureau or ADMIN. */
    @Transactional
    public DisputeView get(UUID id, Caller caller) {
        Dispute x = DisputeService.require(id);
        boolean holder = caller.has(Role.CITIZEN) && x.holderIndex.equals(holders.of(caller.subject()));
        boolean issuer = caller.has(Role.ISSUER) && caller.actsFor(x.issuerDept);
        boolean opener = caller.has(Role.VERIFIER) && x.openerUnit != null && caller.actsFor(x.openerUnit);
        if (!holder && !issuer && !opener && !supervisor(caller)) {
            throw ApiException.forbidden(Messages.DISPUTE_READ_FORBIDDEN);
        }
        if (!holder) { // the reason and the note are the holder's: whoever else reads them is in the holder's log
            accessLog.record(new HolderAccess(clock.instant(), x.holderIndex, AccessKind.DISPUTE_READ,
                    caller.department().orElse(null), caller.actor(), x.proofNumber, null, null, null,
                    Map.of("dispute", x.id.toString())));
        }
        return view(x, true);
    }

    /**
     * Disputes the caller may see, newest first: a holder their own, an ISSUER its department's, a using unit
     * those it opened, the justice bureau and ADMIN all; {@code status} OPEN, UPHELD, DISMISSED or OVERDUE.
     * Only the holder's own list carries the reason and the note: anyone else reads them one at a time
     * ({@link #get}), each read in the holder's access log.
     */
    @Transactional
    public org.certfree.proofs.common.Page<DisputeView> list(String status, PageRequest page, Caller caller) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        boolean own = false;
        if (supervisor(caller)) {
            where.add("1 = 1");
        } else if (caller.has(Role.CITIZEN)) {
            where.add("holderIndex = :holder");
            params.and("holder", holders.of(caller.subject()));
            own = true;
        } else if (caller.has(Role.ISSUER) && caller.department().isPresent()) {
            where.add("issuerDept = :dept");
            params.and("dept", caller.department().get());
        } else if (caller.has(Role.VERIFIER) && caller.department().isPresent()) {
            where.add("openerUnit = :dept");
            params.and("dept", caller.department().get());
        } else {
            throw ApiException.forbidden(Messages.DISPUTE_LIST_FORBIDDEN);
        }
        if (status != null && !status.isBlank()) {
            String s = status.trim().toUpperCase();
            if (s.equals("OVERDUE")) {
                where.add("status = :open and dueOn < :today");
                params.and("open", DisputeStatus.OPEN).and("today", today());
            } else {
                try {
                    params.and("status", DisputeStatus.valueOf(s));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badParameter("status", Messages.DISPUTE_STATUS_INVALID.formatted(status));
                }
                where.add("status = :status");
            }
        }
        var q = Dispute.<Dispute>find(String.join(" and ", where), Sort.descending("openedAt").and("id"), params);
        long total = q.count();
        boolean withText = own;
        List<DisputeView> items = q.page(Page.of(page.page(), page.size())).list().stream().map(x -> view(x, withText)).toList();
        return new org.certfree.proofs.common.Page<>(items, page.page(), page.size(), total);
    }

    private boolean supervisor(Caller caller) {
        return caller.has(Role.ADMIN)
                || caller.has(Role.REVIEWER) && departments.hasRole(caller.department().orElse(null), DepartmentRole.REVIEWER);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ControllableClock.ZONE);
    }

    /** The dispute as read; {@code withText}: with the reason and the note (decrypted). */
    DisputeView view(Dispute x, boolean withText) {
        boolean overdue = x.status == DisputeStatus.OPEN && x.dueOn.isBefore(today());
        return new DisputeView(x.id, x.proofNumber, x.documentKind, x.issuerDept, x.openerKind, x.openerUnit,
                withText ? protector.decrypt(x.reasonEnc, DisputeService.REASON) : null, x.openedAt, x.dueOn, x.dueProvisional,
                x.status, x.status.chinese(), overdue, x.outcome,
                withText && x.noteEnc != null ? protector.decrypt(x.noteEnc, DisputeService.NOTE) : null, x.decidedAt, x.decidedBy,
                x.successorNumber, x.openedJws, x.decisionJws);
    }
}
