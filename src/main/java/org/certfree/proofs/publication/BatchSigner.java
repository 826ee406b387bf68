package org.certfree.proofs.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;

/**
 * Signs what publication publishes — batch statements (which bind the manifests by their hash) and
 * tree heads — with the publishing authority's (the justice bureau's) keys: a JWS in the general JSON
 * serialization with two signatures, SM2-SM3 and Ed25519 (see {@link Jws}), over exactly the canonical
 * bytes. Anyone can check them offline with the JWKS at /.well-known/jwks.json.
 */
@ApplicationScoped
public class BatchSigner {

    /** JWS media type of a signed batch statement. */
    public static final String MANIFEST_TYP = "certfree-batch-manifest+jws";

    /** JWS media type of a signed tree head. */
    public static final String TREE_HEAD_TYP = "certfree-tree-head+jws";

    @Inject
    Jws jws;

    @Inject
    JwsVerifier verifier;

    /** A JWS over {@code payload} by {@code authorityCode}'s keys. */
    String sign(String authorityCode, byte[] payload, String typ) {
        return jws.signGeneralJson(authorityCode, payload, typ);
    }

    /** Whether {@code signature} is a valid JWS by {@code authorityCode} over exactly {@code payload}. */
    boolean verify(String signature, String authorityCode, byte[] payload) {
        JwsVerification v = verifier.verify(signature);
        return v.valid() && authorityCode.equals(v.departmentCode()) && Arrays.equals(v.payload(), payload);
    }
}
