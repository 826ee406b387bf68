package org.certfree.proofs.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.keys.crypto.Sm2Sm3;
import org.certfree.proofs.keys.pki.CertificateIssuer;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.system.audit.StaffActions;

/**
 * PKCS#10 certification requests (RFC 2986) for the departments' SM2 keys, signed SM3withSM2 by the key itself (proof
 * of possession): what production sends its CA, whose certificate an ADMIN then uploads. Subject as the demo
 * certificates' (see {@link CertificateIssuer}); requested extension: key usage digitalSignature + nonRepudiation.
 */
@ApplicationScoped
public class CertificateRequests {

    @Inject
    KeyVault vault;

    @Inject
    CertificateIssuer issuer;

    @Inject
    StaffActions staffActions;

    /** The PEM of a CSR for the department's SM2 key {@code kid} (not compromised). */
    @Transactional
    public String csr(String departmentCode, String kid) {
        SigningKey key = SigningKey.findById(kid);
        if (key == null || !key.departmentCode.equals(departmentCode)) {
            throw ApiException.notFound(Messages.KEYS_KEY_NOT_FOUND.formatted(departmentCode, kid));
        }
        if (key.algorithm != KeyAlgorithm.SM2_SM3) {
            throw ApiException.unprocessable(Messages.PKI_NOT_SM2.formatted(kid));
        }
        if (key.state == KeyState.COMPROMISED) {
            throw ApiException.conflict(Messages.PKI_KEY_COMPROMISED.formatted(kid));
        }
        byte[] d = vault.privateKey(key);
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            ext.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            PKCS10CertificationRequest csr = new PKCS10CertificationRequestBuilder(issuer.subject(departmentCode),
                    Sm2Pki.publicKeyInfo(key.publicKey))
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate())
                    .build(Sm2Pki.signer(Sm2Sm3.privateKey(d)));
            staffActions.record("key.csr.made", departmentCode, "key", kid);
            return Sm2Pki.pem("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make a CSR for key " + kid, e);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }
}
