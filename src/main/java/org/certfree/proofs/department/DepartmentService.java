package org.certfree.proofs.department;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.department.dto.DepartmentInput;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.cache.ChangeSignals;
import org.certfree.proofs.system.cache.SharedCache;
import org.certfree.proofs.system.config.CertfreeConfig;

/** Departments and units: the only way other features learn about them. */
@ApplicationScoped
public class DepartmentService {

    @Inject
    StaffActions staffActions;

    public static final String PATH = "/api/v1/departments/";

    /** The change topic of departments (see {@link ChangeSignals}). */
    static final String TOPIC = "departments";

    @Inject
    Clock clock;

    @Inject
    ChangeSignals signals;

    @Inject
    CertfreeConfig config;

    /** Each department's active roles (empty: unknown or inactive), asked on every verification and request. */
    private SharedCache<String, Set<DepartmentRole>> activeRoles;

    @PostConstruct
    void init() {
        activeRoles = signals.cache(TOPIC, 100_000, config.cacheMaxAge());
    }

    @Transactional
    public DepartmentView create(DepartmentInput input) {
        if (input.code() == null) {
            throw ApiException.invalid("code", Messages.DEPARTMENT_CODE_REQUIRED);
        }
        signals.changed(TOPIC);
        Department existing = Department.findById(input.code());
        if (existing != null) {
            throw ApiException.duplicate(Messages.DEPARTMENT_CODE_TAKEN.formatted(input.code()), PATH + existing.code);
        }
        checkUscc(input.uscc(), input.code());
        checkParent(input.code(), input.parentCode());
        Department d = new Department();
        d.code = input.code();
        d.createdAt = clock.instant();
        apply(d, input);
        d.active = input.active() == null || input.active();
        d.persist();
        Department.flush();
        staffActions.record("department.created", d.code, "department", d.code, "roles", d.roles());
        return DepartmentView.of(d);
    }

    @Transactional
    public DepartmentView replace(String code, DepartmentInput input) {
        signals.changed(TOPIC);
        Department d = require(code);
        if (input.version() == null) {
            throw ApiException.invalid("version", Messages.DEPARTMENT_VERSION_REQUIRED);
        }
        if (input.version() != d.version) {
            throw new ApiException(ProblemType.STALE_VERSION, Messages.STALE_VERSION.formatted(input.version(), d.version));
        }
        if (input.code() != null && !input.code().equals(code)) {
            throw ApiException.invalid("code", Messages.DEPARTMENT_CODE_FIXED.formatted(code));
        }
        checkUscc(input.uscc(), code);
        checkParent(code, input.parentCode());
        apply(d, input);
        if (input.active() != null) {
            d.active = input.active();
        }
        Department.flush();
        staffActions.record("department.changed", d.code, "department", d.code, "roles", d.roles(), "active", d.active);
        return DepartmentView.of(d);
    }

    /** Departments are never erased (proofs and lists keep pointing at them): they are deactivated. */
    @Transactional
    public DepartmentView deactivate(String code) {
        Department d = require(code);
        if (d.active) {
            signals.changed(TOPIC);
            d.active = false;
            d.updatedAt = clock.instant();
            Department.flush();
            staffActions.record("department.deactivated", d.code, "department", d.code);
        }
        return DepartmentView.of(d);
    }

    public Optional<DepartmentView> find(String code) {
        return Optional.ofNullable(Department.<Department>findById(code)).map(DepartmentView::of);
    }

    /** The department if it exists and is active. */
    public Optional<DepartmentView> findActive(String code) {
        return find(code).filter(DepartmentView::active);
    }

    /** True when the department exists, is active and has {@code role}. */
    public boolean hasRole(String code, DepartmentRole role) {
        return code != null && activeRoles.get(code, c -> findActive(c).map(d -> Set.copyOf(d.roles())).orElse(Set.of()))
                .contains(role);
    }

    /**
     * The department's code when it is active and has {@code role}; otherwise 403 with {@code refusal}
     * (a message with one {@code %s} for the code, "-" when there is none).
     */
    public String requireRole(String code, DepartmentRole role, String refusal) {
        if (!hasRole(code, role)) {
            throw ApiException.forbidden(refusal.formatted(code == null ? "-" : code));
        }
        return code;
    }

    public Page<DepartmentView> list(DepartmentRole role, DepartmentKind kind, Boolean active, String text,
            PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (role != null) {
            where.add(switch (role) {
                case ISSUER -> "issuer = true";
                case USING_UNIT -> "usingUnit = true";
                case REVIEWER -> "reviewer = true";
            });
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (active != null) {
            where.add("active = :active");
            params.and("active", active);
        }
        if (text != null && !text.isBlank()) {
            where.add("(lower(name) like :text or lower(code) like :text)");
            params.and("text", "%" + text.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        var q = Department.<Department>find(query, Sort.by("code"), params);
        long total = q.count();
        List<DepartmentView> items = q.page(page.page(), page.size()).list().stream().map(DepartmentView::of).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private Department require(String code) {
        Department d = Department.findById(code);
        if (d == null) {
            throw ApiException.notFound(Messages.DEPARTMENT_NOT_FOUND.formatted(code));
        }
        return d;
    }

    private void apply(Department d, DepartmentInput input) {
        d.name = input.name().trim();
        d.kind = input.kind();
        d.uscc = input.uscc();
        d.regionCode = input.regionCode();
        d.parentCode = input.parentCode();
        d.setRoles(input.roles());
        d.address = input.address();
        d.phone = input.phone();
        d.updatedAt = clock.instant();
    }

    private void checkUscc(String uscc, String ownCode) {
        if (uscc == null) {
            return;
        }
        Department holder = Department.find("uscc", uscc).firstResult();
        if (holder != null && !holder.code.equals(ownCode)) {
            throw ApiException.duplicate(Messages.DEPARTMENT_USCC_TAKEN.formatted(uscc, holder.code), PATH + holder.code);
        }
    }

    private void checkParent(String code, String parentCode) {
        if (parentCode == null) {
            return;
        }
        if (parentCode.equals(code)) {
            throw ApiException.invalid("parentCode", Messages.DEPARTMENT_PARENT_SELF);
        }
        String cursor = parentCode;
        for (int depth = 0; cursor != null && depth < 64; depth++) {
            Department p = Department.findById(cursor);
            if (p == null) {
                throw ApiException.invalid("parentCode", Messages.DEPARTMENT_PARENT_UNKNOWN.formatted(cursor));
            }
            if (p.code.equals(code)) {
                throw ApiException.invalid("parentCode", Messages.DEPARTMENT_PARENT_CYCLE.formatted(parentCode));
            }
            cursor = p.parentCode;
        }
    }
}
