package org.certfree.proofs.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.keys.JwsVerification;

/**
 * Signs manifests and tree heads with the publishing authority's (the justice bureau's) keys: a JWS in
 * the general JSON serialization carrying two signatures, SM2-SM3 and Ed25519 (see {@link Jws}), over
 * exactly the canonical bytes. Anyone can check them offline with the JWKS at /.well-known/jwks.json.
 */
@ApplicationScoped
public class JwsManifestSigner implements ManifestSigner {

    @Inject
    Jws jws;

    @Override
    public Optional<String> sign(String authorityCode, byte[] payload, String typ) {
        return Optional.of(jws.signGeneralJson(authorityCode, payload, typ));
    }

    @Override
    public Optional<Boolean> verify(String signature, String authorityCode, byte[] payload) {
        JwsVerification v = jws.verify(signature);
        return Optional.of(v.valid() && authorityCode.equals(v.departmentCode()) && Arrays.equals(v.payload(), payload));
    }
}
