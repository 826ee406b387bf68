package org.certfree.proofs.keys.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures with SM3 (GB/T 32918.2, GM/T 0003.2) on the recommended curve sm2p256v1
 * (GB/T 32918.5), user ID {@code "1234567812345678"} (the GM/T 0009 default). Signatures are the
 * raw {@code r || s} (64 bytes). BouncyCastle's lightweight API with its custom curve implementation
 * ({@link CustomNamedCurves}) is several times faster than the generic curve of {@code GMNamedCurves}.
 */
public final class Sm2Sm3 {

    /** GM/T 0009 default distinguishing identifier, used in Z_A. */
    public static final byte[] USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    /** Bytes of d, x, y, r and s. */
    public static final int FIELD_BYTES = 32;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH(), CURVE.getSeed());

    private Sm2Sm3() {
    }

    /** The order n of the curve's base point. */
    public static BigInteger order() {
        return DOMAIN.getN();
    }

    /** A new key pair: private {@code d} (32 bytes) and public {@code x || y} (64 bytes). */
    public static RawKeyPair generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPrivateKeyParameters priv = (ECPrivateKeyParameters) pair.getPrivate();
        ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
        return new RawKeyPair(BigIntegers.asUnsignedByteArray(FIELD_BYTES, priv.getD()), encodePublic(pub.getQ()));
    }

    /** The private key {@code d} (32 bytes, big-endian). */
    public static ECPrivateKeyParameters privateKey(byte[] d) {
        if (d.length != FIELD_BYTES) {
            throw new IllegalArgumentException("SM2 private key must be 32 bytes");
        }
        BigInteger value = new BigInteger(1, d);
        if (value.signum() <= 0 || value.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) >= 0) {
            throw new IllegalArgumentException("SM2 private key out of range");
        }
        return new ECPrivateKeyParameters(value, DOMAIN);
    }

    /** The public key from {@code x || y} (64 bytes); refuses points not on the curve. */
    public static ECPublicKeyParameters publicKey(byte[] xy) {
        if (xy.length != 2 * FIELD_BYTES) {
            throw new IllegalArgumentException("SM2 public key must be x || y, 64 bytes");
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(xy, 0, FIELD_BYTES));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(xy, FIELD_BYTES, 2 * FIELD_BYTES));
        ECPoint q = DOMAIN.getCurve().validatePoint(x, y);
        return new ECPublicKeyParameters(q, DOMAIN);
    }

    /** The public key {@code x || y} that belongs to private key {@code d}. */
    public static byte[] publicFromPrivate(ECPrivateKeyParameters d) {
        return encodePublic(DOMAIN.getG().multiply(d.getD()).normalize());
    }

    /** Signs {@code message} (the whole message: Z_A and SM3 are applied here); returns {@code r || s}. */
    public static byte[] sign(ECPrivateKeyParameters key, byte[] message, SecureRandom random) {
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), USER_ID));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /**
     * A reusable signer for one key. {@code SM2Signer.init} computes the public key (a scalar
     * multiplication) to derive Z_A, which as much as doubles the cost of a signature; so each thread
     * keeps one initialised signer per key and only resets it between signatures.
     */
    public static Signatures.Signer signer(ECPrivateKeyParameters key) {
        ThreadLocal<SM2Signer> perThread = ThreadLocal.withInitial(() -> {
            SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
            signer.init(true, new ParametersWithID(new ParametersWithRandom(key, new SecureRandom()), USER_ID));
            return signer;
        });
        return message -> {
            SM2Signer signer = perThread.get();
            signer.reset();
            signer.update(message, 0, message.length);
            try {
                return signer.generateSignature();
            } catch (CryptoException e) {
                throw new IllegalStateException("SM2 signing failed", e);
            }
        };
    }

    /** True when {@code signature} ({@code r || s}) is a valid SM2-SM3 signature of {@code message}. */
    public static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != 2 * FIELD_BYTES) {
            return false;
        }
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
        signer.init(false, new ParametersWithID(key, USER_ID));
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }

    private static byte[] encodePublic(ECPoint q) {
        ECPoint n = q.normalize();
        byte[] out = new byte[2 * FIELD_BYTES];
        System.arraycopy(BigIntegers.asUnsignedByteArray(FIELD_BYTES, n.getAffineXCoord().toBigInteger()), 0, out, 0,
                FIELD_BYTES);
        System.arraycopy(BigIntegers.asUnsignedByteArray(FIELD_BYTES, n.getAffineYCoord().toBigInteger()), 0, out,
                FIELD_BYTES, FIELD_BYTES);
        return out;
    }
}
