package org.certfree.proofs.ofd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.ofdrw.font.Font;

/**
 * The Chinese font of an OFD proof: WenQuanYi Zen Hei, the same TTF the PDF embeds (copied into the classes by the
 * build, pom.xml {@code unpack-cjk-font}; GPL-2.0 with the font embedding exception). ofdrw would embed the whole
 * 9 MB file, so each document gets its own subset of the characters it prints (fontbox {@link TTFSubsetter}).
 *
 * <p>Thread-safe: the parsed font is shared and read under its lock (fontbox reads glyphs lazily).
 */
final class OfdFont {

    /** The font's family name, written into the OFD's font resource. */
    static final String NAME = "WenQuanYi Zen Hei";

    /** Classpath location of the TTF, put there by the build for the PDF renderer. */
    static final String RESOURCE = "/org/certfree/proofs/proof/render/fonts/WenQuanZhengHei.ttf";

    /** Name of the subset inside the OFD package (Doc_0/Res/...), the same for every document. */
    static final String SUBSET_FILE = "WenQuanZhengHei-subset.ttf";

    /** Printed in place of a character the font cannot show, as on the PDF. */
    static final char MISSING = '〓';

    /**
     * Tables kept in a subset: what a TrueType renderer needs to draw and measure glyphs. {@code post} is left out:
     * the subsetter fails on this font's glyph names, and OFD readers map characters through {@code cmap}.
     */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "cmap",
            "fpgm", "gasp", "name", "OS/2");

    static {
        // ofdrw measures and loads fonts through AWT: never look for a display on a server
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static volatile OfdFont shared;

    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final double[] asciiWidths;

    private OfdFont(TrueTypeFont ttf) throws IOException {
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup();
        double em = ttf.getUnitsPerEm();
        asciiWidths = new double[95];
        for (int c = 32; c <= 126; c++) {
            asciiWidths[c - 32] = ttf.getAdvanceWidth(cmap.getGlyphId(c)) / em;
        }
    }

    /** The font, parsed once per JVM. */
    static OfdFont get() {
        OfdFont font = shared;
        if (font == null) {
            synchronized (OfdFont.class) {
                font = shared;
                if (font == null) {
                    shared = font = load();
                }
            }
        }
        return font;
    }

    private static OfdFont load() {
        try (InputStream in = OfdFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; the Maven build copies it "
                        + "in the generate-resources phase (./mvnw generate-resources)");
            }
            return new OfdFont(new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException("Chinese font cannot be loaded", e);
        }
    }

    private static volatile java.awt.Font awt;

    /** The same font for AWT drawing (the demo seal's picture); loaded once. */
    static java.awt.Font awtFont() {
        java.awt.Font font = awt;
        if (font == null) {
            try (InputStream in = OfdFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                awt = font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
            } catch (IOException | java.awt.FontFormatException e) {
                throw new IllegalStateException("Chinese font cannot be loaded", e);
            }
        }
        return font;
    }

    /** Advance width of a character in ems: the font's own for ASCII, one em for the CJK range it is made for. */
    double width(char c) {
        return c >= 32 && c <= 126 ? asciiWidths[c - 32] : 1.0;
    }

    /** Replaces every character the font cannot show, so nothing silently disappears from a proof. */
    String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (cp <= 0xFFFF && hasGlyph(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private synchronized boolean hasGlyph(int codePoint) {
        return cmap.getGlyphId(codePoint) != 0;
    }

    /**
     * Writes the subset holding exactly the characters of {@code text} to {@code dir} and returns the ofdrw font
     * that embeds it, with the real ASCII widths for layout.
     */
    Font subset(String text, Path dir) throws IOException {
        TreeSet<Integer> codePoints = new TreeSet<>();
        text.codePoints().forEach(codePoints::add);
        codePoints.add((int) MISSING);
        Path file = dir.resolve(SUBSET_FILE);
        synchronized (this) {
            TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
            subsetter.addAll(codePoints);
            try (OutputStream out = Files.newOutputStream(file)) {
                subsetter.writeToStream(out);
            }
        }
        return new Font(NAME, NAME, file).setPrintableAsciiWidthMap(asciiWidths.clone());
    }
}
