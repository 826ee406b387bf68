package org.certfree.proofs.ofd;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The picture of a demo seal: a red ring, the department's name around the top, a five-pointed star in the middle
 * and the seal's use below it, as a small palette PNG (16 shades of red over transparency). Demo only: a real seal's
 * picture comes inside the {@code .esl} the official seal system issues.
 */
public final class DemoSealImage {

    /** Pixels per side: 40 mm at about 250 dpi. */
    static final int PIXELS = 400;
    private static final Color RED = new Color(0xd0, 0x10, 0x1c);
    private static final int SHADES = 16;

    private DemoSealImage() {
    }

    /** The PNG bytes of a round seal reading {@code name} around and {@code use} (e.g. 电子证明专用章) below the star. */
    public static byte[] png(String name, String use) {
        BufferedImage argb = new BufferedImage(PIXELS, PIXELS, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(RED);
            double c = PIXELS / 2.0;
            float ring = PIXELS * 0.035f;
            g.setStroke(new BasicStroke(ring));
            g.draw(new java.awt.geom.Ellipse2D.Double(ring, ring, PIXELS - 2 * ring, PIXELS - 2 * ring));
            g.fill(star(c, c, PIXELS * 0.15));
            java.awt.Font font = OfdFont.awtFont();
            arcText(g, font.deriveFont(java.awt.Font.BOLD, PIXELS * 0.105f), name, c, PIXELS * 0.34);
            java.awt.Font small = font.deriveFont(java.awt.Font.BOLD, PIXELS * 0.07f);
            g.setFont(small);
            int w = g.getFontMetrics().stringWidth(use);
            g.drawString(use, (float) (c - w / 2.0), (float) (c + PIXELS * 0.27));
        } finally {
            g.dispose();
        }
        return palettePng(argb);
    }

    /** Characters spread over the upper 240° of the circle, upright towards the centre. */
    private static void arcText(Graphics2D g, java.awt.Font font, String text, double c, double radius) {
        int n = text.codePointCount(0, text.length());
        double span = Math.toRadians(Math.min(240, 22.0 * n + 20));
        double start = -Math.PI / 2 - span / 2;
        g.setFont(font);
        int i = 0;
        for (int off = 0; off < text.length(); off = text.offsetByCodePoints(off, 1), i++) {
            String ch = new String(Character.toChars(text.codePointAt(off)));
            double angle = n == 1 ? -Math.PI / 2 : start + span * i / (n - 1);
            AffineTransform saved = g.getTransform();
            g.translate(c + radius * Math.cos(angle), c + radius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            int w = g.getFontMetrics().stringWidth(ch);
            g.drawString(ch, -w / 2f, 0f);
            g.setTransform(saved);
        }
    }

    private static Path2D star(double cx, double cy, double r) {
        Path2D p = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double radius = k % 2 == 0 ? r : r * 0.382;
            double a = -Math.PI / 2 + k * Math.PI / 5;
            if (k == 0) {
                p.moveTo(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
            } else {
                p.lineTo(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    /** Red with {@value #SHADES} levels of opacity: a few kB instead of the ARGB image's tens. */
    private static byte[] palettePng(BufferedImage argb) {
        byte[] r = new byte[SHADES];
        byte[] gr = new byte[SHADES];
        byte[] b = new byte[SHADES];
        byte[] a = new byte[SHADES];
        for (int i = 0; i < SHADES; i++) {
            r[i] = (byte) RED.getRed();
            gr[i] = (byte) RED.getGreen();
            b[i] = (byte) RED.getBlue();
            a[i] = (byte) Math.round(i * 255.0 / (SHADES - 1));
        }
        IndexColorModel palette = new IndexColorModel(4, SHADES, r, gr, b, a);
        BufferedImage indexed = new BufferedImage(PIXELS, PIXELS, BufferedImage.TYPE_BYTE_BINARY, palette);
        WritableRaster raster = indexed.getRaster();
        for (int y = 0; y < PIXELS; y++) {
            for (int x = 0; x < PIXELS; x++) {
                int alpha = argb.getRGB(x, y) >>> 24;
                raster.setSample(x, y, 0, Math.round(alpha * (SHADES - 1) / 255f));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            ImageIO.write(indexed, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
