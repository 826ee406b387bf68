package org.certfree.proofs.system.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: roles, the department the token is scoped to ({@code dept} claim) and the subject. */
@RequestScoped
public class Caller {

    public static final String DEPT_CLAIM = "dept";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public boolean has(Role role) {
        return identity.hasRole(role.name());
    }

    public Set<Role> roles() {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (has(r)) {
                roles.add(r);
            }
        }
        return roles;
    }

    /** The department the token is scoped to, if any. */
    public Optional<String> department() {
        if (anonymous() || jwt == null) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(DEPT_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
    }

    /** The token's subject: a staff user id, or for CITIZEN the resident ID / USCC. */
    public String subject() {
        return anonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** Whether the token is scoped to {@code departmentCode}: the one "same department" test of every feature. */
    public boolean actsFor(String departmentCode) {
        return departmentCode != null && department().filter(departmentCode::equals).isPresent();
    }

    /** Throws 403 unless the token is scoped to {@code departmentCode} (see {@link #actsFor}). */
    public void requireDepartment(String departmentCode) {
        if (!actsFor(departmentCode)) {
            throw ApiException.forbidden(Messages.FORBIDDEN_DEPARTMENT.formatted(department().orElse("-"), departmentCode));
        }
    }

    /**
     * A caller that is not a request: the service acting for a named staff user or citizen of its own
     * accord (demo data, scheduled work), with exactly the given roles and department. Not a CDI bean.
     */
    public static Caller acting(String subject, String department, Role... roles) {
        Set<Role> granted = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(java.util.Arrays.asList(roles));
        return new Caller() {
            @Override
            public boolean anonymous() {
                return false;
            }

            @Override
            public boolean has(Role role) {
                return granted.contains(role);
            }

            @Override
            public Optional<String> department() {
                return Optional.ofNullable(department);
            }

            @Override
            public String subject() {
                return subject;
            }
        };
    }
}
