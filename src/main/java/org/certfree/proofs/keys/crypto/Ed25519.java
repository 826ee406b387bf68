package org.certfree.proofs.keys.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 signatures (RFC 8032) with BouncyCastle's lightweight signer, which verifies several times
 * faster than the JDK 17 provider. Private key: the 32-byte seed; public key: 32 bytes.
 */
public final class Ed25519 {

    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    private Ed25519() {
    }

    public static RawKeyPair generate(SecureRandom random) {
        Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(random);
        return new RawKeyPair(priv.getEncoded(), priv.generatePublicKey().getEncoded());
    }

    public static Ed25519PrivateKeyParameters privateKey(byte[] seed) {
        if (seed.length != KEY_BYTES) {
            throw new IllegalArgumentException("Ed25519 private key must be 32 bytes");
        }
        return new Ed25519PrivateKeyParameters(seed, 0);
    }

    /** The public key; refuses encodings that are not a point of the curve. */
    public static Ed25519PublicKeyParameters publicKey(byte[] encoded) {
        if (encoded.length != KEY_BYTES) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
        }
        return new Ed25519PublicKeyParameters(encoded, 0);
    }

    public static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    public static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, key);
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }
}
