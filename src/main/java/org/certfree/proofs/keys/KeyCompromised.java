package org.certfree.proofs.keys;

import java.time.Instant;

/**
 * A CDI event fired by {@link KeyService#compromise} inside its transaction: the key {@code kid} of
 * {@code departmentCode} is compromised from {@code fromSecond} (rounded down to the second, the
 * granularity of a signature's {@code iat}). Every signature by the key whose {@code iat} is at or after
 * it fails verification; observers revoke the records that rest on such signatures.
 */
public record KeyCompromised(String departmentCode, String kid, KeyAlgorithm algorithm, Instant fromSecond,
        String reason, String reportedBy, Instant reportedAt) {
}
