package org.certfree.proofs.system.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * The RSA key pair that signs and verifies development tokens in demo mode. Generated at first
 * start under the data folder (never committed); production verifies an identity provider's keys.
 */
public final class DevSigningKeys {

    public static final String ISSUER = "https://certfree.local/dev-tokens";

    private DevSigningKeys() {
    }

    /** Ensures the key pair exists under {@code folder} and returns the SmallRye JWT properties for it. */
    public static Map<String, String> prepare(Path folder) {
        Path privatePem = folder.resolve("dev-token-signing.private.pem").toAbsolutePath();
        Path publicPem = folder.resolve("dev-token-signing.public.pem").toAbsolutePath();
        try {
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                Files.createDirectories(folder);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePem(privatePem, "PRIVATE KEY", pair.getPrivate().getEncoded());
                writePem(publicPem, "PUBLIC KEY", pair.getPublic().getEncoded());
                try {
                    Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write development token keys under " + folder, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
        return Map.of(
                "mp.jwt.verify.publickey.location", publicPem.toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "smallrye.jwt.sign.key.location", privatePem.toUri().toString(),
                "smallrye.jwt.new-token.issuer", ISSUER);
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
