package org.certfree.proofs.system.integrity;

/**
 * One part of the stored record that {@code GET /api/v1/transparency/verify} recomputes and checks
 * against what was signed (proofs against their signed payloads, sealed logs against their signed
 * checkpoints …). Each feature that keeps such a record provides an {@code @ApplicationScoped} bean;
 * the verify endpoint runs them all, so a feature adds its checks without the endpoint knowing it.
 */
public interface IntegrityCheck {

    /** Recomputes this part of the record; every inconsistency found is a problem of the result. */
    IntegrityFindings check();
}
