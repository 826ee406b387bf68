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
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
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
import org.bouncycastle.openssl.PEMParser;
import org.certfree.proofs.keys.crypto.RawKeyPair;
import org.certfree.proofs.keys.crypto.Sm2Sm3;

/**
 * A CA for tests: {@link #CONFIGURED} is the test root of {@code src/test/resources/pki} (made with OpenSSL 3, configured
 * as {@code certfree.pki.roots-file} in the test profile); {@link #generate} makes one nobody trusts. Issues department
 * certificates (with chosen key usage and validity) and CRLs, as an external CA would.
 */
public final class TestCa {

    /** The configured test root (trusted by the service under test). */
    public static final TestCa CONFIGURED = load(Path.of("src", "test", "resources", "pki"));

    public final X509Certificate certificate;
    private final ECPrivateKeyParameters key;

    private TestCa(X509Certificate certificate, ECPrivateKeyParameters key) {
        this.certificate = certificate;
        this.key = key;
    }

    private static TestCa load(Path dir) {
        try (PEMParser p = new PEMParser(new StringReader(Files.readString(dir.resolve("test-root.key"))))) {
            PrivateKeyInfo info = (PrivateKeyInfo) p.readObject();
            BigInteger d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
            X509Certificate cert = Sm2Pki.certificates(Files.readAllBytes(dir.resolve("test-root.pem"))).get(0);
            return new TestCa(cert, Sm2Sm3.privateKey(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, d)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test CA", e);
        }
    }

    /** A root CA with the same name as the configured one but another key: trusted by nobody. */
    public static TestCa generate() {
        try {
            RawKeyPair pair = Sm2Sm3.generate(new java.security.SecureRandom());
            ECPrivateKeyParameters key = Sm2Sm3.privateKey(pair.privateKey());
            X500Name name = X500Name.getInstance(CONFIGURED.certificate.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, Sm2Pki.randomSerial(),
                    Date.from(Instant.now().minusSeconds(3600)), Date.from(Instant.now().plusSeconds(86400L * 365)), name,
                    Sm2Pki.publicKeyInfo(pair.publicKey()))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestCa(convert(b, key), key);
        } catch (Exception e) {
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
