package org.certfree.proofs.keys.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.certfree.proofs.keys.crypto.Sm2Sm3;

/**
 * X.509 plumbing for SM2 keys held as raw bytes ({@code x || y}, {@code d}): SubjectPublicKeyInfo on the curve
 * sm2p256v1 (OID 1.2.156.10197.1.301), an SM3withSM2 (OID 1.2.156.10197.1.501) {@link ContentSigner} over
 * {@link Sm2Sm3} (BouncyCastle's SM2 on its {@code CustomNamedCurves} curve, user ID 1234567812345678, the value
 * OpenSSL is given with {@code distid:}), DER and PEM, fingerprints and serial numbers.
 */
public final class Sm2Pki {

    /** One provider instance for parsing and PKIX validation (not registered globally). */
    public static final Provider BC = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2Pki() {
    }

    /** SubjectPublicKeyInfo of an SM2 public key {@code x || y}. */
    public static SubjectPublicKeyInfo publicKeyInfo(byte[] xy) {
        Sm2Sm3.publicKey(xy); // refuses a point not on the curve
        byte[] point = new byte[1 + xy.length];
        point[0] = 0x04;
        System.arraycopy(xy, 0, point, 1, xy.length);
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                GMObjectIdentifiers.sm2p256v1), new DERBitString(point));
    }

    /** The raw {@code x || y} of an SM2 certificate's key, or null when it is not an uncompressed SM2 point. */
    public static byte[] rawPublicKey(X509Certificate cert) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded());
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())
                || !GMObjectIdentifiers.sm2p256v1.equals(info.getAlgorithm().getParameters())) {
            return null;
        }
        ASN1BitString bits = info.getPublicKeyData();
        byte[] point = bits.getOctets();
        if (point.length != 65 || point[0] != 0x04) {
            return null;
        }
        return Arrays.copyOfRange(point, 1, point.length);
    }

    /** An SM3withSM2 signer of X.509 structures with the private key {@code d} (DER-encoded signature value). */
    public static ContentSigner signer(ECPrivateKeyParameters d) {
        ByteArrayOutputStream tbs = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
            }

            @Override
            public OutputStream getOutputStream() {
                return tbs;
            }

            @Override
            public byte[] getSignature() {
                return derSignature(Sm2Sm3.sign(d, tbs.toByteArray(), RANDOM));
            }
        };
    }

    /** The DER {@code SEQUENCE { r, s }} of a raw {@code r || s} SM2 signature (what X.509 and OpenSSL carry). */
    public static byte[] derSignature(byte[] rs) {
        try {
            BigInteger n = Sm2Sm3.order();
            BigInteger[] v = PlainDSAEncoding.INSTANCE.decode(n, rs);
            return StandardDSAEncoding.INSTANCE.encode(n, v[0], v[1]);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an SM2 signature r || s", e);
        }
    }

    /** A positive random serial of 127 bits (RFC 5280 §4.1.2.2: at most 20 octets; CA/B: at least 64 random bits). */
    public static BigInteger randomSerial() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[0] &= 0x7f;
        b[0] |= 0x40;
        return new BigInteger(1, b);
    }

    /** Every certificate of a PEM text or of concatenated DER; an empty list for nothing, a parse failure for garbage. */
    public static List<X509Certificate> certificates(byte[] pemOrDer) throws CertificateException {
        if (pemOrDer == null || pemOrDer.length == 0) {
            return List.of();
        }
        Collection<? extends java.security.cert.Certificate> all = CertificateFactory.getInstance("X.509", BC)
                .generateCertificates(new ByteArrayInputStream(pemOrDer));
        List<X509Certificate> out = new ArrayList<>();
        for (java.security.cert.Certificate c : all) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    /** One CRL, PEM or DER. */
    public static X509CRL crl(byte[] pemOrDer) throws GeneralSecurityException {
        return (X509CRL) CertificateFactory.getInstance("X.509", BC).generateCRL(new ByteArrayInputStream(pemOrDer));
    }

    /** The certificate as DER. */
    public static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM of one DER object ({@code type}: CERTIFICATE, X509 CRL, CERTIFICATE REQUEST). */
    public static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Concatenated DER of {@code certs} (null for none), as stored. */
    public static byte[] concatenated(List<X509Certificate> certs) {
        if (certs.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        certs.forEach(c -> out.writeBytes(der(c)));
        return out.toByteArray();
    }

    /** Hex SHA-256 of {@code der}. */
    public static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex of a serial number as stored and compared (lower case, no leading zero octet). */
    public static String hex(BigInteger serial) {
        return serial.toString(16);
    }
}
