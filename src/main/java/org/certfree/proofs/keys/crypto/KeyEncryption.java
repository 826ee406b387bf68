package org.certfree.proofs.keys.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private keys at rest with AES-256-GCM under the key-encryption key (KEK). A sealed value is
 * {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}; the caller's associated data (department
 * code and kid) binds each ciphertext to its row, so a ciphertext copied to another row does not decrypt.
 */
public final class KeyEncryption {

    public static final int KEK_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec kek;
    private final String kekId;
    private final SecureRandom random = new SecureRandom();

    public KeyEncryption(byte[] kek) {
        if (kek == null || kek.length != KEK_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (AES-256)");
        }
        this.kek = new SecretKeySpec(kek.clone(), "AES");
        this.kekId = idOf(kek);
    }

    /**
     * A short public identifier of the KEK (first 8 bytes of SHA-256 over a label and the KEK, hex):
     * stored with every ciphertext so that a wrong KEK is reported as such instead of as corrupt data.
     */
    public static String idOf(byte[] kek) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("certfree-kek-id:".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha.digest(kek);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kekId() {
        return kekId;
    }

    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts; throws {@link GeneralSecurityException} when the tag does not match (wrong KEK, data or AAD). */
    public byte[] decrypt(byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("sealed key too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }
}
