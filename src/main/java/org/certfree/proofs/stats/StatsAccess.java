package org.certfree.proofs.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/** Who sees which figures: the justice bureau (a REVIEWER of a REVIEWER department) and ADMIN all, an ISSUER its own. */
@ApplicationScoped
public class StatsAccess {

    @Inject
    DepartmentService departments;

    /** True for ADMIN and for a reviewer of the justice bureau. */
    public boolean supervisor(Caller caller) {
        return caller.has(Role.ADMIN) || caller.has(Role.REVIEWER)
                && departments.hasRole(caller.department().orElse(null), DepartmentRole.REVIEWER);
    }

    /** 403 unless {@link #supervisor}. */
    public void requireSupervisor(Caller caller) {
        if (!supervisor(caller)) {
            throw ApiException.forbidden(Messages.STATS_JUSTICE_ONLY);
        }
    }

    /**
     * The department whose figures the caller asked for (null: all) once allowed: a supervisor any, an ISSUER
     * only its own (its own when none is named); 404 for an unknown department, 403 otherwise.
     */
    public String scope(Caller caller, String department) {
        String wanted = department == null || department.isBlank() ? null : department.trim();
        if (wanted != null && departments.find(wanted).isEmpty()) {
            throw ApiException.notFound(Messages.STATS_UNKNOWN_DEPARTMENT.formatted(wanted));
        }
        if (supervisor(caller)) {
            return wanted;
        }
        if (caller.has(Role.ISSUER) && caller.department().isPresent()) {
            String own = caller.department().get();
            if (wanted != null && !wanted.equals(own)) {
                throw ApiException.forbidden(Messages.STATS_OWN_DEPARTMENT_ONLY);
            }
            return own;
        }
        throw ApiException.forbidden(Messages.STATS_JUSTICE_ONLY);
    }
}
