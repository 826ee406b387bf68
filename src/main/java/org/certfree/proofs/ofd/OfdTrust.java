package org.certfree.proofs.ofd;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a verifier trusts: the roots department certificates chain to, the roots of seal makers (the official seal
 * system's; may be the same), intermediate certificates to build chains with, and who is revoked. Plain Java inputs,
 * so the department certificates of {@code keys.pki} plug in without this package knowing their storage.
 *
 * @param signerRoots   roots for signers' certificates
 * @param makerRoots    roots for seal makers' certificates
 * @param intermediates CA certificates between a root and a signer or maker (may be empty)
 * @param revocations   revocation lookup (a CRL, or the service's own list)
 */
public record OfdTrust(Set<TrustAnchor> signerRoots, Set<TrustAnchor> makerRoots, List<X509Certificate> intermediates,
        RevocationLookup revocations) {

    public OfdTrust {
        signerRoots = Set.copyOf(signerRoots);
        makerRoots = Set.copyOf(makerRoots);
        intermediates = List.copyOf(intermediates);
        if (signerRoots.isEmpty() || makerRoots.isEmpty()) {
            throw new IllegalArgumentException("an OFD verifier needs at least one root for signers and for makers");
        }
    }

    /** Whether, and since when, a certificate is revoked. */
    @FunctionalInterface
    public interface RevocationLookup {

        /** The revocation of {@code certificate}, if it is revoked. */
        Optional<Revocation> revocation(X509Certificate certificate);

        /** Nobody is revoked (tests, and demo mode before a CRL exists). */
        RevocationLookup NONE = c -> Optional.empty();
    }

    /** A certificate's revocation: when, and the CRL reason in words. */
    public record Revocation(Instant at, String reason) {
    }
}
