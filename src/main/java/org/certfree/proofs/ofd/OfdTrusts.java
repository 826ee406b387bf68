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
import java.util.Set;
import org.certfree.proofs.keys.pki.DepartmentCertificates;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.system.config.CertfreeConfig;

/**
 * The service's {@link OfdTrust}: signers chain to the department certificates' roots ({@code certfree.pki.roots}, in
 * demo mode with the demo root); seal makers to those roots or to the official seal system's root
 * ({@code certfree.ofd.seal-maker-roots-file}); revocation is {@link DepartmentCertificates#revocation} (our record of
 * compromised keys and the uploaded CAs' CRLs), read at each check so a compromise holds on every replica at once.
 */
@ApplicationScoped
public class OfdTrusts {

    @Inject
    DepartmentCertificates certs;

    @Inject
    CertfreeConfig config;

    private volatile List<X509Certificate> makerRoots;

    /** The trust as of now (the roots may change only with a restart; revocation is looked up per certificate). */
    public OfdTrust current() {
        List<X509Certificate> signer = certs.roots();
        List<X509Certificate> makers = new ArrayList<>(signer);
        makers.addAll(makerRootsFile());
        return new OfdTrust(anchors(signer), anchors(makers), List.of(),
                c -> certs.revocation(c).map(r -> new OfdTrust.Revocation(r.invalidFrom(), r.reason())));
    }

    private List<X509Certificate> makerRootsFile() {
        List<X509Certificate> roots = makerRoots;
        if (roots == null) {
            roots = config.ofd().sealMakerRootsFile().map(OfdTrusts::read).orElse(List.of());
            makerRoots = roots;
        }
        return roots;
    }

    private static List<X509Certificate> read(String file) {
        try {
            List<X509Certificate> roots = Sm2Pki.certificates(Files.readAllBytes(Path.of(file)));
            if (roots.isEmpty()) {
                throw new IllegalStateException("certfree.ofd.seal-maker-roots-file " + file + " holds no certificate");
            }
            return List.copyOf(roots);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the seal makers' roots from certfree.ofd.seal-maker-roots-file "
                    + file + ": " + e.getMessage(), e);
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
