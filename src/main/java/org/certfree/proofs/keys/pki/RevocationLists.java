package org.certfree.proofs.keys.pki;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * The CRLs (RFC 5280 §5, v2) the service publishes and reads, one current CRL per issuing CA. Demo mode: the demo
 * root signs one (SM3withSM2) listing every certificate it issued that is revoked, with reason keyCompromise and
 * invalidityDate = the compromise instant, whenever that changes and again at half its validity. Production: an ADMIN
 * uploads the external CA's CRL, accepted only when a configured root signed it and it is newer than the stored one.
 */
@ApplicationScoped
public class RevocationLists {

    private static final Logger LOG = Logger.getLogger(RevocationLists.class);
    private static final int LOCK_NAMESPACE = 0x63726c21; // "crl!"

    @Inject
    TrustRoots roots;

    @Inject
    CertfreeConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** A revocation read from a CRL or from our own record: when it was recorded, from when it holds, why. */
    public record Revocation(Instant revokedAt, Instant invalidFrom, String reason) {

        /** Whether the certificate is revoked as of {@code t}. */
        public boolean revokedAsOf(Instant t) {
            return !t.isBefore(invalidFrom);
        }
    }

    /** Signs the demo root's CRL anew from the stored revocations (in the caller's transaction). */
    public void signDemo(Instant now) {
        X509Certificate root = roots.demoRoot().orElseThrow();
        String issuer = root.getSubjectX500Principal().getName();
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:ns, 0)) l")
                .setParameter("ns", LOCK_NAMESPACE).getSingleResult();
        RevocationList row = RevocationList.findById(issuer);
        BigInteger number = row == null ? BigInteger.ONE : row.crlNumber.toBigInteger().add(BigInteger.ONE);
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                    Date.from(now));
            Instant next = now.plus(config.pki().crlValidity());
            b.setNextUpdate(Date.from(next));
            for (DepartmentCertificate c : DepartmentCertificate.<DepartmentCertificate>list(
                    "source = ?1 and revokedAt is not null order by revokedAt", DepartmentCertificate.Source.DEMO_ROOT)) {
                ExtensionsGenerator ext = new ExtensionsGenerator();
                ext.addExtension(Extension.reasonCode, false, CRLReason.lookup(CRLReason.keyCompromise));
                ext.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(c.invalidityDate)));
                b.addCRLEntry(new BigInteger(c.serial, 16), Date.from(c.revokedAt), ext.generate());
            }
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new BcX509ExtensionUtils().createAuthorityKeyIdentifier(new X509CertificateHolder(root.getEncoded())));
            X509CRLHolder crl = b.build(roots.demoSigner());
            if (row == null) {
                row = new RevocationList();
                row.issuer = issuer;
                row.source = DepartmentCertificate.Source.DEMO_ROOT;
                row.crl = crl.getEncoded();
                fill(row, number, now, next);
                row.persist();
            } else {
                row.crl = crl.getEncoded();
                fill(row, number, now, next);
            }
            RevocationList.flush();
            LOG.infof("Demo root CRL %s signed (next update %s)", number, next);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign the demo root's CRL", e);
        }
    }

    private void fill(RevocationList row, BigInteger number, Instant thisUpdate, Instant nextUpdate) {
        row.crlNumber = new BigDecimal(number);
        row.thisUpdate = thisUpdate;
        row.nextUpdate = nextUpdate;
        row.storedAt = clock.instant();
    }

    /** The current CRL of every CA, DER; the demo root's signed again first when half its validity has passed. */
    public List<byte[]> current() {
        Instant now = clock.instant();
        if (roots.demoRoot().isPresent()) {
            String issuer = roots.demoRoot().get().getSubjectX500Principal().getName();
            RevocationList demo = QuarkusTransaction.requiringNew().call(() -> RevocationList.findById(issuer));
            if (demo == null || demo.nextUpdate == null
                    || now.isAfter(demo.nextUpdate.minus(config.pki().crlValidity().dividedBy(2)))) {
                QuarkusTransaction.requiringNew().run(() -> signDemo(now));
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> RevocationList.<RevocationList>listAll().stream()
                .map(r -> r.crl).toList());
    }

    /**
     * Stores an external CA's CRL (PEM or DER) after checking it: parsed, signed by a configured root, not from the
     * future, and newer (by CRL number, else thisUpdate) than the stored one of that CA. In the caller's transaction.
     *
     * @throws IllegalArgumentException with the reason when refused
     */
    public X509CRL upload(byte[] pemOrDer) {
        X509CRL crl;
        try {
            crl = Sm2Pki.crl(pemOrDer);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a CRL");
        }
        if (crl == null) {
            throw new IllegalArgumentException("not a CRL");
        }
        X509Certificate signer = roots.roots().stream().filter(r -> r.getSubjectX500Principal().equals(crl.getIssuerX500Principal()))
                .filter(r -> verifies(crl, r)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("untrusted"));
        if (roots.demoRoot().filter(signer::equals).isPresent()) {
            throw new IllegalArgumentException("demo");
        }
        Instant now = clock.instant();
        if (crl.getThisUpdate().toInstant().isAfter(now.plusSeconds(300))) {
            throw new IllegalArgumentException("future");
        }
        BigInteger number = crlNumber(crl).orElse(BigInteger.valueOf(crl.getThisUpdate().getTime()));
        String issuer = crl.getIssuerX500Principal().getName();
        RevocationList row = RevocationList.findById(issuer);
        byte[] der;
        try {
            der = crl.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a CRL");
        }
        if (row != null && java.util.Arrays.equals(row.crl, der)) {
            return crl; // the same CRL again (a retry): nothing changes
        }
        if (row != null && row.crlNumber.toBigInteger().compareTo(number) >= 0) {
            throw new IllegalArgumentException("stale");
        }
        if (row == null) {
            row = new RevocationList();
            row.issuer = issuer;
            row.source = DepartmentCertificate.Source.UPLOADED;
            row.crl = der;
            fill(row, number, crl.getThisUpdate().toInstant(), crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant());
            row.persist();
        } else {
            row.crl = der;
            fill(row, number, crl.getThisUpdate().toInstant(), crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant());
        }
        return crl;
    }

    /** Every uploaded CA's CRL, parsed (read with the key directory). */
    public List<X509CRL> uploaded() {
        List<X509CRL> out = new ArrayList<>();
        for (RevocationList r : RevocationList.<RevocationList>list("source", DepartmentCertificate.Source.UPLOADED)) {
            try {
                out.add(Sm2Pki.crl(r.crl));
            } catch (GeneralSecurityException e) {
                LOG.errorf("Stored CRL of %s does not parse: %s", r.issuer, e.getMessage());
            }
        }
        return out;
    }

    /** The revocation of {@code cert} in {@code crls} (a CRL of its issuer), if any. */
    public static Optional<Revocation> revocation(X509Certificate cert, List<X509CRL> crls) {
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
                continue;
            }
            X509CRLEntry e = crl.getRevokedCertificate(cert.getSerialNumber());
            if (e != null) {
                Instant revoked = e.getRevocationDate().toInstant();
                Instant invalid = invalidityDate(e).orElse(revoked);
                return Optional.of(new Revocation(revoked, invalid.isBefore(revoked) ? invalid : revoked,
                        e.getRevocationReason() == null ? "unspecified" : e.getRevocationReason().name()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> invalidityDate(X509CRLEntry e) {
        byte[] v = e.getExtensionValue(Extension.invalidityDate.getId());
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ASN1GeneralizedTime.getInstance(ASN1OctetString.getInstance(v).getOctets()).getDate().toInstant());
        } catch (Exception ex) {
            return Optional.empty();
        }
    }

    private static Optional<BigInteger> crlNumber(X509CRL crl) {
        byte[] v = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(ASN1Integer.getInstance(ASN1OctetString.getInstance(v).getOctets()).getValue());
    }

    private static boolean verifies(X509CRL crl, X509Certificate by) {
        try {
            crl.verify(by.getPublicKey(), Sm2Pki.BC);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
