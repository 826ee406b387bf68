package org.certfree.proofs.ofd;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2-with-SM3 and X.509 parsing for seals and signed OFDs, through one BouncyCastle provider instance for the
 * process (ofdrw's own containers create a provider per signature). SM2 uses the default user ID
 * {@code 1234567812345678} of GM/T 0009, as GB/T 38540 and OpenSSL's {@code distid} do.
 */
final class OfdCrypto {

    static final Provider BC = new BouncyCastleProvider();

    /** SM2 with SM3 (GM/T 0006: 1.2.156.10197.1.501), the only algorithm seals and seal signatures use here. */
    static final ASN1ObjectIdentifier SM3_WITH_SM2 = GMObjectIdentifiers.sm2sign_with_sm3;

    private OfdCrypto() {
    }

    static Signature sm3WithSm2() throws GeneralSecurityException {
        return Signature.getInstance("SM3withSM2", BC);
    }

    static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                .generateCertificate(new ByteArrayInputStream(der));
    }
}
