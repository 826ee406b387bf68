package org.certfree.proofs.ofd.dto;

import java.time.Instant;
import java.util.List;

/**
 * One electronic seal of a department (GB/T 38540 V4), public data only.
 *
 * @param sealId             印章标识 (esID)
 * @param name               the seal's name
 * @param validFrom          start of validity
 * @param validUntil         end of validity
 * @param signerFingerprints hex SHA-256 of the signer certificates the seal lists
 * @param maker              subject of the seal maker's certificate
 * @param source             DEMO (made by the service's demo seal maker) or OFFICIAL (loaded from the seal system)
 * @param loadedAt           when it became the department's seal
 * @param loadedBy           who loaded it ({@code system} for a demo seal)
 * @param replacedAt         when a newer seal replaced it; null for the current one
 */
public record SealView(String sealId, String name, Instant validFrom, Instant validUntil, List<String> signerFingerprints,
        String maker, String source, Instant loadedAt, String loadedBy, Instant replacedAt) {
}
