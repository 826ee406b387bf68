package org.certfree.proofs.publication.dto;

import java.time.Instant;

/**
 * A signed tree head of the batch log: {@code payload} is the canonical JSON that is signed, {@code signature}
 * a JWS over it; {@code signatureStatus} is SIGNED (null only on a row altered behind the service's back).
 */
public record TreeHeadView(int treeSize, String rootHash, Instant timestamp, String authorityCode, String payload,
        String signatureStatus, String signature) {
}
