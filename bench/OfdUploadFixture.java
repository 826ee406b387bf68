import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certfree.proofs.keys.crypto.KeyEncryption;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.ofd.DemoSealImage;
import org.certfree.proofs.ofd.OfdSealSigner;
import org.certfree.proofs.ofd.ProofOfdBuilder;
import org.certfree.proofs.ofd.SealMaker;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.QrRenderer;

/**
 * The sealed OFD a department would hand out, made outside the running service for bench/ofd.sh's endpoint section
 * (until the service serves GET /api/v1/proofs/{number}/ofd): {@code root DIR} makes a bench root CA (the service is
 * started with it as an extra configured root); {@code ofd DIR PGPORT DEPT PROOF.json OUT} unseals the department's
 * ACTIVE SM2 key from the bench's own throw-away database with its demo KEK (as the service does), has the bench root
 * certify it and a seal maker, and seals the proof's OFD with it.
 */
public class OfdUploadFixture {

    static final Provider BC = new BouncyCastleProvider();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        if (args[0].equals("root")) {
            KeyPair root = sm2();
            X500Name name = new X500Name("C=CN,O=基准测试,CN=Certfree Bench Root CA");
            X509Certificate cert = cert(name, SubjectPublicKeyInfo.getInstance(root.getPublic().getEncoded()), name,
                    root.getPrivate(), true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
            Files.writeString(dir.resolve("bench-root.pem"), Sm2Pki.pem("CERTIFICATE", cert.getEncoded()));
            Files.writeString(dir.resolve("bench-root.key"), Base64.getEncoder().encodeToString(root.getPrivate().getEncoded()));
            return;
        }
        int pgPort = Integer.parseInt(args[2]);
        String dept = args[3];
        JsonNode proof = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[4])));
        PrivateKey rootKey = KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(Files.readString(dir.resolve("bench-root.key")).trim())));
        X509Certificate root = Sm2Pki.certificates(Files.readAllBytes(dir.resolve("bench-root.pem"))).get(0);
        X500Name rootName = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());

        byte[] kek = Base64.getDecoder().decode(Files.readString(dir.resolve("data/keys/kek")).trim());
        String password = Files.readString(dir.resolve("data/pg-password")).trim();
        String kid;
        byte[] publicKey;
        byte[] d;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", password);
                PreparedStatement s = c.prepareStatement("SELECT kid, public_key, private_key_sealed FROM signing_key"
                        + " WHERE department_code = ? AND algorithm = 'SM2_SM3' AND state = 'ACTIVE'")) {
            s.setString(1, dept);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no ACTIVE SM2 key of " + dept);
                }
                kid = rs.getString(1);
                publicKey = rs.getBytes(2);
                d = new KeyEncryption(kek).decrypt(rs.getBytes(3),
                        ("certfree-signing-key\u0000" + dept + "\u0000" + kid).getBytes(StandardCharsets.UTF_8));
            }
        }
        X9ECParameters x9 = GMNamedCurves.getByName("sm2p256v1");
        PrivateKey signerKey = KeyFactory.getInstance("EC", BC).generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d),
                new ECNamedCurveParameterSpec("sm2p256v1", x9.getCurve(), x9.getG(), x9.getN(), x9.getH())));
        X509Certificate signer = cert(new X500Name("C=CN,O=" + dept + ",CN=" + dept + " 电子证明签章"), Sm2Pki.publicKeyInfo(publicKey),
                rootName, rootKey, false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        KeyPair maker = sm2();
        X509Certificate makerCert = cert(new X500Name("C=CN,O=基准测试,CN=电子印章制作系统（基准测试）"),
                SubjectPublicKeyInfo.getInstance(maker.getPublic().getEncoded()), rootName, rootKey, false, KeyUsage.digitalSignature);
        Instant now = Instant.now();
        byte[] seal = SealMaker.make(new SealMaker.SealSpec("6599000000001", dept + "电子证明专用章",
                DemoSealImage.png(dept, "电子证明专用章"), 40, 40, List.of(signer), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30))), maker.getPrivate(), makerCert, now);

        String number = proof.get("number").asText();
        String code = proof.get("verificationCode").asText();
        ProofDocument doc = new ProofDocument(number, code, proof.path("matter").path("code").asText(),
                proof.path("matter").path("name").asText("证明"), 1, dept, proof.path("issuer").path("name").asText(dept),
                ProofDocument.SubjectKind.PERSON, "张*", "110105**********2X",
                List.of(new ProofDocument.Claim("户籍地址", "库尔勒市")), "基准测试", Instant.parse(proof.get("issuedAt").asText()),
                Instant.parse(proof.get("validUntil").asText()), ProofDocument.Status.VALID,
                "https://zwfw.example/verify?n=" + number + "&c=" + code, List.of(new ProofDocument.SigningKeyRef(kid, "SM2SM3")));
        byte[] ofd = OfdSealSigner.seal(new ProofOfdBuilder(new QrRenderer()).build(doc),
                new OfdSealSigner.SealIdentity(signerKey, List.of(signer, root), seal), now.plusSeconds(1));
        Files.write(Path.of(args[5]), ofd);
        System.out.println("sealed OFD of " + number + " by " + dept + " key " + kid + ": " + ofd.length + " bytes");
    }

    static KeyPair sm2() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
        g.initialize(new ECGenParameterSpec("sm2p256v1"));
        return g.generateKeyPair();
    }

    static X509Certificate cert(X500Name subject, SubjectPublicKeyInfo key, X500Name issuer, PrivateKey issuerKey, boolean ca,
            int usage) throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, new BigInteger(64, new java.security.SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        return new JcaX509CertificateConverter().setProvider(BC)
                .getCertificate(b.build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(BC).build(issuerKey)));
    }
}
