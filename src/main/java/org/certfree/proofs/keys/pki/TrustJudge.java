package org.certfree.proofs.keys.pki;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Judges the certificates of SM2 keys for the key directory, in its load (once per key change, not per signature):
 * the chains to the configured roots (path validation remembered per certificate: roots do not change while the
 * service runs), and the revocation of each from our own record and the uploaded CAs' CRLs.
 */
@ApplicationScoped
public class TrustJudge {

    private static final Logger LOG = Logger.getLogger(TrustJudge.class);

    @Inject
    TrustRoots roots;

    @Inject
    RevocationLists crls;

    /** Fingerprint → validated chain or the reason it is refused. */
    private final Cache<String, Object> validated = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The trust of each of the SM2 keys {@code publicKeys} (kid → x || y); in a transaction. */
    public Map<String, CertificateTrust> judge(Map<String, byte[]> publicKeys) {
        Map<String, CertificateTrust> out = new HashMap<>();
        if (publicKeys.isEmpty()) {
            return out;
        }
        Collection<String> kids = publicKeys.keySet();
        List<DepartmentCertificate> rows = DepartmentCertificate.list("kid in ?1 order by createdAt desc, notAfter desc",
                kids);
        List<X509CRL> uploaded = crls.uploaded();
        Map<String, List<CertificateTrust.Trusted>> chains = new HashMap<>();
        Map<String, List<String>> problems = new HashMap<>();
        for (DepartmentCertificate row : rows) {
            Object v = validated.get(row.fingerprint, f -> validate(row, publicKeys.get(row.kid)));
            if (v instanceof ChainValidator.Chain chain) {
                Instant revokedFrom = row.invalidityDate;
                Instant fromCrl = RevocationLists.revocation(chain.leaf(), uploaded).map(RevocationLists.Revocation::invalidFrom)
                        .orElse(null);
                if (fromCrl != null && (revokedFrom == null || fromCrl.isBefore(revokedFrom))) {
                    revokedFrom = fromCrl;
                }
                chains.computeIfAbsent(row.kid, k -> new ArrayList<>()).add(new CertificateTrust.Trusted(chain, revokedFrom));
            } else {
                problems.computeIfAbsent(row.kid, k -> new ArrayList<>()).add(row.serial + ": " + v);
            }
        }
        for (String kid : kids) {
            List<CertificateTrust.Trusted> c = chains.getOrDefault(kid, List.of());
            List<String> p = problems.getOrDefault(kid, List.of());
            out.put(kid, c.isEmpty() && p.isEmpty() ? CertificateTrust.NONE : new CertificateTrust(List.copyOf(c), List.copyOf(p)));
        }
        return out;
    }

    private Object validate(DepartmentCertificate row, byte[] publicKey) {
        try {
            X509Certificate leaf = Sm2Pki.certificates(row.certificate).get(0);
            List<X509Certificate> intermediates = Sm2Pki.certificates(row.intermediates);
            return ChainValidator.validate(leaf, intermediates, publicKey, roots.roots(), null);
        } catch (ChainValidator.Refused e) {
            LOG.warnf("Certificate %s of key %s is not trusted: %s", row.serial, row.kid, e.getMessage());
            return e.getMessage();
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.errorf("Stored certificate %s of key %s does not parse: %s", row.serial, row.kid, e.toString());
            return "does not parse";
        }
    }
}
