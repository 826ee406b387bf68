package org.certfree.proofs.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.certfree.proofs.commitment.dto.CheckView;
import org.certfree.proofs.commitment.dto.Evidence;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Reading check tasks: ISSUER staff see the tasks their department reviews (the matter's) or checks (协查);
 * the justice bureau (REVIEWER staff of a department with the REVIEWER role) and ADMIN see all; everyone else
 * 403. The findings text, the evidence list and the review comment are decrypted only for staff of the two
 * departments.
 */
@ApplicationScoped
public class CheckQueries {

    /** Encryption purpose of a check's findings text (keys stored data: never change it). */
    static final String FINDINGS = "commitment.check.findings";

    /** Encryption purpose of a check's evidence list, a JSON array (keys stored data: never change it). */
    static final String EVIDENCE = "commitment.check.evidence";

    /** Encryption purpose of a reviewer's comment (keys stored data: never change it). */
    static final String REVIEW_COMMENT = "commitment.check.review-comment";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Evidence>> EVIDENCE_LIST = new TypeReference<>() {
    };

    /** The {@code status} filter: a stored state, or OVERDUE (past due, not closed). */
    static final String OVERDUE = "OVERDUE";

    @Inject
    PersonalDataProtector protector;

    @Inject
    DepartmentService departments;

    @Inject
    Clock clock;

    /** Filters of the task list; {@code status} is a {@link CheckStatus} name or OVERDUE. */
    public record Filter(String status, String matterCode, String department, CheckResult result) {
    }

    /**
     * The tasks the caller may list, most urgent first: due date ascending (then creation), so the
     * overdue and nearly due come on top of a work queue.
     */
    @Transactional
    public Page<CheckView> list(Caller caller, Filter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caller.has(Role.ISSUER)) {
            where.add("(departmentCode = :dept or checkingDepartment = :dept)");
            params.and("dept", caller.department().orElse("-"));
        } else if (!justiceBureau(caller) && !caller.has(Role.ADMIN)) {
            throw ApiException.forbidden(Messages.CHECK_LIST_FORBIDDEN);
        }
        if (f.status() != null && !f.status().isBlank()) {
            String s = f.status().trim().toUpperCase();
            if (OVERDUE.equals(s)) {
                where.add("dueDate < :today and status <> :closed");
                params.and("today", today()).and("closed", CheckStatus.CLOSED);
            } else {
                where.add("status = :status");
                params.and("status", parseStatus(s));
            }
        }
        if (f.matterCode() != null && !f.matterCode().isBlank()) {
            where.add("matterCode = :matter");
            params.and("matter", f.matterCode().trim());
        }
        if (f.department() != null && !f.department().isBlank()) {
            where.add("(departmentCode = :deptFilter or checkingDepartment = :deptFilter)");
            params.and("deptFilter", f.department().trim());
        }
        if (f.result() != null) {
            where.add("result = :result");
            params.and("result", f.result());
        }
        var query = PledgeCheck.<PledgeCheck>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.ascending("dueDate").and("createdAt").and("id"), params);
        long total = query.count();
        List<PledgeCheck> tasks = query.page(page.page(), page.size()).list();
        Map<UUID, Pledge> pledges = tasks.isEmpty() ? Map.of()
                : Pledge.<Pledge>list("id in ?1", tasks.stream().map(t -> t.pledgeId).toList()).stream()
                        .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<CheckView> items = tasks.stream().map(t -> view(t, pledges.get(t.pledgeId), caller)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** One task for a caller entitled to it. */
    @Transactional
    public CheckView read(UUID id, Caller caller) {
        PledgeCheck t = require(id);
        if (!mayRead(t, caller)) {
            throw ApiException.forbidden(Messages.CHECK_LIST_FORBIDDEN);
        }
        return view(t, Pledge.findById(t.pledgeId), caller);
    }

    static PledgeCheck require(UUID id) {
        return PledgeCheck.<PledgeCheck>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound(Messages.CHECK_NOT_FOUND.formatted(id)));
    }

    private boolean mayRead(PledgeCheck t, Caller caller) {
        return isStaff(t, caller) || justiceBureau(caller) || caller.has(Role.ADMIN);
    }

    /** REVIEWER staff of the justice bureau: a department that has the REVIEWER role (and is active). */
    boolean justiceBureau(Caller caller) {
        return caller.has(Role.REVIEWER) && departments.hasRole(caller.department().orElse(null), DepartmentRole.REVIEWER);
    }

    /** ISSUER staff of the matter's or the checking department: the ones who see findings in clear. */
    static boolean isStaff(PledgeCheck t, Caller caller) {
        return caller.has(Role.ISSUER) && (caller.actsFor(t.departmentCode) || caller.actsFor(t.checkingDepartment));
    }

    private static CheckStatus parseStatus(String s) {
        try {
            return CheckStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("status", Messages.CHECK_STATUS_INVALID.formatted(s));
        }
    }

    CheckView view(PledgeCheck t, Pledge p, Caller caller) {
        boolean clear = isStaff(t, caller);
        boolean overdue = t.status != CheckStatus.CLOSED && t.dueDate.isBefore(today());
        return new CheckView(t.id, t.status, t.status.chinese(), overdue, t.pledgeNumber, p.status, t.matterCode, p.matterName,
                t.departmentCode, t.checkingDepartment, t.method, t.method.chinese(), p.usingUnit, p.subjectNameMasked,
                t.createdAt, t.dueDate, t.dueDateProvisional, t.assignee, t.assignedBy, t.assignedAt, t.result,
                t.result == null ? null : t.result.chinese(), clear ? protector.decrypt(t.findingsEnc, FINDINGS) : null,
                clear ? evidence(t) : null, t.recordedBy, t.recordedAt, t.reviewedBy, t.reviewedAt,
                clear ? protector.decrypt(t.reviewCommentEnc, REVIEW_COMMENT) : null, t.closedAt, t.version,
                new CheckView.Links(PledgeService.CHECKS_PATH + t.id, PledgeService.PATH + t.pledgeNumber));
    }

    /** The evidence list, encrypted as a JSON array (the names may name people); null for none. */
    String sealEvidence(List<Evidence> evidence) {
        if (evidence == null) {
            return null;
        }
        try {
            return protector.encrypt(JSON.writeValueAsString(evidence), EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence list not serialisable", e);
        }
    }

    /** The task's evidence list in clear (for staff of the two departments); null when none was recorded. */
    List<Evidence> evidence(PledgeCheck t) {
        String json = protector.decrypt(t.evidenceEnc, EVIDENCE);
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, EVIDENCE_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence list unreadable", e);
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ControllableClock.ZONE);
    }
}
