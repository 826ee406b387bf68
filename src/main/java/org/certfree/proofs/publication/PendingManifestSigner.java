package org.certfree.proofs.publication;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Fallback signer used only while no real {@link ManifestSigner} bean exists: signatures stay pending
 * (the manifest, its hash chain and the Merkle log are still written and verifiable).
 */
@DefaultBean
@ApplicationScoped
public class PendingManifestSigner implements ManifestSigner {

    @Override
    public Optional<String> sign(String authorityCode, byte[] payload, String typ) {
        return Optional.empty();
    }

    @Override
    public Optional<Boolean> verify(String jws, String authorityCode, byte[] payload) {
        return Optional.empty();
    }
}
