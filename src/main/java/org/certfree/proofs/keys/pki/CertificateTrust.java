package org.certfree.proofs.keys.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the certificates of one SM2 signing key make of it, judged once per load of the key directory (not per
 * signature): the chains that validated to a configured root, newest first, each with the instant from which it is
 * revoked, and why the others did not validate. {@link #refusal} then answers for a signing time with comparisons only.
 */
public record CertificateTrust(List<Trusted> chains, List<String> problems) {

    /** A key without any certificate. */
    public static final CertificateTrust NONE = new CertificateTrust(List.of(), List.of());

    /** A validated chain, and from when it is revoked (null: not revoked). */
    public record Trusted(ChainValidator.Chain chain, Instant revokedFrom) {
    }

    /** Why a signature's key is not trusted at its signing time. */
    public enum Verdict {
        /** Trusted: a chain to a configured root, valid and not revoked at the signing time. */
        TRUSTED,
        /** No certificate (refused in production mode only). */
        MISSING,
        /** Certificates exist but none chains to a configured root. */
        UNTRUSTED,
        /** No validated chain covers the signing time. */
        NOT_VALID_AT,
        /** Every chain valid at the signing time is revoked at it. */
        REVOKED
    }

    /** A verdict with its English detail (for logs and the verification's detail). */
    public record Refusal(Verdict verdict, String detail) {
    }

    /** Whether the key has any certificate row. */
    public boolean any() {
        return !chains.isEmpty() || !problems.isEmpty();
    }

    /** The newest validated chain (leaf first, root last). */
    public Optional<ChainValidator.Chain> current() {
        return chains.isEmpty() ? Optional.empty() : Optional.of(chains.get(0).chain());
    }

    /** RFC 7517 §4.7 {@code x5c} of the newest validated chain: base64 DER, leaf first, without the root; empty for none. */
    public List<String> x5c() {
        return current().map(c -> c.certificates().subList(0, c.certificates().size() - 1).stream()
                .map(x -> Base64.getEncoder().encodeToString(Sm2Pki.der(x))).toList()).orElse(List.of());
    }

    /**
     * The verdict for a signature made at {@code t}: a key without certificates is refused only when
     * {@code certificateRequired} (production); otherwise some validated chain must cover {@code t} unrevoked.
     */
    public Refusal refusal(Instant t, boolean certificateRequired) {
        if (!any()) {
            return certificateRequired ? new Refusal(Verdict.MISSING, "the SM2 key has no certificate")
                    : new Refusal(Verdict.TRUSTED, "no certificate (demo mode)");
        }
        if (chains.isEmpty()) {
            return new Refusal(Verdict.UNTRUSTED, "no certificate of the key chains to a configured root: "
                    + String.join("; ", problems));
        }
        Trusted revoked = null;
        for (Trusted c : chains) {
            if (c.chain().validAt(t)) {
                if (c.revokedFrom() == null || t.isBefore(c.revokedFrom())) {
                    return new Refusal(Verdict.TRUSTED, "certificate " + serial(c.chain().leaf()) + " valid at " + t);
                }
                revoked = c;
            }
        }
        if (revoked != null) {
            return new Refusal(Verdict.REVOKED, "certificate " + serial(revoked.chain().leaf()) + " is revoked from "
                    + revoked.revokedFrom() + "; signed at " + t);
        }
        return new Refusal(Verdict.NOT_VALID_AT, "no certificate of the key is valid at " + t);
    }

    private static String serial(X509Certificate c) {
        return Sm2Pki.hex(c.getSerialNumber());
    }
}
