package org.certfree.proofs.keys.pki;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.keys.KeyDirectory;
import org.certfree.proofs.keys.KeyState;
import org.certfree.proofs.keys.SigningKey;
import org.certfree.proofs.system.cache.ChangeSignals;
import org.jboss.logging.Logger;

/**
 * Demo mode, at start-up: every published SM2 key without a certificate (made before V50) gets one from the demo root
 * (revoked at once from its compromise instant if it is compromised), and an ACTIVE key's certificate near its end is
 * renewed. Production issues nothing: its certificates come from the CA (see {@link DepartmentCertificates#upload}).
 */
@ApplicationScoped
public class CertificateBackfill {

    private static final Logger LOG = Logger.getLogger(CertificateBackfill.class);

    @Inject
    CertificateIssuer issuer;

    @Inject
    ChangeSignals signals;

    @Inject
    Clock clock;

    void backfill(@Observes @Priority(5) StartupEvent event) {
        if (!issuer.issuesItself()) {
            return;
        }
        int issued = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<SigningKey> keys = SigningKey.list("algorithm = ?1 and (state = ?2 or publishUntil > ?3)",
                    KeyAlgorithm.SM2_SM3, KeyState.ACTIVE, now);
            int n = 0;
            for (SigningKey k : keys) {
                if (issuer.ensureDemo(k.kid, k.departmentCode, k.publicKey, k.activatedAt, k.state == KeyState.ACTIVE,
                        k.compromisedAt)) {
                    n++;
                }
            }
            if (n > 0) {
                signals.changed(KeyDirectory.TOPIC);
            }
            return n;
        });
        if (issued > 0) {
            LOG.infof("Demo mode: the demo root issued certificates for %d SM2 key(s) that had none (or needed renewal)", issued);
        }
    }
}
