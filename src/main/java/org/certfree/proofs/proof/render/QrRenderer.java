package org.certfree.proofs.proof.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders the QR code of a proof: the payload is the status page URL with number and code, built by the caller.
 * Error correction M (15 %: survives a crease or a stain on paper) and the 4-module quiet zone that
 * ISO/IEC 18004 requires around the symbol. Stateless and thread-safe.
 */
@ApplicationScoped
public class QrRenderer {

    /** Light modules around the symbol, the minimum ISO/IEC 18004 asks for. */
    public static final int QUIET_ZONE_MODULES = 4;

    /** Error correction level of every proof QR code. */
    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.M;

    /** Longest payload accepted; a status URL is far shorter, and a longer one would not scan from paper. */
    public static final int MAX_PAYLOAD_BYTES = 512;

    /** The encoded symbol: a 1-pixel-per-module matrix including the quiet zone, and its QR version (1–40). */
    public record QrSymbol(BitMatrix matrix, int version) {

        /** Width in modules, quiet zone included. */
        public int size() {
            return matrix.getWidth();
        }
    }

    /** Encodes a payload into a symbol. */
    public QrSymbol encode(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new IllegalArgumentException("QR payload is empty");
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("QR payload longer than " + MAX_PAYLOAD_BYTES + " bytes");
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        // UTF-8 is declared (an ECI segment) only when the payload needs it: for an ASCII URL the bytes are
        // the same, and an ECI-free symbol is one version smaller at the margin and read by every scanner.
        if (!isAscii(payload)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        try {
            // Width and height 0 ask ZXing for the smallest rendering: one pixel per module.
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
            int modules = matrix.getWidth() - 2 * QUIET_ZONE_MODULES;
            return new QrSymbol(matrix, (modules - 17) / 4);
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR payload cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** PNG image, black on white, {@code pixelsPerModule} pixels per module (8 gives a 300 dpi print about 2.5 cm wide). */
    public byte[] png(String payload, int pixelsPerModule) {
        return png(encode(payload), pixelsPerModule);
    }

    /** PNG image of an encoded symbol. */
    public byte[] png(QrSymbol symbol, int pixelsPerModule) {
        int size = symbol.size() * pixelsPerModule;
        byte[] bits = lightBits(symbol, pixelsPerModule);
        // 1-bit image with the default black/white palette: its raster has exactly the layout of lightBits.
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(bits, 0, raster, 0, bits.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The symbol as a 1-bit bitmap, {@code pixelsPerModule} pixels per module: rows padded to whole bytes, most
     * significant bit first, 1 = light. That is the layout of a 1-bit grey PNG raster and of a PDF DeviceGray
     * image with 1 bit per component, so both are made from it without a per-pixel conversion.
     */
    byte[] lightBits(QrSymbol symbol, int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > 64) {
            throw new IllegalArgumentException("pixelsPerModule must be 1..64");
        }
        BitMatrix matrix = symbol.matrix();
        int size = matrix.getWidth() * pixelsPerModule;
        int stride = (size + 7) / 8;
        byte[] bits = new byte[stride * size];
        byte[] row = new byte[stride];
        for (int my = 0; my < matrix.getHeight(); my++) {
            Arrays.fill(row, (byte) 0xFF);
            for (int mx = 0; mx < matrix.getWidth(); mx++) {
                if (matrix.get(mx, my)) {
                    for (int px = mx * pixelsPerModule; px < (mx + 1) * pixelsPerModule; px++) {
                        row[px >>> 3] &= (byte) ~(0x80 >>> (px & 7));
                    }
                }
            }
            for (int k = 0; k < pixelsPerModule; k++) {
                System.arraycopy(row, 0, bits, (my * pixelsPerModule + k) * stride, stride);
            }
        }
        return bits;
    }

    /** SVG image whose user units are modules; it scales to any size without blur. */
    public String svg(String payload) {
        return svg(encode(payload));
    }

    /**
     * SVG of an encoded symbol. ZXing has no SVG writer; the usual approach is to walk the BitMatrix and emit one
     * {@code <path>} whose sub-paths are the dark runs of each row (a run of n modules is one rectangle), with
     * {@code shape-rendering="crispEdges"} so viewers do not anti-alias the seams between rows.
     */
    public String svg(QrSymbol symbol) {
        BitMatrix matrix = symbol.matrix();
        int size = matrix.getWidth();
        StringBuilder d = new StringBuilder(size * size);
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && matrix.get(x, y)) {
                    x++;
                }
                int run = x - start;
                d.append('M').append(start).append(' ').append(y)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + ' ' + size
                + "\" width=\"" + size * 4 + "\" height=\"" + size * 4 + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + d + "\"/></svg>";
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
