package org.certfree.proofs.publication;

import java.util.Optional;

/**
 * Signs what the publication feature publishes (batch manifests, tree heads) with the publishing
 * authority's keys, and checks such signatures. Implemented over the keys feature; while no signing
 * key service is available, {@link PendingManifestSigner} answers "pending" and publishing still works.
 */
public interface ManifestSigner {

    /** JWS media type of a signed batch manifest. */
    String MANIFEST_TYP = "certfree-batch-manifest+jws";

    /** JWS media type of a signed tree head. */
    String TREE_HEAD_TYP = "certfree-tree-head+jws";

    /** A JWS over {@code payload} by {@code authorityCode}'s keys, or empty when signing is not available. */
    Optional<String> sign(String authorityCode, byte[] payload, String typ);

    /**
     * Whether {@code jws} is a valid signature by {@code authorityCode} over exactly {@code payload};
     * empty when signatures cannot be checked here.
     */
    Optional<Boolean> verify(String jws, String authorityCode, byte[] payload);
}
