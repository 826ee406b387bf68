package org.certfree.proofs.publication.dto;

import java.util.List;

/**
 * RFC 9162 inclusion proof of a batch: the leaf is the batch's manifest hash (32 bytes), its leaf hash
 * SHA-256(0x00 || manifest hash); {@code auditPath} is PATH(leafIndex, D[0:treeSize]), hex encoded.
 */
public record InclusionProofView(long batchId, String batchNumber, int leafIndex, int treeSize, String manifestHash,
        String leafHash, String rootHash, List<String> auditPath) {
}
