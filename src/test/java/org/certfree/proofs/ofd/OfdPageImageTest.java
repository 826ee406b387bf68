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
        BufferedImage page = render(OfdFixtures.sealed(OfdFixtures.GOOD), "proof");
        assertTrue(red(page, 170, 100) > 500, "red pixels of the seal");
    }

    @Test
    void aCopysPageRendersWithItsWatermark() throws Exception {
        byte[] copy = OfdSealSigner.seal(OfdFixtures.builder().buildCopy(OfdFixtures.proof(
                org.certfree.proofs.proof.render.ProofDocument.Status.VALID), CopyOfdTest.MARK),
                OfdFixtures.GOOD.identity(), OfdFixtures.SIGNED);
        BufferedImage page = render(copy, "copy");
        BufferedImage proof = render(OfdFixtures.sealed(OfdFixtures.GOOD), "proof");
        // the translucent watermark tints pixels pink all over the page, where the proof's page is white or grey
        int pinkCopy = pink(page);
        int pinkProof = pink(proof);
        assertTrue(pinkCopy > 3 * pinkProof + 2000, "pink pixels: copy " + pinkCopy + ", proof " + pinkProof);
    }

    /** Writes {@code ofd} to {@code target/ofd/<name>-sealed.ofd} and renders page 1 to {@code <name>-page1.png}. */
    private static BufferedImage render(byte[] sealed, String name) throws Exception {
        Path out = Path.of("target", "ofd").toAbsolutePath();
        Files.createDirectories(out);
        Path ofd = Files.write(out.resolve(name + "-sealed.ofd"), sealed);
        return renderFile(ofd, out.resolve(name + "-page1.png"));
    }

    /** Renders page 1 of {@code ofd} to {@code png} in a child JVM; the number of red pixels (every 2nd of each axis). */
    static int renderPageOne(Path ofd, Path png) throws Exception {
        return red(renderFile(ofd, png), 170, 100);
    }

    private static BufferedImage renderFile(Path ofd, Path png) throws Exception {
        Files.deleteIfExists(png);

        List<String> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String jar = Path.of(entry).getFileName().toString();
            if (!jar.matches("(pdfbox|fontbox|pdfbox-io)-3\\..*\\.jar")) {
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
        return ImageIO.read(png.toFile());
    }

    private static int red(BufferedImage page, int minRed, int maxOther) {
        int red = 0;
        for (int y = 0; y < page.getHeight(); y += 2) {
            for (int x = 0; x < page.getWidth(); x += 2) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > minRed && ((rgb >> 8) & 0xff) < maxOther && (rgb & 0xff) < maxOther) {
                    red++;
                }
            }
        }
        return red;
    }

    /** Light pink: red near white, green and blue clearly lower (the watermark over white paper). */
    private static int pink(BufferedImage page) {
        int pink = 0;
        for (int y = 0; y < page.getHeight(); y += 2) {
            for (int x = 0; x < page.getWidth(); x += 2) {
                int rgb = page.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 220 && g < r - 15 && b < r - 15 && g > 150) {
                    pink++;
                }
            }
        }
        return pink;
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
