package org.certfree.proofs.ofd;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.jcajce.provider.digest.SM3;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.ofdrw.sign.ExtendSignatureContainer;

/**
 * Makes the GB/T 38540 (V4) electronic signature of an OFD: SM3 of {@code Signature.xml}, with the seal, the signing
 * time and the protected file's location in {@code TBS_Sign}, signed with SM2-SM3 by the seal's user. Ours rather
 * than ofdrw's {@code SESV4Container}, which is marked test-only, creates a BouncyCastle provider per signature and
 * writes the signing time as a zone-less local time: here it is UTC with its "Z", and fixed by the caller.
 *
 * <p>One container per signature; not thread-safe (the digest function is its own).
 */
final class SealSignatureContainer implements ExtendSignatureContainer {

    private final OfdSealSigner.Sm2Signing signing;
    private final X509Certificate signerCertificate;
    private final SESeal seal;
    private final byte[] sealDer;
    private final Instant signingTime;

    SealSignatureContainer(OfdSealSigner.Sm2Signing signing, X509Certificate signerCertificate, byte[] sealDer,
            Instant signingTime) {
        this.signing = signing;
        this.signerCertificate = signerCertificate;
        this.sealDer = sealDer.clone();
        this.seal = SESeal.getInstance(sealDer);
        this.signingTime = signingTime;
    }

    @Override
    public MessageDigest getDigestFnc() {
        return new SM3.Digest();
    }

    @Override
    public ASN1ObjectIdentifier getSignAlgOID() {
        return OfdCrypto.SM3_WITH_SM2;
    }

    @Override
    public byte[] sign(InputStream inData, String propertyInfo) throws IOException, GeneralSecurityException {
        TBS_Sign toSign = new TBS_Sign()
                .setVersion(SES_Header.V4)
                .setEseal(seal)
                .setTimeInfo(SealMaker.time(signingTime))
                .setDataHash(getDigestFnc().digest(inData.readAllBytes()))
                .setPropertyInfo(propertyInfo);
        return new SES_Signature()
                .setToSign(toSign)
                .setCert(signerCertificate)
                .setSignatureAlgID(OfdCrypto.SM3_WITH_SM2)
                .setSignature(signing.sign(toSign.getEncoded("DER")))
                .getEncoded("DER");
    }

    @Override
    public byte[] getSeal() {
        return sealDer.clone();
    }

    @Override
    public SigType getSignType() {
        return SigType.Seal;
    }
}
