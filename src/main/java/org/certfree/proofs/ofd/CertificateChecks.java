package org.certfree.proofs.ofd;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The certificate checks of a seal and its signer: validity at the signing time, a PKIX path (BouncyCastle) to a
 * configured root at that time, key usage, revocation. Revocation is our lookup rather than PKIX's, because
 * department certificates are revoked in the service's own list (or CRL) and the lookup says since when.
 */
final class CertificateChecks {

    private CertificateChecks() {
    }

    /** Validity of {@code cert} at {@code at}; {@code who} names it in the message (签章人证书, 制章者证书, 电子印章). */
    static void validAt(X509Certificate cert, Instant at, String who) throws OfdRefused {
        Date date = Date.from(at);
        if (date.before(cert.getNotBefore()) || date.after(cert.getNotAfter())) {
            throw new OfdRefused(OfdRefusal.NOT_VALID_AT_SIGNING, at.toString(), who);
        }
    }

    /** A PKIX path from {@code cert} to one of {@code roots} at {@code at}, or the reason there is none. */
    static void chain(X509Certificate cert, Set<TrustAnchor> roots, List<X509Certificate> intermediates, Instant at,
            OfdRefusal refusal) throws OfdRefused {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(cert);
            PKIXBuilderParameters params = new PKIXBuilderParameters(roots, target);
            List<X509Certificate> pool = new ArrayList<>(intermediates);
            pool.add(cert);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool),
                    OfdCrypto.BC));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX",
                    OfdCrypto.BC).build(params);
            if (result.getTrustAnchor() == null) {
                throw new OfdRefused(refusal, "没有找到信任锚");
            }
        } catch (GeneralSecurityException e) {
            throw new OfdRefused(refusal, cert.getSubjectX500Principal().getName() + "：" + e.getMessage());
        }
    }

    /** The certificate allows digital signatures or non-repudiation (X.509 key usage bits 0 or 1). */
    static void signingKeyUsage(X509Certificate cert) throws OfdRefused {
        boolean[] usage = cert.getKeyUsage();
        if (usage == null || !(usage[0] || (usage.length > 1 && usage[1]))) {
            throw new OfdRefused(OfdRefusal.KEY_USAGE);
        }
    }

    static void notRevoked(X509Certificate cert, OfdTrust.RevocationLookup lookup, String who) throws OfdRefused {
        var revocation = lookup.revocation(cert);
        if (revocation.isPresent()) {
            throw new OfdRefused(OfdRefusal.REVOKED, who, revocation.get().at() + "，" + revocation.get().reason());
        }
    }
}
