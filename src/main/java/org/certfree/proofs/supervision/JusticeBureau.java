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

/**
 * Who handles disputes and complaints: a REVIEWER of a department with the REVIEWER role (司法局), except on
 * a matter of its own department (recusal), which ADMIN handles instead. Both read everything.
 */
@ApplicationScoped
class JusticeBureau {

    @Inject
    DepartmentService departments;

    boolean is(Caller caller) {
        return caller.has(Role.REVIEWER) && caller.department().map(d -> departments.hasRole(d, DepartmentRole.REVIEWER))
                .orElse(false);
    }

    /** The justice bureau or ADMIN: they read every complaint and list dispute. */
    boolean supervises(Caller caller) {
        return is(caller) || caller.has(Role.ADMIN);
    }

    /** 403 unless {@link #supervises}. */
    void requireSupervisor(Caller caller) {
        if (!supervises(caller)) {
            throw ApiException.forbidden(Messages.SUPERVISION_NOT_JUSTICE_BUREAU.formatted(caller.department().orElse("-")));
        }
    }

    /**
     * 403 unless the caller may handle a case concerning {@code department} (the unit complained about, the
     * disputed matter's department): nobody handles one of their own department ({@code recused}, the message
     * when they try); the justice bureau handles the others; ADMIN handles those the bureau must not, i.e. the
     * ones concerning a justice bureau (a REVIEWER department).
     */
    void requireHandler(Caller caller, String department, String recused) {
        if (!supervises(caller)) {
            throw ApiException.forbidden(Messages.SUPERVISION_NOT_JUSTICE_BUREAU.formatted(caller.department().orElse("-")));
        }
        if (caller.actsFor(department)) {
            throw ApiException.forbidden(recused);
        }
        // ADMIN (not the bureau): only where the bureau is recused
        if (!is(caller) && !departments.hasRole(department, DepartmentRole.REVIEWER)) {
            throw ApiException.forbidden(Messages.SUPERVISION_ADMIN_NOT_RECUSED);
        }
    }

    /** 409 when the client's version is not the stored one (null: the client did not say). */
    static void requireVersion(Integer given, int stored) {
        if (given != null && given != stored) {
            throw new ApiException(ProblemType.STALE_VERSION, Messages.SUPERVISION_STALE_VERSION.formatted(given, stored));
        }
    }
}
