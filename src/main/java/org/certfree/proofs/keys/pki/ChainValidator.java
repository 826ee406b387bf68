package org.certfree.proofs.keys.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 5280 path validation (BouncyCastle's PKIX {@link CertPathValidator}, revocation left to the caller) of a
 * department certificate and its intermediates against the configured roots, plus what a signing certificate of ours
 * must have: the key usage digitalSignature and the SM2 key it certifies. Pure: no database, no clock.
 */
public final class ChainValidator {

    private ChainValidator() {
    }

    /**
     * A chain that validated: leaf first, then the intermediates and the root; its window is the time every
     * certificate of it is valid in.
     */
    public record Chain(List<X509Certificate> certificates, Instant notBefore, Instant notAfter) {

        public X509Certificate leaf() {
            return certificates.get(0);
        }

        public boolean validAt(Instant t) {
            return !t.isBefore(notBefore) && !t.isAfter(notAfter);
        }
    }

    /** Why a certificate is not accepted; its {@code reason} names the rule. */
    public static final class Refused extends Exception {
        private final Reason reason;

        Refused(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The rules a certificate can fail. */
    public enum Reason {
        /** It is not for the key it is presented for. */
        WRONG_KEY,
        /** Its key usage lacks digitalSignature. */
        KEY_USAGE,
        /** Outside its validity (or its chain's) at the instant asked about. */
        NOT_VALID_AT,
        /** It does not chain to a configured root (unknown issuer, bad signature, not a CA on the way). */
        UNTRUSTED
    }

    /**
     * Validates {@code leaf} (with {@code intermediates}) for the SM2 key {@code publicKey} against {@code roots}; when
     * {@code at} is given the whole chain must be valid then, otherwise at some common instant.
     */
    public static Chain validate(X509Certificate leaf, List<X509Certificate> intermediates, byte[] publicKey,
            List<X509Certificate> roots, Instant at) throws Refused {
        byte[] certified = Sm2Pki.rawPublicKey(leaf);
        if (certified == null || !Arrays.equals(certified, publicKey)) {
            throw new Refused(Reason.WRONG_KEY, "the certificate is not for this SM2 key");
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage == null || !usage[0]) {
            throw new Refused(Reason.KEY_USAGE, "the certificate's key usage lacks digitalSignature");
        }
        X509Certificate root = roots.stream().filter(r -> r.getSubjectX500Principal().equals(
                (intermediates.isEmpty() ? leaf : intermediates.get(intermediates.size() - 1)).getIssuerX500Principal()))
                .findFirst().orElse(null);
        List<X509Certificate> all = new ArrayList<>();
        all.add(leaf);
        all.addAll(intermediates);
        if (root != null) {
            all.add(root);
        }
        Instant notBefore = all.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow();
        Instant notAfter = all.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
        Instant when = at != null ? at : notBefore;
        if (when.isBefore(notBefore) || when.isAfter(notAfter)) {
            throw new Refused(Reason.NOT_VALID_AT, at == null ? "the chain's validity periods do not overlap"
                    : "the certificate (or its chain) is not valid at " + at + ": valid " + notBefore + " to " + notAfter);
        }
        if (root == null) {
            throw new Refused(Reason.UNTRUSTED, "issuer " + all.get(all.size() - 1).getIssuerX500Principal().getName()
                    + " is not a configured root");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Sm2Pki.BC);
            CertPath path = factory.generateCertPath(all.subList(0, all.size() - 1));
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate r : roots) {
                anchors.add(new TrustAnchor(r, null));
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(when));
            CertPathValidator.getInstance("PKIX", Sm2Pki.BC).validate(path, params);
        } catch (CertPathValidatorException e) {
            throw new Refused(Reason.UNTRUSTED, "the chain does not validate to a configured root: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new Refused(Reason.UNTRUSTED, "the chain cannot be validated: " + e.getMessage());
        }
        return new Chain(List.copyOf(all), notBefore, notAfter);
    }
}
