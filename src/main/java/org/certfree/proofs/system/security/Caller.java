package org.certfree.proofs.system.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: roles, the department the token is scoped to ({@code dept} claim) and the subject. */
@RequestScoped
public class Caller {

    public static final String DEPT_CLAIM = "dept";

    /** How a stored actor names a citizen: this prefix and the blind index of their identifier. */
    public static final String HOLDER_ACTOR_PREFIX = "holder:";

    /** The stored actor of a request without a token. */
    public static final String ANONYMOUS_ACTOR = "anonymous";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    HolderIndex holders;

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

    /**
     * The caller as a stored row may name them (who requested, whose idempotency keys, who acted in the
     * audit log): a staff user by their id, a citizen by {@code holder:<blind index>} of their resident ID
     * or USCC — never the identifier itself, which {@link #subject()} is for a citizen.
     */
    public String actor() {
        if (anonymous()) {
            return ANONYMOUS_ACTOR;
        }
        if (has(Role.CITIZEN)) {
            // a caller made by acting(…) is no bean: it borrows the index from the container
            HolderIndex index = holders != null ? holders : Arc.container().instance(HolderIndex.class).get();
            return HOLDER_ACTOR_PREFIX + index.of(subject());
        }
        return subject();
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
