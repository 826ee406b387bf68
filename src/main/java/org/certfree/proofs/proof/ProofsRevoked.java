package org.certfree.proofs.proof;

/**
 * A CDI event fired inside the transaction of a bulk revocation (by selection or after a key compromise)
 * that revoked {@code count} proofs of {@code departmentCode}: the department's status list is stale.
 * Observed after the transaction commits, so one new list follows the whole run, not one per proof.
 */
public record ProofsRevoked(String departmentCode, int count) {
}
