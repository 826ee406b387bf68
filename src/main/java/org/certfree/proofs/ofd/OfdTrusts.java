package org.certfree.proofs.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.keys.pki.CertificateIssuer;
import org.certfree.proofs.keys.pki.DepartmentCertificates;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.system.config.CertfreeConfig;

/**
 * The service's {@link OfdTrust}. Signers chain to the department certificates' roots ({@code certfree.pki.roots}, in
 * demo mode with the demo root). Seal makers: with {@code certfree.ofd.seal-maker-roots-file} set, they chain to the
 * official seal system's roots in that file and to nothing else; without it they chain to the PKI roots, and since
 * those also issue every department's signing certificate, only a seal maker's certificate of the demo root
 * ({@link CertificateIssuer#isDemoSealMaker}) may make seals — production has none, so every seal is refused until the
 * file is configured. Not a pinned key: the demo maker is replaced when revoked, and seals of its predecessor must
 * stay checkable until then. Intermediates are the CA certificates of the
 * stored department chains and those of the file that are not self-signed. Revocation is
 * {@link DepartmentCertificates#revocation} (our record of compromised keys and the uploaded CAs' CRLs). All but the
 * file is read at each call, so a compromise or a new chain holds on every replica at once.
 */
@ApplicationScoped
public class OfdTrusts {

    @Inject
    DepartmentCertificates certs;

    @Inject
    DemoSealMaker demoMaker;

    @Inject
    CertificateIssuer issuer;

    @Inject
    CertfreeConfig config;

    private volatile MakerRoots makerRoots;

    /** The seal system's certificates from the file: anchors (self-signed; all when none is) and intermediates. */
    record MakerRoots(List<X509Certificate> anchors, List<X509Certificate> intermediates) {
    }

    /** The trust as of now (the seal-maker roots file is read once; everything else per call). */
    public OfdTrust current() {
        List<X509Certificate> signer = certs.roots();
        List<X509Certificate> intermediates = new ArrayList<>(certs.intermediates());
        MakerRoots file = makerRootsFile();
        if (file != null) {
            intermediates.addAll(file.intermediates());
            return new OfdTrust(anchors(signer), anchors(file.anchors()), intermediates, revocations(),
                    OfdTrust.MakerRule.ANY);
        }
        OfdTrust.MakerRule makers = demoMaker.available()
                ? c -> issuer.isDemoSealMaker(c) ? Optional.empty() : Optional.of(Messages.OFD_SEAL_MAKER_NOT_DEMO)
                : OfdTrust.MakerRule.none(Messages.OFD_SEAL_MAKER_NO_ROOTS);
        return new OfdTrust(anchors(signer), anchors(signer), intermediates, revocations(), makers);
    }

    /** Who is revoked, as of each lookup (what choosing a seal checks its maker against). */
    public OfdTrust.RevocationLookup revocations() {
        return c -> certs.revocation(c).map(r -> new OfdTrust.Revocation(r.invalidFrom(), r.reason()));
    }

    private MakerRoots makerRootsFile() {
        MakerRoots roots = makerRoots;
        if (roots == null && config.ofd().sealMakerRootsFile().isPresent()) {
            roots = read(config.ofd().sealMakerRootsFile().get());
            makerRoots = roots;
        }
        return roots;
    }

    static MakerRoots read(String file) {
        try {
            List<X509Certificate> all = Sm2Pki.certificates(Files.readAllBytes(Path.of(file)));
            if (all.isEmpty()) {
                throw new IllegalStateException("certfree.ofd.seal-maker-roots-file " + file + " holds no certificate");
            }
            List<X509Certificate> selfSigned = all.stream().filter(OfdTrusts::selfSigned).toList();
            List<X509Certificate> others = all.stream().filter(c -> !selfSigned(c)).toList();
            // an operator may pin the seal system's issuing CA alone: then it is the anchor
            return selfSigned.isEmpty() ? new MakerRoots(List.copyOf(all), List.of()) : new MakerRoots(selfSigned, others);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the seal makers' roots from certfree.ofd.seal-maker-roots-file "
                    + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey(), OfdCrypto.BC);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Set<TrustAnchor> anchors(List<X509Certificate> roots) {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (X509Certificate root : roots) {
            anchors.add(new TrustAnchor(root, null));
        }
        return anchors;
    }
}
