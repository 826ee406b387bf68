package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;
import org.certfree.proofs.catalog.TimeLimitKind;
import org.certfree.proofs.catalog.dto.RetainedFields;
import org.certfree.proofs.publication.PublishedLists;

/**
 * Which matters can be issued, and how: the catalogue version that the published retained list
 * (保留清单) names at an instant, read as issuance needs it.
 */
@ApplicationScoped
public class IssuableMatters {

    @Inject
    PublishedLists lists;

    /** The matter as on the effective retained list at {@code at}, if it is on it. */
    public Optional<IssuableMatter> retained(String matterCode, Instant at) {
        if (matterCode == null || matterCode.isBlank()) {
            return Optional.empty();
        }
        return lists.retainedVersion(matterCode.trim(), at)
                .filter(v -> v.retained() != null)
                .map(v -> {
                    RetainedFields r = v.retained();
                    int days = r.timeLimit().kind() == TimeLimitKind.IMMEDIATE ? 0 : r.timeLimit().workingDays();
                    return new IssuableMatter(v.matterCode(), v.number(), v.name(), v.departmentCode(),
                            Boolean.TRUE.equals(r.electronic()), days, Period.ofDays(r.validityDays()));
                });
    }
}
