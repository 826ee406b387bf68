package org.certfree.proofs.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.dto.MatterVersionView;

/** What other features ask of the published lists: is a matter on the retained list, in which version. */
@ApplicationScoped
public class PublishedLists {

    @Inject
    EffectiveLists lists;

    @Inject
    CatalogService catalog;

    /** The catalogue version of the matter that the effective retained list names at {@code at}, if listed then. */
    public Optional<MatterVersionView> retainedVersion(String matterCode, Instant at) {
        return lists.entry(ListKind.RETAINED, matterCode, at).flatMap(e -> catalog.findVersion(e.code(), e.version()));
    }

    /** Whether the matter is on the effective retained list at {@code at}. */
    public boolean retained(String matterCode, Instant at) {
        return lists.entry(ListKind.RETAINED, matterCode, at).isPresent();
    }
}
