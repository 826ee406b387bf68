package org.certfree.proofs.ofd;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.SigningKeyRef;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.certfree.proofs.proof.render.ProofDocument.SubjectKind;
import org.certfree.proofs.proof.render.QrRenderer;

/**
 * Named SM2 certificates and seals for OFD tests (made here: the department certificates of keys.pki are not wired
 * yet): the prefecture root, a department signer and a seal maker under it ({@link #GOOD}), and a forger's set with
 * the very same names under a root of its own ({@link #FORGED}).
 */
final class OfdFixtures {

    static final String NUMBER = "BZ2025-GAJ-7KXR9TDF4M2QH";
    static final String CODE = "K7M4Q9";
    static final String MATTER = "GA-ZM-0007";
    static final Instant ISSUED = Instant.parse("2025-03-07T01:05:00Z");
    static final Instant SIGNED = Instant.parse("2025-03-07T01:05:30Z");
    static final String ROOT_NAME = "CN=巴中市无证明城市根CA（测试）,O=巴中市人民政府,C=CN";
    static final String SIGNER_NAME = "CN=巴中市公安局 电子证明签章,O=巴中市公安局,C=CN";
    static final String MAKER_NAME = "CN=巴中市电子印章制作系统（测试）,O=巴中市人民政府,C=CN";

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    /** A root, a signer and a seal maker, with a seal of the signer. */
    record Pki(KeyPair rootKey, X509Certificate root, KeyPair signerKey, X509Certificate signer, KeyPair makerKey,
            X509Certificate maker, byte[] seal) {

        OfdSealSigner.SealIdentity identity() {
            return new OfdSealSigner.SealIdentity(signerKey.getPrivate(), List.of(signer, root), seal);
        }

        OfdTrust trust(OfdTrust.RevocationLookup revocations) {
            Set<TrustAnchor> roots = Set.of(new TrustAnchor(root, null));
            return new OfdTrust(roots, roots, List.of(), revocations);
        }

        OfdTrust trust() {
            return trust(OfdTrust.RevocationLookup.NONE);
        }
    }

    static final Pki GOOD = pki();
    /** Same names as {@link #GOOD}, different keys: what a forger makes to pass ofdrw's own validator. */
    static final Pki FORGED = pki();

    private OfdFixtures() {
    }

    static Pki pki() {
        try {
            Instant from = Instant.parse("2025-01-01T00:00:00Z");
            Instant until = Instant.parse("2035-01-01T00:00:00Z");
            KeyPair rootKey = sm2();
            X509Certificate root = certificate(ROOT_NAME, rootKey, ROOT_NAME, rootKey, true,
                    KeyUsage.keyCertSign | KeyUsage.cRLSign, from, until);
            KeyPair signerKey = sm2();
            X509Certificate signer = certificate(SIGNER_NAME, signerKey, ROOT_NAME, rootKey, false,
                    KeyUsage.digitalSignature | KeyUsage.nonRepudiation, from, until);
            KeyPair makerKey = sm2();
            X509Certificate maker = certificate(MAKER_NAME, makerKey, ROOT_NAME, rootKey, false,
                    KeyUsage.digitalSignature, from, until);
            byte[] seal = seal(List.of(signer), makerKey, maker, from, until);
            return new Pki(rootKey, root, signerKey, signer, makerKey, maker, seal);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] seal(List<X509Certificate> users, KeyPair makerKey, X509Certificate maker, Instant from,
            Instant until) {
        byte[] png = DemoSealImage.png("巴中市公安局", "电子证明专用章");
        return SealMaker.make(new SealMaker.SealSpec("5119000000001", "巴中市公安局电子证明专用章", png, 40, 40, users, from,
                until), makerKey.getPrivate(), maker, from);
    }

    /** An SM2 key pair on sm2p256v1, with BouncyCastle's custom (fast) curve implementation. */
    static KeyPair sm2() throws GeneralSecurityException {
        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", OfdCrypto.BC);
        g.initialize(new ECNamedCurveParameterSpec("sm2p256v1", x9.getCurve(), x9.getG(), x9.getN(), x9.getH()));
        return g.generateKeyPair();
    }

    static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey, boolean ca,
            int keyUsage, Instant from, Instant until) throws GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException, org.bouncycastle.cert.CertIOException {
        return certificate(subject, subjectKey, issuer, issuerKey, ca, keyUsage, true, from, until);
    }

    static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey, boolean ca,
            int keyUsage, boolean keyUsageCritical, Instant from, Instant until) throws GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException, org.bouncycastle.cert.CertIOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(until), new X500Name(subject),
                subjectKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, keyUsageCritical, new KeyUsage(keyUsage))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        ext.createSubjectKeyIdentifier(subjectKey.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuerKey.getPublic()));
        return new JcaX509CertificateConverter().setProvider(OfdCrypto.BC).getCertificate(
                b.build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(OfdCrypto.BC)
                        .build(issuerKey.getPrivate())));
    }

    static ProofDocument proof(Status status) {
        return new ProofDocument(NUMBER, CODE, MATTER, "无犯罪记录证明", 2, "BZGAJ", "巴中市公安局", SubjectKind.PERSON, "张*华",
                "511902**********34",
                List.of(new Claim("查询期间", "2015年3月7日至2025年3月7日"),
                        new Claim("查询结果", "经查询巴中市公安机关违法犯罪人员信息系统，未发现该人员有犯罪记录。")),
                "办理出国（境）签证", ISSUED, ISSUED.plus(Duration.ofDays(90)), status,
                "https://zwfw.bazhong.gov.cn/verify?n=" + NUMBER + "&c=" + CODE,
                List.of(new SigningKeyRef("q1uJ4m1yF2oFQzmr0dYy3oQ7Vqf6m6bJ9q3Ff1cQpW8", "SM2SM3"),
                        new SigningKeyRef("Zt5Qb0hP9Xw2Lr8Nc4Kd7Js1Ty6Vm3Ha0Ue5Go2Fi9E", "EdDSA")));
    }

    static ProofOfdBuilder builder() {
        return new ProofOfdBuilder(new QrRenderer());
    }

    /** A sealed OFD of the sample proof, signed by {@code pki}'s signer with its seal. */
    static byte[] sealed(Pki pki) {
        return OfdSealSigner.seal(builder().build(proof(Status.VALID)), pki.identity(), SIGNED);
    }
}
