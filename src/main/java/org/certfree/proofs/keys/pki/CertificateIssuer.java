package org.certfree.proofs.keys.pki;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * Certificates of department SM2 keys issued by the demo root (demo mode), and their revocation when a key is
 * declared compromised (both modes: our own record of it counts for our verification whatever the CA's CRL says).
 * Subject: C=CN, O={@code certfree.pki.organization}, OU=电子证明签名, CN=the department's name, UID=its code (the stable
 * attribute); key usage digitalSignature + nonRepudiation (critical); a random 127-bit serial; AKI and SKI.
 */
@ApplicationScoped
public class CertificateIssuer {

    private static final Logger LOG = Logger.getLogger(CertificateIssuer.class);

    /** An active key's demo certificate is renewed when it ends within this. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    /** The OU of the demo seal maker's certificate, which no department certificate carries. */
    static final String SEAL_MAKER_UNIT = "电子印章制作";

    /** Start of a certificate before the key's activation, for clocks a little behind. */
    static final Duration SKEW = Duration.ofMinutes(5);

    @Inject
    CertfreeConfig config;

    @Inject
    TrustRoots roots;

    @Inject
    RevocationLists crls;

    @Inject
    DepartmentService departments;

    @Inject
    Clock clock;

    /** Whether this service issues certificates itself (demo mode). */
    public boolean issuesItself() {
        return roots.demoRoot().isPresent();
    }

    /** The subject of a department's signing certificate (and of the CSR for it). */
    public X500Name subject(String departmentCode) {
        String name = departments.find(departmentCode).map(DepartmentView::name).orElse(departmentCode);
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, config.pki().organization()).addRDN(BCStyle.OU, "电子证明签名")
                .addRDN(BCStyle.CN, name).addRDN(BCStyle.UID, departmentCode).build();
    }

    /**
     * Issues (demo mode; in the caller's transaction) a certificate for the SM2 key {@code kid} from {@code from}
     * (less {@link #SKEW}) for {@code certfree.pki.certificate-validity}, ending no later than the root.
     */
    public DepartmentCertificate issueDemo(String kid, String departmentCode, byte[] publicKey, Instant from) {
        X509Certificate root = roots.demoRoot().orElseThrow(() -> new IllegalStateException("no demo root"));
        Instant notBefore = from.minus(SKEW);
        Instant notAfter = notBefore.plus(config.pki().certificateValidity());
        if (notAfter.isAfter(root.getNotAfter().toInstant())) {
            notAfter = root.getNotAfter().toInstant();
        }
        try {
            SubjectPublicKeyInfo spki = Sm2Pki.publicKeyInfo(publicKey);
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            X509CertificateHolder rootHolder = new X509CertificateHolder(root.getEncoded());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(X500Name.getInstance(root.getSubjectX500Principal()
                    .getEncoded()), Sm2Pki.randomSerial(), Date.from(notBefore), Date.from(notAfter), subject(departmentCode), spki)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.basicConstraints, false, new BasicConstraints(false))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(rootHolder));
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(Sm2Pki.BC)
                    .getCertificate(b.build(roots.demoSigner()));
            DepartmentCertificate row = store(kid, departmentCode, cert, List.of(), DepartmentCertificate.Source.DEMO_ROOT,
                    "system");
            LOG.infof("Demo root issued certificate %s for SM2 key %s of %s (until %s)", row.serial, kid, departmentCode,
                    notAfter);
            return row;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue a certificate for key " + kid + " of " + departmentCode, e);
        }
    }

    /**
     * Demo mode: a certificate of the demo root for the demo seal maker's SM2 key {@code xy} (feature {@code ofd}): key
     * usage digitalSignature (critical), subject OU=电子印章制作, CN={@code commonName}, from now (less {@link #SKEW})
     * for {@code validity}, ending no later than the root. Nothing is stored: the maker keeps its certificate.
     */
    public X509Certificate issueDemoSealMaker(byte[] xy, String commonName, Duration validity) {
        X509Certificate root = roots.demoRoot().orElseThrow(() -> new IllegalStateException("no demo root"));
        Instant notBefore = clock.instant().minus(SKEW);
        Instant notAfter = notBefore.plus(validity);
        if (notAfter.isAfter(root.getNotAfter().toInstant())) {
            notAfter = root.getNotAfter().toInstant();
        }
        try {
            SubjectPublicKeyInfo spki = Sm2Pki.publicKeyInfo(xy);
            BcX509ExtensionUtils ext = new BcX509ExtensionUtils();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, config.pki().organization()).addRDN(BCStyle.OU, SEAL_MAKER_UNIT)
                    .addRDN(BCStyle.CN, commonName).build();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(X500Name.getInstance(root.getSubjectX500Principal()
                    .getEncoded()), Sm2Pki.randomSerial(), Date.from(notBefore), Date.from(notAfter), subject, spki)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.basicConstraints, false, new BasicConstraints(false))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(new X509CertificateHolder(root.getEncoded())));
            return new JcaX509CertificateConverter().setProvider(Sm2Pki.BC).getCertificate(b.build(roots.demoSigner()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue the demo seal maker's certificate", e);
        }
    }

    /**
     * Whether {@code cert} is a seal maker's certificate the demo root issued ({@link #issueDemoSealMaker}: signed by
     * the demo root, OU=电子印章制作) — never a department's signing certificate (OU=电子证明签名), nor anything another
     * configured root issued. False outside demo mode.
     */
    public boolean isDemoSealMaker(X509Certificate cert) {
        X509Certificate root = roots.demoRoot().orElse(null);
        if (root == null || !root.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(root.getPublicKey(), Sm2Pki.BC);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        return java.util.Arrays.stream(subject.getRDNs(BCStyle.OU))
                .anyMatch(rdn -> SEAL_MAKER_UNIT.equals(rdn.getFirst().getValue().toString()));
    }

    /**
     * Demo mode: issues a certificate for the key when it has none, or (for an ACTIVE key, {@code active}) when its
     * newest ends within {@link #RENEW_BEFORE}; a compromised key's new certificate is revoked at once. Returns
     * whether it issued one.
     */
    public boolean ensureDemo(String kid, String departmentCode, byte[] publicKey, Instant activatedAt, boolean active,
            Instant compromisedAt) {
        if (!issuesItself()) {
            return false;
        }
        DepartmentCertificate newest = DepartmentCertificate.<DepartmentCertificate>find("kid = ?1 order by notAfter desc",
                kid).firstResult();
        Instant now = clock.instant();
        if (newest != null && (!active || newest.notAfter.isAfter(now.plus(RENEW_BEFORE)))) {
            return false;
        }
        DepartmentCertificate issued = issueDemo(kid, departmentCode, publicKey, newest == null ? activatedAt : now);
        if (compromisedAt != null) {
            revoke(kid, compromisedAt, now);
        }
        return issued != null;
    }

    /**
     * Records that every certificate of {@code kid} is revoked (reason keyCompromise) from {@code compromisedAt}, and
     * signs the demo root's CRL again when it issued one of them; in the caller's transaction.
     */
    public void revoke(String kid, Instant compromisedAt, Instant now) {
        List<DepartmentCertificate> certs = DepartmentCertificate.list("kid", kid);
        boolean demo = false;
        for (DepartmentCertificate c : certs) {
            if (c.revokedAt == null) {
                c.revokedAt = now;
            }
            if (c.invalidityDate == null || compromisedAt.isBefore(c.invalidityDate)) {
                c.invalidityDate = compromisedAt;
            }
            demo |= c.source == DepartmentCertificate.Source.DEMO_ROOT;
        }
        DepartmentCertificate.flush();
        if (demo && issuesItself()) {
            crls.signDemo(now);
        }
        if (!certs.isEmpty()) {
            LOG.warnf("Certificates %s of key %s revoked (keyCompromise) from %s", certs.stream().map(c -> c.serial).toList(),
                    kid, compromisedAt);
        }
    }

    /** Stores a validated certificate of {@code kid} (in the caller's transaction); an identical one is kept once. */
    DepartmentCertificate store(String kid, String departmentCode, X509Certificate leaf, List<X509Certificate> intermediates,
            DepartmentCertificate.Source source, String by) {
        byte[] der = Sm2Pki.der(leaf);
        String fingerprint = Sm2Pki.fingerprint(der);
        DepartmentCertificate existing = DepartmentCertificate.findById(fingerprint);
        if (existing != null) {
            return existing;
        }
        DepartmentCertificate row = new DepartmentCertificate();
        row.fingerprint = fingerprint;
        row.kid = kid;
        row.departmentCode = departmentCode;
        row.serial = Sm2Pki.hex(leaf.getSerialNumber());
        row.issuer = leaf.getIssuerX500Principal().getName();
        row.certificate = der;
        row.intermediates = Sm2Pki.concatenated(intermediates);
        row.source = source;
        row.notBefore = leaf.getNotBefore().toInstant();
        row.notAfter = leaf.getNotAfter().toInstant();
        row.createdAt = clock.instant();
        row.createdBy = by;
        row.persist();
        DepartmentCertificate.flush();
        return row;
    }
}
