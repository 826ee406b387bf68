package org.certfree.proofs.ofd;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.TrustAnchor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.certfree.proofs.keys.pki.DepartmentCertificates;

/**
 * What the service's OFD verifications trust, read afresh for each verification: signer roots are the configured
 * department roots ({@link DepartmentCertificates#roots()}), seal-maker roots the same (stand-in: the full bean adds
 * an optional configured seal-maker root file), and revocation is the departments' own record and the uploaded CRLs
 * ({@link DepartmentCertificates#revocation}).
 */
@ApplicationScoped
public class OfdTrusts {

    @Inject
    DepartmentCertificates certificates;

    /** The trust of a verification starting now. */
    public OfdTrust current() {
        Set<TrustAnchor> roots = certificates.roots().stream().map(r -> new TrustAnchor(r, null))
                .collect(Collectors.toUnmodifiableSet());
        return new OfdTrust(roots, roots, List.of(), cert -> certificates.revocation(cert)
                .map(r -> new OfdTrust.Revocation(r.invalidFrom(), r.reason())));
    }
}
