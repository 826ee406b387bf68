package org.certfree.proofs.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/** Who handles disputes and complaints: a REVIEWER of a department with the REVIEWER role (司法局). */
@ApplicationScoped
class JusticeBureau {

    @Inject
    DepartmentService departments;

    boolean is(Caller caller) {
        return caller.has(Role.REVIEWER) && caller.department().map(d -> departments.hasRole(d, DepartmentRole.REVIEWER))
                .orElse(false);
    }

    /** The caller's department when they are the justice bureau; 403 otherwise. */
    String require(Caller caller) {
        if (!is(caller)) {
            throw ApiException.forbidden(Messages.SUPERVISION_NOT_JUSTICE_BUREAU.formatted(caller.department().orElse("-")));
        }
        return caller.department().orElseThrow();
    }

    /** 409 when the client's version is not the stored one (null: the client did not say). */
    static void requireVersion(Integer given, int stored) {
        if (given != null && given != stored) {
            throw new ApiException(ProblemType.STALE_VERSION, Messages.SUPERVISION_STALE_VERSION.formatted(given, stored));
        }
    }
}
