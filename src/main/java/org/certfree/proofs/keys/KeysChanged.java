package org.certfree.proofs.keys;

/** Fired inside a transaction that changed a department's keys; caches drop their copies after it completes. */
public record KeysChanged(String departmentCode) {
}
