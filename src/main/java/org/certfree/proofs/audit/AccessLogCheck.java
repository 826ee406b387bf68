package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.system.integrity.IntegrityCheck;
import org.certfree.proofs.system.integrity.IntegrityFindings;
import org.certfree.proofs.verification.AccessLogRows;

/** The holders' access log (verification's) against its signed checkpoints (scope {@code access-log}). */
@ApplicationScoped
public class AccessLogCheck implements IntegrityCheck {

    @Inject
    SealCheck seals;

    @Inject
    AccessLogRows rows;

    @Override
    public IntegrityFindings check() {
        return seals.check(rows);
    }
}
