package org.certfree.proofs.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.certfree.proofs.system.access.HolderAccess;

/**
 * Collects every {@link HolderAccess} whose transaction committed, so a test can assert what reached
 * the holder's access log (the access-log feature writes it in that transaction) — and that a refused
 * call left nothing there.
 */
@ApplicationScoped
public class HolderAccessCollector {

    private final ConcurrentLinkedQueue<HolderAccess> seen = new ConcurrentLinkedQueue<>();

    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) HolderAccess access) {
        seen.add(access);
    }

    /** Everything fired for the holder with this blind index, oldest first. */
    public List<HolderAccess> of(String holderIndex) {
        return seen.stream().filter(a -> a.holderIndex().equals(holderIndex)).toList();
    }
}
