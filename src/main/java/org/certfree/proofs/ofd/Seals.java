package org.certfree.proofs.ofd;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;

/**
 * Reads and checks a GB/T 38540 (V4) electronic seal ({@code .esl}): its structure, the maker's SM2-SM3 signature
 * over {@code SES_SealInfo}, the maker's certificate chain to a seal-maker root, its key usage (digitalSignature) and
 * {@link OfdTrust#makers} rule, revocation, and the seal's validity
 * at a given time. Used on the seal inside a signed OFD and on an {@code .esl} loaded from the official seal system.
 */
public final class Seals {

    /** Why a maker whose certificate does not allow digital signatures is refused. */
    static final String MAKER_KEY_USAGE = "制章者证书的密钥用法不含数字签名（digitalSignature）";

    private Seals() {
    }

    /** Whether a refusal says the maker chains to a root but may not make seals (key usage, {@link OfdTrust#makers}). */
    static boolean notAMaker(OfdRefused e, OfdTrust trust, X509Certificate maker) {
        return e.refusal() == OfdRefusal.SEAL_MAKER_UNTRUSTED && (MAKER_KEY_USAGE.equals(e.detail())
                || trust.makers().refusal(maker).map(e.detail()::equals).orElse(false));
    }

    /**
     * What a seal says.
     *
     * @param id          seal code (印章标识)
     * @param name        seal name
     * @param maker       the seal maker's certificate
     * @param users       certificates allowed to use the seal
     * @param validFrom   start of validity
     * @param validUntil  end of validity
     * @param pictureType picture format (PNG, JPG, OFD...)
     * @param picture     picture bytes
     */
    public record SealInfo(String id, String name, X509Certificate maker, List<X509Certificate> users,
            Instant validFrom, Instant validUntil, String pictureType, byte[] picture) {

        /** Whether {@code cert} is in the seal's certificate list (same DER). */
        public boolean allows(X509Certificate cert) {
            try {
                byte[] der = cert.getEncoded();
                for (X509Certificate user : users) {
                    if (Arrays.equals(user.getEncoded(), der)) {
                        return true;
                    }
                }
                return false;
            } catch (java.security.cert.CertificateEncodingException e) {
                return false;
            }
        }
    }

    /** Parses a seal and checks its maker's signature; nothing about trust yet. */
    public static SealInfo parse(byte[] esl) throws OfdRefused {
        try {
            return read(SESeal.getInstance(esl));
        } catch (RuntimeException e) {
            throw new OfdRefused(OfdRefusal.SEAL_INVALID, "无法解析：" + e.getClass().getSimpleName());
        }
    }

    static SealInfo read(SESeal seal) throws OfdRefused {
        try {
            SES_SealInfo info = seal.geteSealInfo();
            SES_Header header = info.getHeader();
            if (header.getVersion().intValueExact() != 4 || !"ES".equals(header.getId().getString())) {
                throw new OfdRefused(OfdRefusal.SEAL_INVALID, "不是 GB/T 38540 第 4 版印章");
            }
            if (!OfdCrypto.SM3_WITH_SM2.equals(seal.getSignAlgID())) {
                throw new OfdRefused(OfdRefusal.SEAL_INVALID, "签名算法不是 SM2-SM3");
            }
            X509Certificate maker = OfdCrypto.certificate(seal.getCert().getOctets());
            Signature verifier = OfdCrypto.sm3WithSm2();
            verifier.initVerify(maker);
            verifier.update(info.getEncoded("DER"));
            if (!verifier.verify(seal.getSignedValue().getOctets())) {
                throw new OfdRefused(OfdRefusal.SEAL_INVALID, "制章者签名不符");
            }
            SES_ESPropertyInfo property = info.getProperty();
            if (!SES_ESPropertyInfo.CertListType.equals(property.getCertListType())) {
                throw new OfdRefused(OfdRefusal.SEAL_INVALID, "只支持证书列表形式的印章");
            }
            List<X509Certificate> users = new ArrayList<>();
            for (ASN1OctetString der : property.getCertList().getCerts()) {
                users.add(OfdCrypto.certificate(der.getOctets()));
            }
            return new SealInfo(info.getEsID().getString(), property.getName().getString(), maker, List.copyOf(users),
                    instant(property.getValidStart()), instant(property.getValidEnd()),
                    info.getPicture().getType().getString(), info.getPicture().getData().getOctets());
        } catch (GeneralSecurityException | IOException | ParseException | ArithmeticException e) {
            throw new OfdRefused(OfdRefusal.SEAL_INVALID, e.getClass().getSimpleName() + "：" + e.getMessage());
        }
    }

    /** Parses {@code esl} and checks it fully against {@code trust} at {@code at}: what loading a seal requires. */
    public static SealInfo check(byte[] esl, OfdTrust trust, Instant at) throws OfdRefused {
        SealInfo seal = parse(esl);
        trusted(seal, trust, at);
        return seal;
    }

    static void trusted(SealInfo seal, OfdTrust trust, Instant at) throws OfdRefused {
        CertificateChecks.chain(seal.maker(), trust.makerRoots(), trust.intermediates(), at,
                OfdRefusal.SEAL_MAKER_UNTRUSTED);
        boolean[] usage = seal.maker().getKeyUsage();
        if (usage == null || !usage[0]) {
            throw new OfdRefused(OfdRefusal.SEAL_MAKER_UNTRUSTED, MAKER_KEY_USAGE);
        }
        var notAMaker = trust.makers().refusal(seal.maker());
        if (notAMaker.isPresent()) {
            throw new OfdRefused(OfdRefusal.SEAL_MAKER_UNTRUSTED, notAMaker.get());
        }
        CertificateChecks.notRevoked(seal.maker(), trust.revocations(), "制章者证书");
        if (at.isBefore(seal.validFrom()) || at.isAfter(seal.validUntil())) {
            throw new OfdRefused(OfdRefusal.NOT_VALID_AT_SIGNING, at.toString(), "电子印章");
        }
    }

    static Instant instant(ASN1GeneralizedTime time) throws ParseException {
        return time.getDate().toInstant();
    }
}
