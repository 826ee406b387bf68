package org.certfree.proofs.commitment;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.commitment.dto.TemplateView;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.proof.PledgeDocuments;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Reading pledges with their access rules. In full (the document's answers and code): the holder, and
 * ISSUER staff of the matter's department or of the department asked to assist — each read by staff is in
 * the holder's access log. Masked: the using unit it was made to (VERIFIER), the justice bureau (REVIEWER)
 * and ADMIN. Everyone else: 403.
 */
@ApplicationScoped
public class PledgeQueries {

    @Inject
    PledgeDocuments documents;

    @Inject
    PledgeViews views;

    @Inject
    HolderIndex holders;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    DepartmentService departments;

    @Inject
    Templates templates;

    @Inject
    Clock clock;

    /** How much of a pledge a caller sees. */
    enum Sight {
        /** The holder. */
        HOLDER,
        /** Staff of the matter's or the assisting department: in full, logged for the holder. */
        STAFF,
        /** The using unit, the justice bureau, ADMIN: the case, the document masked. */
        MASKED
    }

    /** Whether any pledge exists (the demo data's "seeded once" test). */
    public boolean any() {
        return Pledge.count() > 0;
    }

    /** The current template of a matter on the notify-and-commit list; 404 when it is not listed now. */
    public TemplateView template(String matterCode) {
        Templates.Template t = templates.current(matterCode, clock.instant())
                .orElseThrow(() -> ApiException.notFound(Messages.PLEDGE_MATTER_NOT_LISTED.formatted(matterCode)));
        var terms = t.terms();
        return new TemplateView(t.matterCode(), t.version(), t.name(), t.department(), t.departmentName(), t.batchNumber(),
                t.effectiveSince(), t.hash(), t.text(), t.textHash(), terms.commitment().proofObligation(),
                terms.commitment().proofContent(), terms.commitment().legalLiability(), terms.checkMethod(),
                terms.checkMethod().chinese(), terms.checkWithinDays(), terms.sampleRatioPercent(), terms.assistingDepartment(),
                terms.fieldsOrEmpty());
    }

    /**
     * One pledge for a caller entitled to it; a staff read is logged for the holder with the stated purpose
     * and {@code format} (null: the record; "pdf", "qr": a rendering, which only full sights may fetch).
     */
    @Transactional
    public PledgeView read(String number, Caller caller, String purpose, String format) {
        String why = purpose == null || purpose.isBlank() ? null : purpose.trim();
        if (why != null && why.codePointCount(0, why.length()) > 200) { // checked before anything is read, as for proofs
            throw ApiException.badParameter("purpose", Messages.PURPOSE_TOO_LONG);
        }
        Pledge p = require(number);
        Sight sight = sight(p, caller);
        if (format != null && sight == Sight.MASKED) {
            throw ApiException.forbidden(Messages.PLEDGE_RENDERING_FORBIDDEN);
        }
        ProofView document = documents.document(p.number, sight != Sight.MASKED);
        if (sight == Sight.STAFF) {
            accessLog.record(new HolderAccess(clock.instant(), p.subjectIdIndex, AccessKind.PLEDGE_READ,
                    caller.department().orElse(null), caller.actor(), p.number, null, null, why,
                    format == null ? Map.of() : Map.of("format", format)));
        }
        return views.view(p, task(p), document, sight != Sight.MASKED);
    }

    /** Filters of the pledge list. */
    public record Filter(String matterCode, PledgeStatus status, String unit, String department, LocalDate from, LocalDate to) {
    }

    /**
     * The pledges the caller may list: a citizen's own; a department's (ISSUER); those made to a using unit
     * (VERIFIER); all (REVIEWER, ADMIN; {@code department} narrows). Newest first; documents masked, but for
     * the holder's own list.
     */
    @Transactional
    public Page<PledgeView> list(Caller caller, Filter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        boolean own = false;
        if (caller.has(Role.CITIZEN)) {
            where.add("subjectIdIndex = :subject");
            params.and("subject", holders.of(caller.subject()));
            own = true;
        } else if (caller.has(Role.ISSUER)) {
            where.add("departmentCode = :dept");
            params.and("dept", caller.department().orElse("-"));
        } else if (caller.has(Role.VERIFIER)) {
            where.add("usingUnit = :unit");
            params.and("unit", caller.department().orElse("-"));
        } else if (!justiceBureau(caller) && !caller.has(Role.ADMIN)) {
            throw ApiException.forbidden(Messages.FORBIDDEN_ROLE);
        }
        if (f.matterCode() != null && !f.matterCode().isBlank()) {
            where.add("matterCode = :matter");
            params.and("matter", f.matterCode().trim());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.unit() != null && !f.unit().isBlank()) {
            where.add("usingUnit = :unitFilter");
            params.and("unitFilter", f.unit().trim());
        }
        if (f.department() != null && !f.department().isBlank()) {
            where.add("departmentCode = :deptFilter");
            params.and("deptFilter", f.department().trim());
        }
        if (f.from() != null) {
            where.add("pledgedAt >= :from");
            params.and("from", f.from().atStartOfDay(ControllableClock.ZONE).toInstant());
        }
        if (f.to() != null) {
            where.add("pledgedAt < :to");
            params.and("to", f.to().plusDays(1).atStartOfDay(ControllableClock.ZONE).toInstant());
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            throw ApiException.badParameter("to", Messages.PLEDGE_PERIOD_REVERSED);
        }
        var query = Pledge.<Pledge>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.descending("pledgedAt").and("number"), params);
        long total = query.count();
        List<PledgeView> items = new ArrayList<>();
        for (Pledge p : query.page(page.page(), page.size()).list()) {
            items.add(views.view(p, task(p), documents.document(p.number, own), own));
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The pledge with this number: 400 when it is no number, 404 when there is none. */
    static Pledge require(String number) {
        String normalized = ProofNumbers.normalize(number);
        ProofNumbers.problem(normalized).ifPresent(problem -> {
            throw ApiException.badParameter("number", Messages.PROOF_NUMBER_INVALID.formatted(number, problem));
        });
        return Pledge.<Pledge>find("number", normalized).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound(Messages.PLEDGE_NOT_FOUND.formatted(normalized)));
    }

    static PledgeCheck task(Pledge p) {
        return PledgeCheck.<PledgeCheck>find("pledgeId", p.id).firstResult();
    }

    /** Whether the caller is the pledge's holder. */
    boolean isHolder(Pledge p, Caller caller) {
        return caller.has(Role.CITIZEN) && p.subjectIdIndex.equals(holders.of(caller.subject()));
    }

    /** What the caller may see of {@code p}; 403 when nothing. */
    Sight sight(Pledge p, Caller caller) {
        if (isHolder(p, caller)) {
            return Sight.HOLDER;
        }
        if (caller.has(Role.ISSUER) && (caller.actsFor(p.departmentCode) || caller.actsFor(checkingDepartment(p)))) {
            return Sight.STAFF;
        }
        if (caller.has(Role.VERIFIER) && caller.actsFor(p.usingUnit) || justiceBureau(caller) || caller.has(Role.ADMIN)) {
            return Sight.MASKED;
        }
        throw ApiException.forbidden(Messages.PLEDGE_FORBIDDEN);
    }

    /** REVIEWER staff of the justice bureau: a department that has the REVIEWER role (and is active). */
    private boolean justiceBureau(Caller caller) {
        return caller.has(Role.REVIEWER) && departments.hasRole(caller.department().orElse(null), DepartmentRole.REVIEWER);
    }

    private static String checkingDepartment(Pledge p) {
        PledgeCheck t = task(p);
        return t == null ? p.departmentCode : t.checkingDepartment;
    }

    /** Today in the city's zone. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ControllableClock.ZONE);
    }

    Instant now() {
        return clock.instant();
    }
}
