package org.certfree.proofs.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.junit.jupiter.api.Test;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.reader.OFDReader;

/** The unsigned OFD of a proof: A4, the proof's text, metadata, a small embedded font, the same bytes each time. */
class ProofOfdTest {

    private final ProofOfdBuilder builder = OfdFixtures.builder();

    @Test
    void anA4PageWithTheProofsMetadata() throws Exception {
        byte[] ofd = builder.build(OfdFixtures.proof(Status.VALID)).bytes();
        Path dir = Files.createTempDirectory("certfree-ofd-test-");
        try {
            SafeUnzip.extract(ofd, dir, SafeUnzip.Limits.DEFAULT);
            try (OFDReader reader = new OFDReader(dir.toString(), false)) {
                assertEquals(1, reader.getNumberOfPages());
                ST_Box box = reader.getPageSize(1);
                assertEquals(210, box.getWidth(), 0.01);
                assertEquals(297, box.getHeight(), 0.01);
                CT_DocInfo info = reader.getOFDDir().getOfd().getDocBody().getDocInfo();
                assertEquals("巴中市公安局", info.getAuthor());
                assertEquals("2025-03-07", info.getCreationDate().toString());
                Map<String, String> data = SignedPackageTestAccess.customData(dir);
                assertEquals(OfdFixtures.NUMBER, data.get("证照编号"));
                assertEquals(OfdFixtures.MATTER, data.get("证照类型代码"));
                assertEquals("无犯罪记录证明", data.get("证照名称"));
                assertEquals("BZGAJ-GA-ZM-0007-" + OfdFixtures.NUMBER, data.get("证照标识"));
                assertEquals("巴中市公安局", data.get("证照颁发机构"));
                assertEquals("2025-03-07", data.get("证照颁发日期"));
                assertEquals("张*华", data.get("持证主体"));
                assertEquals("511902**********34", data.get("持证主体代码"));
            }
        } finally {
            TempFolders.delete(dir);
        }
    }

    @Test
    void thePageCarriesTheProofsTextAndASmallFontSubset() {
        Map<String, byte[]> files = OfdZips.entries(builder.build(OfdFixtures.proof(Status.VALID)).bytes());
        String content = new String(files.get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        for (String text : List.of("电子证明", "无犯罪记录证明", OfdFixtures.NUMBER, OfdFixtures.CODE, "张*华", "查询结果",
                "开具单位：巴中市公安局", "核验方式")) {
            assertTrue(content.contains(text), text);
        }
        byte[] font = files.entrySet().stream().filter(e -> e.getKey().endsWith(OfdFont.SUBSET_FILE)).findFirst()
                .orElseThrow().getValue();
        assertTrue(font.length < 100_000, "font subset of " + font.length + " bytes");
        assertTrue(files.keySet().stream().anyMatch(n -> n.endsWith("qr.png")), files.keySet().toString());
    }

    @Test
    void twoBuildsHoldTheSameFiles() {
        Map<String, byte[]> a = OfdZips.entries(builder.build(OfdFixtures.proof(Status.VALID)).bytes());
        Map<String, byte[]> b = OfdZips.entries(builder.build(OfdFixtures.proof(Status.VALID)).bytes());
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
    }

    @Test
    void aRevokedProofSaysSoOnThePage() {
        Map<String, byte[]> files = OfdZips.entries(builder.build(OfdFixtures.proof(Status.REVOKED)).bytes());
        String content = new String(files.get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        assertTrue(content.contains("已撤销"));
    }

    @Test
    void theDemoSealIsASmallPalettePng() throws Exception {
        byte[] png = DemoSealImage.png("巴中市公安局", "电子证明专用章");
        assertTrue(png.length < 20_000, png.length + " bytes");
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertTrue(image.getColorModel() instanceof java.awt.image.IndexColorModel);
        Path out = Path.of("target", "ofd", "demo-seal.png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);
    }
}
