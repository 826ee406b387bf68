package org.certfree.proofs.keys.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.certfree.proofs.keys.KeyAlgorithm;

/** Key generation, signing and verification for both {@link KeyAlgorithm}s, over raw key bytes. */
public final class Signatures {

    /** One generator per thread: SecureRandom instances are thread-safe but contend under load. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private Signatures() {
    }

    /** Signs messages with one private key; thread-safe. */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(byte[] message);
    }

    /** Checks signatures with one public key; thread-safe; never throws on bad signatures. */
    @FunctionalInterface
    public interface Verifier {
        boolean verify(byte[] message, byte[] signature);
    }

    public static RawKeyPair generate(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case SM2_SM3 -> Sm2Sm3.generate(RANDOM.get());
            case ED25519 -> Ed25519.generate(RANDOM.get());
        };
    }

    /**
     * A signer for {@code privateKey}; refuses a private key that does not belong to {@code publicKey}
     * (so a mixed-up or corrupted row can never sign under another key's {@code kid}).
     */
    public static Signer signer(KeyAlgorithm algorithm, byte[] privateKey, byte[] publicKey) {
        switch (algorithm) {
            case SM2_SM3 -> {
                ECPrivateKeyParameters key = Sm2Sm3.privateKey(privateKey);
                if (!Arrays.equals(Sm2Sm3.publicFromPrivate(key), publicKey)) {
                    throw new IllegalArgumentException("SM2 private key does not match its public key");
                }
                return Sm2Sm3.signer(key);
            }
            case ED25519 -> {
                Ed25519PrivateKeyParameters key = Ed25519.privateKey(privateKey);
                if (!Arrays.equals(key.generatePublicKey().getEncoded(), publicKey)) {
                    throw new IllegalArgumentException("Ed25519 private key does not match its public key");
                }
                return message -> Ed25519.sign(key, message);
            }
            default -> throw new IllegalArgumentException(algorithm.name());
        }
    }

    /** A verifier for {@code publicKey}; throws {@link IllegalArgumentException} for a key that is not a curve point. */
    public static Verifier verifier(KeyAlgorithm algorithm, byte[] publicKey) {
        return switch (algorithm) {
            case SM2_SM3 -> {
                ECPublicKeyParameters key = Sm2Sm3.publicKey(publicKey);
                yield (message, signature) -> Sm2Sm3.verify(key, message, signature);
            }
            case ED25519 -> {
                Ed25519PublicKeyParameters key = Ed25519.publicKey(publicKey);
                yield (message, signature) -> Ed25519.verify(key, message, signature);
            }
        };
    }
}
