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

    /** The length of {@code pledge_notice.message}. */
    static final int MESSAGE_MAX = 500;

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
        n.message = fit(message, MESSAGE_MAX);
        n.createdAt = clock.instant();
        n.persist();
    }

    /**
     * {@code message} within {@code max} characters (the column's VARCHAR length, counted by PostgreSQL in code
     * points): cut by code points, so a supplementary character (a surrogate pair) is never split; "…" marks a
     * cut. The message is template text and public values (a long consequence may need cutting).
     */
    static String fit(String message, int max) {
        if (message.codePointCount(0, message.length()) <= max) {
            return message;
        }
        return message.substring(0, message.offsetByCodePoints(0, max - 1)) + "…";
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

    /**
     * Marks a notice read. The first read stays recorded: a conditional update ({@code where read_at is
     * null}), so of two concurrent reads one sets it and the other changes nothing.
     */
    @Transactional
    public NoticeView read(UUID id, Caller caller) {
        String unit = unit(caller);
        PledgeNotice n = PledgeNotice.<PledgeNotice>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound(Messages.NOTICE_NOT_FOUND.formatted(id)));
        if (!n.unitCode.equals(unit)) {
            throw ApiException.forbidden(Messages.NOTICE_FORBIDDEN);
        }
        if (n.readAt == null) {
            PledgeNotice.update("readAt = ?1, readBy = ?2 where id = ?3 and readAt is null", clock.instant(), caller.subject(), id);
            PledgeNotice.getEntityManager().refresh(n);
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
