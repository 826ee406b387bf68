package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.certfree.proofs.keys.KeyCompromised;
import org.jboss.logging.Logger;

/**
 * When a department's key is declared compromised, revokes (reason {@link RevocationReason#KEY_COMPROMISE})
 * every VALID proof one of whose signatures that key made at or after the compromise instant — in the
 * compromise's own transaction, so the record and the key's state change together: no proof the record
 * calls VALID carries a signature that verification refuses. Proofs signed before the instant stay valid.
 *
 * <p>It is a {@link BulkRevocation} of the selection {@link RevocationSelection.SignedBy}, without a limit
 * (a compromise revokes all it must, however many): set-based, with one audit row and one holder's-log
 * row per proof and one new status list once the compromise has committed (signed by the replacement key).
 * Unlike other revocations it revokes proofs under dispute too: their signatures fail whatever the dispute decides.
 */
@ApplicationScoped
class KeyCompromiseRevocation {

    private static final Logger LOG = Logger.getLogger(KeyCompromiseRevocation.class);

    @Inject
    BulkRevocation bulk;

    void revoke(@Observes KeyCompromised compromise) {
        BulkRevocation.Outcome outcome = bulk.revoke(new BulkRevocation.Order(compromise.departmentCode(),
                new RevocationSelection.SignedBy(compromise.kid(), compromise.fromSecond()), RevocationReason.KEY_COMPROMISE,
                "签名密钥 %s 自 %s 起失效：%s".formatted(compromise.kid(), compromise.fromSecond(), compromise.reason()),
                compromise.reportedAt(), compromise.reportedBy(), null, compromise.reportedBy(), null, true, "kid", compromise.kid()));
        if (!outcome.revoked().isEmpty()) {
            LOG.warnf("Key %s of %s compromised from %s: %d proofs signed with it since then revoked", compromise.kid(),
                    compromise.departmentCode(), compromise.fromSecond(), outcome.revoked().size());
        }
    }
}
