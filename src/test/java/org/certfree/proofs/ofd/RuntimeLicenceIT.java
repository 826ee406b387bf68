package org.certfree.proofs.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runnable app ({@code target/quarkus-app}) carries no AGPL code: {@code ofdrw-converter} and the iText 7 it
 * pulls in are test-scope only (issue #17 item 6), while the OFD writer, reader and signer (Apache-2.0) are there.
 */
class RuntimeLicenceIT {

    /** iText 7 (AGPL-3.0), and the ofdrw module that needs it. */
    private static final Pattern AGPL = Pattern.compile("(?i)(com\\.itextpdf|itext|ofdrw-converter)");

    private static Path appDir() {
        return Path.of(System.getProperty("certfree.app.dir", "target/quarkus-app"));
    }

    @Test
    void noItextJarInTheRunnableApp() throws IOException {
        Path lib = appDir().resolve("lib");
        assertTrue(Files.isDirectory(lib), lib + " is missing: run ./mvnw package first");
        try (Stream<Path> jars = Files.walk(lib)) {
            List<String> agpl = jars.map(p -> p.getFileName().toString()).filter(n -> AGPL.matcher(n).find()).toList();
            assertEquals(List.of(), agpl, "AGPL jars on the runtime classpath");
        }
        try (Stream<Path> jars = Files.walk(lib)) {
            assertTrue(jars.anyMatch(p -> p.getFileName().toString().startsWith("org.ofdrw.ofdrw-sign-")),
                    "the OFD signer belongs in the app");
        }
    }

    @Test
    void noItextInTheDependencyList() throws IOException {
        Path list = appDir().resolve("quarkus-app-dependencies.txt");
        if (Files.exists(list)) {
            List<String> agpl = Files.readAllLines(list).stream().filter(l -> AGPL.matcher(l).find()).toList();
            assertEquals(List.of(), agpl, "AGPL artifacts in " + list);
        }
    }
}
