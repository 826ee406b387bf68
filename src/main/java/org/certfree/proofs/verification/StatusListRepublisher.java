package org.certfree.proofs.verification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.certfree.proofs.proof.ProofsRevoked;
import org.jboss.logging.Logger;

/**
 * Publishes a department's status list once a bulk revocation of its proofs has committed: one new list for
 * the whole run, at once, rather than at the next fetch. After the commit, not in it: a compromise revokes
 * in the transaction that retires the department's key, before its replacement exists to sign with. A
 * failure here loses nothing — the next fetch of the list publishes it ({@link StatusListService#current}
 * sees the revoked count moved).
 */
@ApplicationScoped
class StatusListRepublisher {

    private static final Logger LOG = Logger.getLogger(StatusListRepublisher.class);

    @Inject
    StatusListService lists;

    void republish(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProofsRevoked revoked) {
        long t0 = System.nanoTime();
        try {
            StatusListPublication p = QuarkusTransaction.requiringNew().call(() -> lists.republish(revoked.departmentCode()));
            LOG.infof("Status list %d of %s published after %d revocations in %d ms", p.key.number(), revoked.departmentCode(),
                    revoked.count(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Publishing the status list of %s after %d revocations failed; its next fetch publishes it",
                    revoked.departmentCode(), revoked.count());
        }
    }
}
