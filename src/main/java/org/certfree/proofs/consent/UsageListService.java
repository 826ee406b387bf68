package org.certfree.proofs.consent;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.dto.UsageEntryInput;
import org.certfree.proofs.consent.dto.UsageEntryView;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.publication.ListSignals;
import org.certfree.proofs.publication.PublishedLists;
import org.certfree.proofs.publication.SignalChannel;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.cache.ChangeSignals;
import org.certfree.proofs.system.cache.SharedCache;
import org.certfree.proofs.system.config.CertfreeConfig;

/** The 用证清单: which using unit may verify or retrieve which proof matter. */
@ApplicationScoped
public class UsageListService {

    @Inject
    StaffActions staffActions;

    public static final String PATH = "/api/v1/using-units/";

    @Inject
    DepartmentService departments;

    @Inject
    PublishedLists lists;

    @Inject
    ListSignals listSignals;

    /** The change topic of the 用证清单 (see {@link ChangeSignals}). */
    static final String TOPIC = "usage-list";

    @Inject
    Clock clock;

    @Inject
    ChangeSignals signals;

    @Inject
    CertfreeConfig config;

    /** Whether (unit, matter) is on the list: asked on every verification. */
    private SharedCache<String, Boolean> allowed;

    @PostConstruct
    void init() {
        allowed = signals.cache(TOPIC, 200_000, config.cacheMaxAge());
    }

    @Transactional
    public UsageEntryView add(UsageEntryInput in, String by) {
        String unit = in.unit().trim();
        String matter = in.proofMatterCode().trim();
        String serviceMatter = in.serviceMatter().trim();
        if (!departments.hasRole(unit, DepartmentRole.USING_UNIT)) {
            throw ApiException.invalid("unit", Messages.NOT_A_USING_UNIT.formatted(unit));
        }
        if (!lists.retained(matter, clock.instant())) {
            listSignals.recordIfNotRetained(unit, matter, SignalChannel.USAGE_LIST, clock.instant());
            throw ApiException.invalid("proofMatterCode", Messages.USAGE_MATTER_NOT_RETAINED.formatted(matter));
        }
        signals.changed(TOPIC);
        // compared as stored (trimmed): " M1" is the entry "M1", a 409 naming it, not a constraint error
        UsageEntry existing = UsageEntry.find("unitCode = ?1 and proofMatterCode = ?2 and serviceMatter = ?3",
                unit, matter, serviceMatter).firstResult();
        if (existing != null) {
            throw ApiException.duplicate(Messages.USAGE_ENTRY_EXISTS, PATH + existing.id);
        }
        UsageEntry e = new UsageEntry();
        e.id = UUID.randomUUID();
        e.unitCode = unit;
        e.serviceMatter = serviceMatter;
        e.businessSystem = in.businessSystem().trim();
        e.proofMatterCode = matter;
        e.createdAt = clock.instant();
        e.createdBy = by;
        e.persist();
        staffActions.record("usage.added", e.unitCode, "usage-entry", e.id, "matter", e.proofMatterCode,
                "serviceMatter", e.serviceMatter);
        return UsageEntryView.of(e);
    }

    @Transactional
    public void remove(UUID id) {
        signals.changed(TOPIC);
        UsageEntry e = UsageEntry.findById(id);
        if (e == null) {
            throw ApiException.notFound(Messages.USAGE_ENTRY_NOT_FOUND.formatted(id));
        }
        e.delete();
        staffActions.record("usage.removed", e.unitCode, "usage-entry", id, "matter", e.proofMatterCode,
                "serviceMatter", e.serviceMatter);
    }

    public Page<UsageEntryView> list(String unit, String matter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (unit != null && !unit.isBlank()) {
            where.add("unitCode = :unit");
            params.and("unit", unit);
        }
        if (matter != null && !matter.isBlank()) {
            where.add("proofMatterCode = :matter");
            params.and("matter", matter);
        }
        var q = UsageEntry.<UsageEntry>find(String.join(" and ", where), Sort.by("unitCode").and("proofMatterCode").and("id"), params);
        return new Page<>(q.page(page.page(), page.size()).list().stream().map(UsageEntryView::of).toList(),
                page.page(), page.size(), q.count());
    }

    /** True when the unit is on the 用证清单 for the matter. */
    public boolean allowed(String unit, String matterCode) {
        return allowed.get(unit + '\u0000' + matterCode,
                k -> UsageEntry.count("unitCode = ?1 and proofMatterCode = ?2", unit, matterCode) > 0);
    }
}
