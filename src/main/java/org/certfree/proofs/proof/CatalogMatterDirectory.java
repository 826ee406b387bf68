package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Period;
import java.util.Optional;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.TimeLimitKind;
import org.certfree.proofs.catalog.dto.RetainedFields;
import org.certfree.proofs.publication.EffectiveLists;

/**
 * Answers the proof feature's question from the published retained list (as of now) and the
 * catalogue version that list entry names.
 */
@ApplicationScoped
public class CatalogMatterDirectory implements MatterDirectory {

    @Inject
    EffectiveLists lists;

    @Inject
    CatalogService catalog;

    @Inject
    Clock clock;

    @Override
    public Optional<IssuableMatter> retained(String matterCode) {
        if (matterCode == null || matterCode.isBlank()) {
            return Optional.empty();
        }
        return lists.entry(ListKind.RETAINED, matterCode.trim(), clock.instant())
                .flatMap(e -> catalog.findVersion(e.code(), e.version()))
                .filter(v -> v.retained() != null)
                .map(v -> {
                    RetainedFields r = v.retained();
                    int days = r.timeLimit().kind() == TimeLimitKind.IMMEDIATE ? 0 : r.timeLimit().workingDays();
                    return new IssuableMatter(v.matterCode(), v.number(), v.name(), v.departmentCode(),
                            Boolean.TRUE.equals(r.electronic()), days, Period.ofDays(r.validityDays()));
                });
    }
}
