package org.certfree.proofs.commitment;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.certfree.proofs.commitment.dto.NoticeView;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/** Notices to using units (a FALSE finding, an objection's outcome): written by the service, read by the unit's window. */
@ApplicationScoped
public class Notices {

    @Inject
    DepartmentService departments;

    @Inject
    Clock clock;

    /** A department as a notice names it: by its name (the code when unknown). */
    String departmentName(String code) {
        return departments.find(code).map(DepartmentView::name).orElse(code);
    }

    /** A notice to the unit {@code p} was made to; in the caller's transaction. */
    void create(Pledge p, PledgeNotice.Kind kind, String message) {
        PledgeNotice n = new PledgeNotice();
        n.id = UUID.randomUUID();
        n.unitCode = p.usingUnit;
        n.pledgeNumber = p.number;
        n.kind = kind;
        // the column holds 500 characters; the message quotes free text (the answer, the consequence)
        n.message = message.length() > 500 ? message.substring(0, 499) + "…" : message;
        n.createdAt = clock.instant();
        n.persist();
    }

    /** The caller's unit's notices, newest first; {@code unread}: only those nobody has read yet. */
    @Transactional
    public Page<NoticeView> list(Caller caller, boolean unread, PageRequest page) {
        String unit = unit(caller);
        var query = PledgeNotice.<PledgeNotice>find("unitCode = :unit" + (unread ? " and readAt is null" : ""),
                Sort.descending("createdAt").and("id"), Parameters.with("unit", unit));
        return new Page<>(query.page(page.page(), page.size()).list().stream().map(Notices::view).toList(), page.page(),
                page.size(), query.count());
    }

    /** Marks a notice read (the first read stays recorded). */
    @Transactional
    public NoticeView read(UUID id, Caller caller) {
        String unit = unit(caller);
        PledgeNotice n = PledgeNotice.<PledgeNotice>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound(Messages.NOTICE_NOT_FOUND.formatted(id)));
        if (!n.unitCode.equals(unit)) {
            throw ApiException.forbidden(Messages.NOTICE_FORBIDDEN);
        }
        if (n.readAt == null) {
            n.readAt = clock.instant();
            n.readBy = caller.subject();
        }
        return view(n);
    }

    private static String unit(Caller caller) {
        if (!caller.has(Role.VERIFIER) || caller.department().isEmpty()) {
            throw ApiException.forbidden(Messages.NOTICE_FORBIDDEN);
        }
        return caller.department().get();
    }

    private static NoticeView view(PledgeNotice n) {
        return new NoticeView(n.id, n.unitCode, n.pledgeNumber, n.kind.name(), n.message, n.createdAt, n.readAt, n.readBy);
    }
}
