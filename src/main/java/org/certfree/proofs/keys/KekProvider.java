package org.certfree.proofs.keys;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.certfree.proofs.keys.crypto.KeyEncryption;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * The key-encryption key (KEK) that seals the departments' private signing keys, from
 * {@code certfree.keys.kek}. Production mode refuses to start without it; demo mode generates one
 * once under {@code <data-dir>/keys/kek} (owner-only permissions) and warns. The KEK itself is never
 * logged; only its public id is.
 */
@ApplicationScoped
public class KekProvider {

    private static final Logger LOG = Logger.getLogger(KekProvider.class);

    @Inject
    CertfreeConfig config;

    private volatile KeyEncryption encryption;

    /** Early in start-up, so a missing or malformed KEK stops the service before it serves anything. */
    void check(@Observes @Priority(2) StartupEvent event) {
        encryption();
    }

    public KeyEncryption encryption() {
        KeyEncryption e = encryption;
        if (e == null) {
            synchronized (this) {
                if (encryption == null) {
                    encryption = new KeyEncryption(load());
                    LOG.infof("Signing keys are sealed under the key-encryption key with id %s", encryption.kekId());
                }
                e = encryption;
            }
        }
        return e;
    }

    private byte[] load() {
        if (config.keys().kek().isPresent()) {
            return decode(config.keys().kek().get(), "certfree.keys.kek (CERTFREE_KEYS_KEK)");
        }
        if (config.mode() == CertfreeConfig.Mode.PRODUCTION) {
            throw new IllegalStateException("Production mode refuses to start: no key-encryption key for the signing keys;"
                    + " set CERTFREE_KEYS_KEK to base64 of 32 random bytes (openssl rand -base64 32)");
        }
        return demoKek(Path.of(config.dataDir(), "keys", "kek"));
    }

    static byte[] decode(String base64, String source) {
        byte[] kek;
        try {
            kek = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64: give base64 of 32 random bytes");
        }
        if (kek.length != KeyEncryption.KEK_BYTES) {
            throw new IllegalStateException(source + " must be base64 of 32 bytes (AES-256), got " + kek.length + " bytes");
        }
        return kek;
    }

    /** Reads the demo KEK file, creating it (owner read/write only) on first use. */
    static byte[] demoKek(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] kek = new byte[KeyEncryption.KEK_BYTES];
                new SecureRandom().nextBytes(kek);
                Path tmp = Files.createTempFile(file.getParent(), "kek", ".tmp");
                try {
                    restrict(tmp);
                    Files.writeString(tmp, Base64.getEncoder().encodeToString(kek) + "\n", StandardCharsets.US_ASCII);
                    Files.move(tmp, file);
                    LOG.warnf("Demo mode: generated a key-encryption key for the signing keys in %s. Keep that file with the"
                            + " database (without it the stored private keys cannot be used); production sets"
                            + " CERTFREE_KEYS_KEK instead.", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } else {
                LOG.warnf("Demo mode: signing keys are sealed under the key-encryption key in %s (production sets"
                        + " CERTFREE_KEYS_KEK)", file.toAbsolutePath());
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the demo key-encryption key " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
