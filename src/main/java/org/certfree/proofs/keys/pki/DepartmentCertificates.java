package org.certfree.proofs.keys.pki;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.keys.KeyDirectory;
import org.certfree.proofs.keys.KeyState;
import org.certfree.proofs.keys.SigningKey;
import org.certfree.proofs.keys.dto.CertificateView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.cache.ChangeSignals;

/**
 * What signature formats other than JWS (the OFD seal) need of the departments' certificates, in one place:
 * {@link #chain} of a key, {@link #activeSm2Chain} of a department (what its seal embeds), the configured
 * {@link #roots} and the stored chains' {@link #intermediates}, and {@link #revocation} of a certificate as of an instant. Chains come from the key directory's
 * memory (judged once per key change); revocation is our own record plus the uploaded CAs' CRLs. Also the ADMIN's
 * upload of a certificate an external CA issued (production).
 */
@ApplicationScoped
public class DepartmentCertificates {

    @Inject
    KeyDirectory directory;

    @Inject
    TrustRoots roots;

    @Inject
    RevocationLists crls;

    @Inject
    CertificateIssuer issuer;

    @Inject
    ChangeSignals signals;

    @Inject
    StaffActions staffActions;

    @Inject
    Clock clock;

    /** The newest validated chain of the published SM2 key {@code kid}: leaf first, root last; empty when it has none. */
    public Optional<List<X509Certificate>> chain(String kid) {
        return directory.published(kid).map(KeyDirectory.PublishedKey::trust).flatMap(CertificateTrust::current)
                .map(ChainValidator.Chain::certificates);
    }

    /** The chain of the department's ACTIVE SM2 key (made on first use, like the key), leaf first, root last. */
    public Optional<List<X509Certificate>> activeSm2Chain(String departmentCode) {
        return chain(directory.active(departmentCode, KeyAlgorithm.SM2_SM3).kid());
    }

    /**
     * Every CA certificate between a configured root and a stored department certificate (what the uploads of
     * certificates an external CA issued brought along), once each: the intermediates a verifier needs to build a
     * signer's chain when the signature carries only the leaf (GB/T 38540 holds one certificate).
     */
    @Transactional
    public List<X509Certificate> intermediates() {
        List<byte[]> stored = DepartmentCertificate.getEntityManager().createQuery(
                "select distinct c.intermediates from DepartmentCertificate c where c.intermediates is not null", byte[].class)
                .getResultList();
        java.util.Map<String, X509Certificate> byFingerprint = new java.util.LinkedHashMap<>();
        for (byte[] concatenated : stored) {
            if (concatenated.length == 0) {
                continue;
            }
            try {
                for (X509Certificate c : Sm2Pki.certificates(concatenated)) {
                    byFingerprint.putIfAbsent(Sm2Pki.fingerprint(Sm2Pki.der(c)), c);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("stored intermediate certificates do not parse", e);
            }
        }
        return List.copyOf(byFingerprint.values());
    }

    /** The configured trust roots (in demo mode with the demo root). */
    public List<X509Certificate> roots() {
        return roots.roots();
    }

    /**
     * The revocation of {@code cert}, if any: our record (a compromised key's certificate, from its compromise
     * instant) or the current CRL of an uploaded CA. {@link RevocationLists.Revocation#revokedAsOf} answers for an instant.
     */
    @Transactional
    public Optional<RevocationLists.Revocation> revocation(X509Certificate cert) {
        DepartmentCertificate row = DepartmentCertificate.findById(Sm2Pki.fingerprint(Sm2Pki.der(cert)));
        if (row != null && row.revokedAt != null) {
            return Optional.of(new RevocationLists.Revocation(row.revokedAt, row.invalidityDate, "keyCompromise"));
        }
        return RevocationLists.revocation(cert, crls.uploaded());
    }

    /** Every certificate of the department's key {@code kid}, newest first. */
    @Transactional
    public List<CertificateView> list(String departmentCode, String kid) {
        SigningKey key = key(departmentCode, kid);
        return DepartmentCertificate.<DepartmentCertificate>list("kid = ?1 order by createdAt desc", key.kid).stream()
                .map(DepartmentCertificates::view).toList();
    }

    /**
     * Stores the certificate an external CA issued for the SM2 key {@code kid} (PEM: leaf, then intermediates) after
     * checking it: same public key, key usage digitalSignature, valid now, chains to a configured root. Refused with a
     * 4xx problem otherwise, and nothing is stored. The same certificate again changes nothing.
     */
    @Transactional
    public CertificateView upload(String departmentCode, String kid, byte[] pem, String actor) {
        SigningKey key = key(departmentCode, kid);
        if (key.state == KeyState.COMPROMISED) {
            throw ApiException.conflict(Messages.PKI_KEY_COMPROMISED.formatted(kid));
        }
        List<X509Certificate> certs;
        try {
            certs = Sm2Pki.certificates(pem);
        } catch (GeneralSecurityException | RuntimeException e) {
            certs = List.of();
        }
        if (certs.isEmpty()) {
            throw ApiException.badParameter("body", Messages.PKI_NOT_PEM);
        }
        X509Certificate leaf = certs.get(0);
        List<X509Certificate> intermediates = new ArrayList<>(certs.subList(1, certs.size()));
        intermediates.removeIf(c -> roots.roots().contains(c)); // a root sent along is not an intermediate
        Instant now = clock.instant();
        try {
            ChainValidator.validate(leaf, intermediates, key.publicKey, roots.roots(), now);
        } catch (ChainValidator.Refused e) {
            throw ApiException.unprocessable(switch (e.reason()) {
                case WRONG_KEY -> Messages.PKI_WRONG_KEY.formatted(kid);
                case KEY_USAGE -> Messages.PKI_KEY_USAGE;
                case NOT_VALID_AT -> Messages.PKI_NOT_VALID_NOW.formatted(leaf.getNotBefore().toInstant(),
                        leaf.getNotAfter().toInstant());
                case UNTRUSTED -> Messages.PKI_UNTRUSTED.formatted(leaf.getIssuerX500Principal().getName());
            });
        }
        signals.changed(KeyDirectory.TOPIC);
        DepartmentCertificate row = issuer.store(kid, departmentCode, leaf, intermediates,
                DepartmentCertificate.Source.UPLOADED, actor);
        staffActions.record("key.certificate.uploaded", departmentCode, "key", kid, "serial", row.serial, "issuer", row.issuer);
        return view(row);
    }

    /** The summary of an uploaded CRL. */
    public record CrlView(String issuer, Instant thisUpdate, Instant nextUpdate, int revoked) {
    }

    /**
     * Stores an external CA's CRL (PEM or DER) after {@link RevocationLists#upload}'s checks; every replica judges the
     * keys' certificates again at once. Refused with a 4xx problem otherwise, and nothing changes.
     */
    @Transactional
    public CrlView uploadCrl(byte[] body) {
        java.security.cert.X509CRL crl;
        try {
            crl = crls.upload(body);
        } catch (IllegalArgumentException e) {
            throw switch (e.getMessage()) {
                case "untrusted" -> ApiException.unprocessable(Messages.PKI_CRL_UNTRUSTED);
                case "demo" -> ApiException.conflict(Messages.PKI_CRL_DEMO);
                case "future" -> ApiException.unprocessable(Messages.PKI_CRL_FUTURE);
                case "stale" -> ApiException.conflict(Messages.PKI_CRL_STALE);
                default -> ApiException.badParameter("body", Messages.PKI_CRL_NOT_CRL);
            };
        }
        signals.changed(KeyDirectory.TOPIC);
        String issuerName = crl.getIssuerX500Principal().getName();
        int revoked = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
        staffActions.record("pki.crl.uploaded", null, "crl", issuerName, "revoked", revoked);
        return new CrlView(issuerName, crl.getThisUpdate().toInstant(),
                crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(), revoked);
    }

    private static SigningKey key(String departmentCode, String kid) {
        SigningKey key = SigningKey.findById(kid);
        if (key == null || !key.departmentCode.equals(departmentCode)) {
            throw ApiException.notFound(Messages.KEYS_KEY_NOT_FOUND.formatted(departmentCode, kid));
        }
        if (key.algorithm != KeyAlgorithm.SM2_SM3) {
            throw ApiException.unprocessable(Messages.PKI_NOT_SM2.formatted(kid));
        }
        return key;
    }

    static CertificateView view(DepartmentCertificate c) {
        try {
            X509Certificate leaf = Sm2Pki.certificates(c.certificate).get(0);
            StringBuilder pem = new StringBuilder(Sm2Pki.pem("CERTIFICATE", c.certificate));
            for (X509Certificate i : Sm2Pki.certificates(c.intermediates)) {
                pem.append(Sm2Pki.pem("CERTIFICATE", Sm2Pki.der(i)));
            }
            return new CertificateView(c.fingerprint, c.serial, c.kid, c.departmentCode,
                    leaf.getSubjectX500Principal().getName(), c.issuer, c.notBefore, c.notAfter, c.source.name(), c.revokedAt,
                    c.invalidityDate, pem.toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored certificate " + c.fingerprint + " does not parse", e);
        }
    }
}
