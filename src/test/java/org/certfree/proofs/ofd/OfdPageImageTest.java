package org.certfree.proofs.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.ofdrw.converter.ImageMaker;
import org.ofdrw.reader.OFDReader;

/**
 * Renders page 1 of a sealed proof OFD to {@code target/ofd/proof-page1.png} with ofdrw-converter (test scope only:
 * it needs iText, AGPL), so a person can look at the layout and the seal, and checks the seal's red is on the page.
 * The converter draws with PDFBox 2 classes while the tests carry PDFBox 3, so the drawing runs in a child JVM whose
 * classpath swaps in PDFBox 2 (copied by the build to {@code target/ofd-render-lib}).
 */
class OfdPageImageTest {

    @Test
    void pageOneRendersWithTheRedSeal() throws Exception {
        Path out = Path.of("target", "ofd").toAbsolutePath();
        Files.createDirectories(out);
        Path ofd = Files.write(out.resolve("proof-sealed.ofd"), OfdFixtures.sealed(OfdFixtures.GOOD));
        int red = renderPageOne(ofd, out.resolve("proof-page1.png"));
        assertTrue(red > 500, "red pixels of the seal: " + red);
    }

    /** Renders page 1 of {@code ofd} to {@code png} in a child JVM; the number of red pixels (every 2nd of each axis). */
    static int renderPageOne(Path ofd, Path png) throws Exception {
        Files.deleteIfExists(png);
        List<String> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!name.matches("(pdfbox|fontbox|pdfbox-io)-3\\..*\\.jar")) {
                classpath.add(entry);
            }
        }
        try (Stream<Path> jars = Files.list(Path.of("target", "ofd-render-lib"))) {
            jars.forEach(j -> classpath.add(j.toAbsolutePath().toString()));
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, classpath),
                Render.class.getName(), ofd.toString(), png.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "render timed out");
        assertEquals(0, p.exitValue(), log);

        BufferedImage page = ImageIO.read(png.toFile());
        int red = 0;
        for (int y = 0; y < page.getHeight(); y += 2) {
            for (int x = 0; x < page.getWidth(); x += 2) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 170 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100) {
                    red++;
                }
            }
        }
        return red;
    }

    /** The child JVM: unpacks with our unzip, renders page 1 at 6 pixels per millimetre (about 150 dpi). */
    public static final class Render {
        public static void main(String[] args) throws Exception {
            Path dir = Files.createTempDirectory("certfree-ofd-test-");
            try {
                SafeUnzip.extract(Files.readAllBytes(Path.of(args[0])), dir, SafeUnzip.Limits.DEFAULT);
                try (OFDReader reader = new OFDReader(dir.toString(), false)) {
                    ImageIO.write(new ImageMaker(reader, 6).makePage(0), "png", new File(args[1]));
                }
            } finally {
                TempFolders.delete(dir);
            }
        }
    }
}
