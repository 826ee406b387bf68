package org.certfree.proofs.publication.dto;

import java.util.List;

/** RFC 9162 consistency proof PROOF(first, D[0:second]) between two tree sizes, hex encoded. */
public record ConsistencyProofView(int first, int second, String firstRootHash, String secondRootHash,
        List<String> proof) {
}
