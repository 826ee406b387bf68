package org.certfree.proofs.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import org.certfree.proofs.keys.crypto.JoseAdapters;
import org.certfree.proofs.keys.crypto.Jwk;
import org.certfree.proofs.keys.crypto.KeyEncryption;
import org.certfree.proofs.keys.crypto.RawKeyPair;
import org.certfree.proofs.keys.crypto.Signatures;
import org.jboss.logging.Logger;

/**
 * Sealed storage of the departments' private keys: a new key pair is sealed under the KEK
 * (AES-256-GCM, associated data = department code and kid) before it is stored, and unsealed only
 * into a signer held in memory; the private key bytes are wiped as soon as they are used.
 */
@ApplicationScoped
public class KeyVault {

    private static final Logger LOG = Logger.getLogger(KeyVault.class);

    @Inject
    KekProvider kek;

    /** Generates and stores (in the caller's transaction) a new ACTIVE key of the department. */
    SigningKey create(String departmentCode, KeyAlgorithm algorithm, Instant now) {
        RawKeyPair pair = Signatures.generate(algorithm);
        try {
            SigningKey key = new SigningKey();
            key.kid = Jwk.thumbprint(algorithm, pair.publicKey());
            key.departmentCode = departmentCode;
            key.algorithm = algorithm;
            key.state = KeyState.ACTIVE;
            key.publicKey = pair.publicKey();
            KeyEncryption encryption = kek.encryption();
            key.privateKeySealed = encryption.encrypt(pair.privateKey(), associatedData(departmentCode, key.kid));
            key.kekId = encryption.kekId();
            key.activatedAt = now;
            key.persist();
            SigningKey.flush();
            LOG.infof("Created %s signing key %s for %s", algorithm, key.kid, departmentCode);
            return key;
        } finally {
            Arrays.fill(pair.privateKey(), (byte) 0);
        }
    }

    /** The key's signer, unsealed under the configured KEK (fails when it was sealed under another, or altered). */
    KeyDirectory.ActiveKey unseal(SigningKey key) {
        byte[] privateKey = privateKey(key);
        try {
            Signatures.Signer signer = Signatures.signer(key.algorithm, privateKey, key.publicKey);
            return new KeyDirectory.ActiveKey(key.kid, key.departmentCode, key.algorithm,
                    JoseAdapters.signer(key.algorithm, signer));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** The key's private bytes, unsealed; the caller wipes them when done. */
    byte[] privateKey(SigningKey key) {
        KeyEncryption encryption = kek.encryption();
        if (!encryption.kekId().equals(key.kekId)) {
            throw new IllegalStateException("Signing key " + key.kid + " of " + key.departmentCode + " was sealed under KEK "
                    + key.kekId + " but the configured KEK is " + encryption.kekId());
        }
        try {
            return encryption.decrypt(key.privateKeySealed, associatedData(key.departmentCode, key.kid));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + key.kid + " of " + key.departmentCode
                    + " does not decrypt under the configured KEK (altered row?)", e);
        }
    }

    /** The id of the configured KEK (keys sealed under another cannot sign). */
    String kekId() {
        return kek.encryption().kekId();
    }

    static byte[] associatedData(String departmentCode, String kid) {
        return ("certfree-signing-key\u0000" + departmentCode + "\u0000" + kid).getBytes(StandardCharsets.UTF_8);
    }
}
