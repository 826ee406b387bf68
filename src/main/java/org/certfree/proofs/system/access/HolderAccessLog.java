package org.certfree.proofs.system.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * How a feature records a read of a holder's data by someone other than the holder: one call where
 * the read happens, inside its transaction. Fires {@link HolderAccess} (a CDI event, observed
 * synchronously by the feature that keeps the access log, which a lower feature could not call).
 */
@ApplicationScoped
public class HolderAccessLog {

    @Inject
    Event<HolderAccess> events;

    @Inject
    Event<HolderAccessBatch> batches;

    /** Records {@code access}; the observer writes it in the caller's transaction. */
    public void record(HolderAccess access) {
        events.fire(access);
    }

    /** Records every entry of {@code batch} (one row each); the observer writes them in few statements. */
    public void recordAll(HolderAccessBatch batch) {
        if (!batch.entries().isEmpty()) {
            batches.fire(batch);
        }
    }
}
