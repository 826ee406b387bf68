package org.certfree.proofs.system.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.certfree.proofs.system.config.CertfreeConfig;

/**
 * Protects personal identifiers at rest (DESIGN.md, security model): AES-256-GCM encryption with
 * the column's purpose as associated data (a value copied into another column does not decrypt),
 * and an HMAC-SHA256 blind index under a separate key for equality lookups. Keys come from
 * configuration; demo mode generates them once under the data folder.
 */
@ApplicationScoped
public class PersonalDataProtector {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;

    @Inject
    CertfreeConfig config;

    private SecretKeySpec encryptionKey;
    private SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    /** A cipher per thread, initialised afresh for every value (getInstance costs more than the decryption). */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    /** An HMAC per thread, keyed once ({@code doFinal} leaves it ready for the next value under the same key). */
    private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    });

    @PostConstruct
    void init() {
        Path folder = Path.of(config.dataDir(), "keys");
        byte[] enc = LocalSecrets.resolve(config.personalData().encryptionKey(), folder.resolve("personal-data-encryption.key"),
                config.mode(), "certfree.personal-data.encryption-key");
        byte[] idx = LocalSecrets.resolve(config.personalData().indexKey(), folder.resolve("personal-data-index.key"),
                config.mode(), "certfree.personal-data.index-key");
        encryptionKey = new SecretKeySpec(enc, "AES");
        indexKey = new SecretKeySpec(idx, "HmacSHA256");
    }

    /** Encrypts {@code plaintext} for the column named by {@code purpose}; base64 of version‖nonce‖ciphertext. */
    public String encrypt(String plaintext, String purpose) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts what {@link #encrypt} produced for the same purpose; fails loudly on tampering. */
    public String decrypt(String stored, String purpose) {
        if (stored == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            if (all.length < 1 + NONCE_BYTES + TAG_BITS / 8 || all[0] != VERSION) {
                throw new IllegalStateException("unknown personal-data ciphertext format");
            }
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 1, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, 1 + NONCE_BYTES, all.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data failed to decrypt (wrong key or tampered row)", e);
        }
    }

    /** Deterministic keyed index of a normalized identifier, for lookups without decrypting. */
    public String blindIndex(String normalized, String purpose) {
        Mac mac = hmac.get();
        mac.reset(); // in case an earlier call on this thread failed half-way
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
    }
}
