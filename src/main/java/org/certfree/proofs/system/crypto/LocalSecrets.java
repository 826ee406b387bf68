package org.certfree.proofs.system.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.jboss.logging.Logger;

/**
 * 32-byte secrets from configuration (base64). Production requires them; demo mode generates each
 * once into a 0600 file under the data folder so restarts can still read what was written.
 */
public final class LocalSecrets {

    private static final Logger LOG = Logger.getLogger(LocalSecrets.class);

    private LocalSecrets() {
    }

    public static byte[] resolve(Optional<String> configured, Path demoFile, CertfreeConfig.Mode mode, String property) {
        if (configured.isPresent()) {
            return decode(configured.get(), property);
        }
        if (mode == CertfreeConfig.Mode.PRODUCTION) {
            throw new IllegalStateException("Production mode requires " + property + " (base64 of 32 random bytes)");
        }
        try {
            if (!Files.exists(demoFile)) {
                Files.createDirectories(demoFile.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(demoFile, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(demoFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                LOG.warnf("Demo mode: generated %s in %s (production must configure it)", property, demoFile);
            }
            return decode(Files.readString(demoFile, StandardCharsets.US_ASCII).trim(), property);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + demoFile, e);
        }
    }

    private static byte[] decode(String base64, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (base64 of 32 random bytes), got " + key.length);
        }
        return key;
    }
}
