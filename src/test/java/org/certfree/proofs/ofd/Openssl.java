package org.certfree.proofs.ofd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSSL 3 for the independent checks of OFDs (GM/T 0009 default user ID {@link #DISTID}). */
final class Openssl {

    static final String DISTID = "distid:1234567812345678";

    private Openssl() {
    }

    /** Whether OpenSSL 3 is installed (the checks are skipped without it). */
    static boolean available() {
        try {
            return run(List.of("openssl", "version")).startsWith("OpenSSL 3");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command, returns stdout and stderr together. */
    static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Writes {@code cert} as PEM to {@code file}. */
    static Path pem(Path file, X509Certificate cert) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    }
}
