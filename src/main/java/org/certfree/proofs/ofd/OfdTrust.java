package org.certfree.proofs.ofd;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a verifier trusts: the roots department certificates chain to, the roots of seal makers (the official seal
 * system's; may be the same), intermediate certificates to build chains with, who is revoked, and which of the
 * certificates chaining to a maker root may make seals at all. Plain Java inputs, so the department certificates of
 * {@code keys.pki} plug in without this package knowing their storage.
 *
 * @param signerRoots   roots for signers' certificates
 * @param makerRoots    roots for seal makers' certificates
 * @param intermediates CA certificates between a root and a signer or maker (may be empty)
 * @param revocations   revocation lookup (a CRL, or the service's own list)
 * @param makers        which makers chaining to {@code makerRoots} may make seals (when those roots also issue
 *                      signers' certificates, a signer must not pass as a maker)
 */
public record OfdTrust(Set<TrustAnchor> signerRoots, Set<TrustAnchor> makerRoots, List<X509Certificate> intermediates,
        RevocationLookup revocations, MakerRule makers) {

    public OfdTrust {
        signerRoots = Set.copyOf(signerRoots);
        makerRoots = Set.copyOf(makerRoots);
        intermediates = List.copyOf(intermediates);
        if (signerRoots.isEmpty() || makerRoots.isEmpty()) {
            throw new IllegalArgumentException("an OFD verifier needs at least one root for signers and for makers");
        }
    }

    /** Any certificate chaining to {@code makerRoots} may make seals (maker roots of a seal system of their own). */
    public OfdTrust(Set<TrustAnchor> signerRoots, Set<TrustAnchor> makerRoots, List<X509Certificate> intermediates,
            RevocationLookup revocations) {
        this(signerRoots, makerRoots, intermediates, revocations, MakerRule.ANY);
    }

    /** Which seal makers' certificates (already chaining to a maker root) may make seals. */
    @FunctionalInterface
    public interface MakerRule {

        /** Why {@code maker} may not make seals (Chinese, for the refusal), or empty when it may. */
        Optional<String> refusal(X509Certificate maker);

        /** Every maker chaining to a maker root. */
        MakerRule ANY = c -> Optional.empty();

        /**
         * Only the maker with {@code publicKey} (its certificate renewed or not), refused with {@code why} otherwise:
         * the demo seal maker, when maker and signer certificates share the demo root.
         */
        static MakerRule only(java.security.PublicKey publicKey, String why) {
            byte[] pinned = publicKey.getEncoded();
            return c -> java.util.Arrays.equals(pinned, c.getPublicKey().getEncoded()) ? Optional.empty()
                    : Optional.of(why);
        }

        /** Nobody (no maker roots of their own and no demo maker): every seal is refused with {@code why}. */
        static MakerRule none(String why) {
            return c -> Optional.of(why);
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
