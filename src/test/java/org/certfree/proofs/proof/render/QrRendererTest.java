package org.certfree.proofs.proof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class QrRendererTest {

    /** A status URL of the expected shape and length: base, number with check character, 6-character code. */
    static final String STATUS_URL = "https://zwfw.bazhong.gov.cn/verify?n=BZ2025-GAJ-7KXR9TDF4M2QH&c=K7M4Q9";

    private final QrRenderer qr = new QrRenderer();

    @Test
    void aSeventyCharacterStatusUrlFitsInVersionFiveOrLess() {
        assertEquals(70, STATUS_URL.length());
        QrRenderer.QrSymbol symbol = qr.encode(STATUS_URL);
        assertTrue(symbol.version() <= 5, "version " + symbol.version());
        // 17 + 4·version modules plus the quiet zone on both sides
        assertEquals(17 + 4 * symbol.version() + 2 * QrRenderer.QUIET_ZONE_MODULES, symbol.size());
    }

    @Test
    void thePngDecodesBackToThePayloadAtLevelM() throws Exception {
        Result result = decode(qr.png(STATUS_URL, 4));
        assertEquals(STATUS_URL, result.getText());
        assertEquals("M", result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    @Test
    void aNonAsciiPayloadRoundTripsAsUtf8() throws Exception {
        String payload = "https://zwfw.bazhong.gov.cn/核验?n=BZ2025&c=证明";
        assertEquals(payload, decode(qr.png(payload, 4)).getText());
    }

    @Test
    void thePngHasTheQuietZoneAndTheRequestedScale() throws Exception {
        QrRenderer.QrSymbol symbol = qr.encode(STATUS_URL);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.png(symbol, 6)));
        assertEquals(symbol.size() * 6, image.getWidth());
        assertEquals(image.getWidth(), image.getHeight());
        int quiet = QrRenderer.QUIET_ZONE_MODULES * 6;
        for (int i = 0; i < image.getWidth(); i++) {
            for (int q = 0; q < quiet; q++) {
                assertEquals(0xFFFFFFFF, image.getRGB(i, q), "top quiet zone");
                assertEquals(0xFFFFFFFF, image.getRGB(q, i), "left quiet zone");
            }
        }
        // the finder pattern's corner module right after the quiet zone is dark
        assertEquals(0xFF000000, image.getRGB(quiet, quiet));
    }

    @Test
    void theSvgIsWellFormedWithAModuleViewBoxAndDrawsExactlyTheDarkModules() throws Exception {
        QrRenderer.QrSymbol symbol = qr.encode(STATUS_URL);
        String svg = qr.svg(symbol);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Element root = xml.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        int n = symbol.size();
        assertEquals("0 0 " + n + " " + n, root.getAttribute("viewBox"));
        assertEquals(1, root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength());

        // Re-rasterise the path's rectangles and compare with the encoder's matrix module by module.
        String d = ((Element) root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0)).getAttribute("d");
        BitMatrix drawn = new BitMatrix(n);
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(d);
        int consumed = 0;
        while (m.find()) {
            assertEquals(m.start(), consumed, "unexpected path syntax at " + consumed);
            consumed = m.end();
            assertEquals(m.group(3), m.group(4));
            drawn.setRegion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), 1);
        }
        assertEquals(d.length(), consumed);
        assertEquals(symbol.matrix(), drawn);
    }

    @Test
    void rejectsAnEmptyOrOversizedPayload() {
        assertThrows(IllegalArgumentException.class, () -> qr.encode(""));
        assertThrows(IllegalArgumentException.class, () -> qr.encode("x".repeat(QrRenderer.MAX_PAYLOAD_BYTES + 1)));
        assertThrows(IllegalArgumentException.class, () -> qr.png(STATUS_URL, 0));
    }

    @Test
    void aDifferentPayloadGivesADifferentSymbol() {
        assertFalse(qr.encode(STATUS_URL).matrix().equals(qr.encode(STATUS_URL.replace("K7M4Q9", "K7M4Q8")).matrix()));
    }

    static Result decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return decode(image);
    }

    static Result decode(BufferedImage image) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }
}
