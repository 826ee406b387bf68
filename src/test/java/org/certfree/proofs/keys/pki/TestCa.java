package org.certfree.proofs.keys.pki;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.certfree.proofs.keys.crypto.RawKeyPair;
import org.certfree.proofs.keys.crypto.Sm2Sm3;

/**
 * A CA for tests: {@link #CONFIGURED} is the test root made at the first test run under {@code target/test-data/pki}
 * (key material is never committed) and configured as {@code certfree.pki.roots-file} for every {@code @QuarkusTest}
 * ({@code PostgresTestResource}); {@link #generate} makes one nobody trusts. Issues department certificates (with
 * chosen key usage and validity) and CRLs, as an external CA would.
 */
public final class TestCa {

    private static final X500Name ROOT_NAME = new X500Name("C=CN,O=测试证书机构,CN=Certfree Test Root CA");

    private static final X500Name SEAL_SYSTEM_NAME = new X500Name("C=CN,O=测试电子印章系统,CN=Certfree Test Seal System Root");

    /** The configured test root (trusted by the service under test). */
    public static final TestCa CONFIGURED = prepare(Path.of("target", "test-data", "pki"), ROOT_NAME);

    /**
     * The official seal system's root of the tests, kept beside {@link #CONFIGURED}: configured as
     * {@code certfree.ofd.seal-maker-roots-file} by {@code SealSystemProfile} only.
     */
    public static final TestCa SEAL_SYSTEM = prepare(Path.of("target", "test-data", "pki-seal-system"), SEAL_SYSTEM_NAME);


    public final X509Certificate certificate;
    private final ECPrivateKeyParameters key;
    private final byte[] d;

    private TestCa(X509Certificate certificate, ECPrivateKeyParameters key, byte[] d) {
        this.certificate = certificate;
        this.key = key;
        this.d = d;
    }

    /** The configured test root's certificate (PEM): what the service under test trusts. */
    public static Path rootsFile() {
        return CONFIGURED.file;
    }

    private Path file;

    /**
     * The test root kept in {@code dir}, made there on first use: its private key as hex (owner-only), its certificate
     * as PEM, written last and atomically, so a root half written is made again. It lives beside the persisted test
     * database, so the certificates stored there stay trusted until both are removed.
     */
    private static synchronized TestCa prepare(Path dir, X500Name name) {
        Path keyFile = dir.resolve("test-root.key");
        Path certFile = dir.resolve("test-root.pem");
        try {
            if (!Files.exists(certFile)) {
                Files.createDirectories(dir);
                TestCa made = root(name, Instant.parse("2020-01-01T00:00:00Z"), Instant.now().plusSeconds(86400L * 365 * 20));
                Files.writeString(keyFile, java.util.HexFormat.of().formatHex(made.d));
                Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                Path temp = dir.resolve("test-root.pem.tmp");
                Files.writeString(temp, Sm2Pki.pem("CERTIFICATE", Sm2Pki.der(made.certificate)));
                Files.move(temp, certFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            byte[] d = java.util.HexFormat.of().parseHex(Files.readString(keyFile).strip());
            X509Certificate cert = Sm2Pki.certificates(Files.readAllBytes(certFile)).get(0);
            TestCa ca = new TestCa(cert, Sm2Sm3.privateKey(d), d);
            ca.file = certFile;
            return ca;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make or load the test CA in " + dir, e);
        }
    }

    /** A self-signed SM2 root CA named {@code name}. */
    private static TestCa root(X500Name name, Instant from, Instant to) throws IOException {
        RawKeyPair pair = Sm2Sm3.generate(new java.security.SecureRandom());
        ECPrivateKeyParameters key = Sm2Sm3.privateKey(pair.privateKey());
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, Sm2Pki.randomSerial(), Date.from(from), Date.from(to),
                name, Sm2Pki.publicKeyInfo(pair.publicKey()))
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new TestCa(convert(b, key), key, pair.privateKey());
    }

    /** This CA's certificate (PEM) file; see {@link #rootsFile}. */
    public Path file() {
        return file;
    }

    /** An intermediate CA named {@code name} issued by this CA for a year (in memory only: nothing of it is kept). */
    public TestCa intermediate(String name) {
        try {
            RawKeyPair pair = Sm2Sm3.generate(new java.security.SecureRandom());
            ECPrivateKeyParameters subjectKey = Sm2Sm3.privateKey(pair.privateKey());
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Sm2Pki.randomSerial(),
                    Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400L * 365)), new X500Name(name),
                    Sm2Pki.publicKeyInfo(pair.publicKey()))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestCa(convert(b, key), subjectKey, pair.privateKey());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A root CA with the same name as the configured one but another key: trusted by nobody. */
    public static TestCa generate() {
        try {
            return root(ROOT_NAME, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86400L * 365));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A department certificate for {@code xy} with {@code usage} (KeyUsage bits), valid from {@code from} to {@code to}. */
    public X509Certificate issue(byte[] xy, X500Name subject, int usage, Instant from, Instant to) {
        try {
            SubjectPublicKeyInfo spki = Sm2Pki.publicKeyInfo(xy);
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), Sm2Pki.randomSerial(),
                    Date.from(from), Date.from(to), subject, spki)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            return convert(b, key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM of a certificate for the key and subject of the CSR {@code pem}, valid for a year, as a CA issues it. */
    public String issueFor(String pem) {
        try (org.bouncycastle.util.io.pem.PemReader r = new org.bouncycastle.util.io.pem.PemReader(new StringReader(pem))) {
            org.bouncycastle.pkcs.PKCS10CertificationRequest csr = new org.bouncycastle.pkcs.PKCS10CertificationRequest(
                    r.readPemObject().getContent());
            byte[] point = csr.getSubjectPublicKeyInfo().getPublicKeyData().getOctets();
            byte[] xy = java.util.Arrays.copyOfRange(point, 1, point.length);
            Instant now = Instant.now();
            return Sm2Pki.pem("CERTIFICATE", Sm2Pki.der(issue(xy, csr.getSubject(),
                    KeyUsage.digitalSignature | KeyUsage.nonRepudiation, now.minusSeconds(60), now.plusSeconds(86400L * 365))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL of this CA revoking {@code revoked} (keyCompromise from {@code invalidFrom}), numbered {@code number}. */
    public byte[] crl(BigInteger number, Instant invalidFrom, X509Certificate... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    new Date());
            b.setNextUpdate(Date.from(Instant.now().plusSeconds(86400)));
            for (X509Certificate c : revoked) {
                ExtensionsGenerator ext = new ExtensionsGenerator();
                ext.addExtension(Extension.reasonCode, false, CRLReason.lookup(CRLReason.keyCompromise));
                ext.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(invalidFrom)));
                b.addCRLEntry(c.getSerialNumber(), new Date(), ext.generate());
            }
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            return b.build(Sm2Pki.signer(key)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate convert(X509v3CertificateBuilder b, ECPrivateKeyParameters key) {
        try {
            return new JcaX509CertificateConverter().setProvider(Sm2Pki.BC).getCertificate(b.build(Sm2Pki.signer(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
