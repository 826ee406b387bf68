package org.certfree.proofs.publication;

import java.util.Optional;

/**
 * Signs what the publication feature publishes (batch statements binding the manifests, tree heads) with the publishing
 * authority's keys, and checks such signatures: the seam between publication and the keys feature
 * ({@link JwsManifestSigner}). An empty answer means "signature pending"; publishing still stores the
 * manifest, its hash chain and the Merkle log, and the signature column may be filled in once later.
 */
public interface ManifestSigner {

    /** JWS media type of a signed batch statement (which binds the manifest by its hash). */
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
