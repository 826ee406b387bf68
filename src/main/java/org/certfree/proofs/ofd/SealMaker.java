package org.certfree.proofs.ofd;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.CertInfoList;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;

/**
 * Makes a GB/T 38540 (V4) electronic seal: the seal's picture, the certificates of those allowed to use it, its
 * validity, signed by the seal maker's key. In production the seal comes from the official seal system as an
 * {@code .esl} ({@link Seals#parse}); this maker serves demo mode and tests.
 */
public final class SealMaker {

    /** Seal type of GB/T 38540 §6.2: 1 for an organisation's seal (单位印章). */
    static final int ORGANISATION_SEAL = 1;

    /** Vendor id of the header (厂商标识). */
    static final String VENDOR = "certfree-proofs";

    private SealMaker() {
    }

    /**
     * What a seal holds.
     *
     * @param id         seal code (印章标识), unique per seal maker
     * @param name       seal name, e.g. 某某局电子证明专用章
     * @param png        seal picture, PNG
     * @param widthMm    printed width in millimetres
     * @param heightMm   printed height in millimetres
     * @param users      certificates of the signers allowed to use the seal
     * @param validFrom  start of validity
     * @param validUntil end of validity
     */
    public record SealSpec(String id, String name, byte[] png, int widthMm, int heightMm, List<X509Certificate> users,
            Instant validFrom, Instant validUntil) {
        public SealSpec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(png, "png");
            users = List.copyOf(users);
            if (users.isEmpty()) {
                throw new IllegalArgumentException("a seal needs at least one signer certificate");
            }
            if (!validUntil.isAfter(validFrom)) {
                throw new IllegalArgumentException("validUntil must be after validFrom");
            }
        }
    }

    /** The DER encoding of the seal ({@code .esl}), signed with the maker's key; {@code now} is its creation date. */
    public static byte[] make(SealSpec spec, PrivateKey makerKey, X509Certificate makerCertificate, Instant now) {
        try {
            CertInfoList certs = new CertInfoList();
            for (X509Certificate user : spec.users()) {
                certs.add(new DEROctetString(user.getEncoded()));
            }
            SES_ESPropertyInfo property = new SES_ESPropertyInfo()
                    .setType(new ASN1Integer(ORGANISATION_SEAL))
                    .setName(new DERUTF8String(spec.name()))
                    .setCertListType(SES_ESPropertyInfo.CertListType)
                    .setCertList(new SES_CertList(certs))
                    .setCreateDate(time(now))
                    .setValidStart(time(spec.validFrom()))
                    .setValidEnd(time(spec.validUntil()));
            SES_ESPictrueInfo picture = new SES_ESPictrueInfo()
                    .setType("PNG")
                    .setData(spec.png())
                    .setWidth(spec.widthMm())
                    .setHeight(spec.heightMm());
            SES_SealInfo info = new SES_SealInfo()
                    .setHeader(new SES_Header(SES_Header.V4, new DERIA5String(VENDOR)))
                    .setEsID(new DERIA5String(spec.id()))
                    .setProperty(property)
                    .setPicture(picture);
            Signature signer = OfdCrypto.sm3WithSm2();
            signer.initSign(makerKey);
            signer.update(info.getEncoded("DER"));
            SESeal seal = new SESeal()
                    .seteSealInfo(info)
                    .setCert(makerCertificate)
                    .setSignAlgID(OfdCrypto.SM3_WITH_SM2)
                    .setSignedValue(signer.sign());
            return seal.getEncoded("DER");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("seal cannot be made", e);
        }
    }

    /** A GeneralizedTime in UTC with its zone ("Z"), to the second: never a zone-less local time. */
    static ASN1GeneralizedTime time(Instant instant) {
        return new ASN1GeneralizedTime(Date.from(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }
}
