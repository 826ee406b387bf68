package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.system.integrity.IntegrityCheck;
import org.certfree.proofs.system.integrity.IntegrityFindings;

/** The audit log against its signed checkpoints (scope {@code audit-log}). */
@ApplicationScoped
public class AuditLogCheck implements IntegrityCheck {

    @Inject
    SealCheck seals;

    @Inject
    AuditRows rows;

    @Override
    public IntegrityFindings check() {
        return seals.check(rows);
    }
}
