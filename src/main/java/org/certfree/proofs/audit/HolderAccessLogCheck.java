package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.system.integrity.IntegrityCheck;
import org.certfree.proofs.system.integrity.IntegrityFindings;
import org.certfree.proofs.verification.HolderAccessRows;

/**
 * The holders' log of reads and actions by others (verification's {@code holder_access}) against its
 * signed checkpoints (scope {@code holder-access-log}).
 */
@ApplicationScoped
public class HolderAccessLogCheck implements IntegrityCheck {

    @Inject
    SealCheck seals;

    @Inject
    HolderAccessRows rows;

    @Override
    public IntegrityFindings check() {
        return seals.check(rows);
    }
}
