package org.certfree.proofs.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.stream.Stream;
import org.certfree.proofs.catalog.dto.MatterVersionView;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.security.Caller;

/** Review by the justice bureau (a department with the REVIEWER role): submitted versions are approved or rejected. */
@ApplicationScoped
public class MatterReviewService {

    @Inject
    StaffActions staffActions;

    @Inject
    CatalogService catalog;

    @Inject
    DepartmentService departments;

    @Transactional
    public MatterVersionView approve(Caller reviewer, String code, int number, String comment, Integer lock, Instant at) {
        return decide(reviewer, code, number, lock, MatterStatus.APPROVED, comment, at);
    }

    @Transactional
    public MatterVersionView reject(Caller reviewer, String code, int number, String reason, Integer lock, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", Messages.MATTER_REJECT_REASON_REQUIRED);
        }
        return decide(reviewer, code, number, lock, MatterStatus.REJECTED, reason, at);
    }

    private MatterVersionView decide(Caller reviewer, String code, int number, Integer lock, MatterStatus outcome,
            String comment, Instant at) {
        String department = departments.requireRole(reviewer.department().orElse(null), DepartmentRole.REVIEWER,
                Messages.MATTER_NOT_REVIEWER);
        ProofMatter m = catalog.requireMatter(code);
        MatterVersion v = catalog.requireVersion(code, number);
        // four eyes: whoever drafted or submitted the version never decides on it
        if (Stream.of(v.createdBy, v.submittedBy).anyMatch(reviewer.subject()::equals)) {
            throw ApiException.forbidden(Messages.MATTER_FOUR_EYES.formatted(code, number));
        }
        MatterEditService.checkLock(v, lock);
        if (v.status != MatterStatus.SUBMITTED) {
            throw ApiException.conflict(Messages.MATTER_NOT_SUBMITTED.formatted(code, number, v.status,
                    outcome == MatterStatus.APPROVED ? Messages.MATTER_ACTION_APPROVE : Messages.MATTER_ACTION_REJECT));
        }
        v.status = outcome;
        v.reviewComment = comment == null || comment.isBlank() ? null : comment.trim();
        v.reviewedBy = reviewer.subject();
        v.reviewerDepartment = department;
        v.reviewedAt = at;
        staffActions.record(reviewer, outcome == MatterStatus.APPROVED ? "matter.approved" : "matter.rejected",
                m.departmentCode, "matter", m.code, "version", v.number);
        return catalog.save(m, v, reviewer.subject(), at);
    }
}
