package org.certfree.proofs.proof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.SigningKeyRef;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.certfree.proofs.proof.render.ProofDocument.SubjectKind;
import org.junit.jupiter.api.Test;

/** Reads the rendered PDF back with an independent library (PDFBox): text, fonts, the QR image. */
class PdfRendererTest {

    static final String NUMBER = "BZ2025-GAJ-7KXR9TDF4M2QH";
    static final String CODE = "K7M4Q9";

    private final PdfRenderer renderer = new PdfRenderer(new QrRenderer());

    static ProofDocument sample(Status status, List<Claim> claims) {
        return new ProofDocument(NUMBER, CODE, "GA-ZM-0007", "无犯罪记录证明", 2, "BZGAJ", "巴中市公安局",
                SubjectKind.PERSON, "张*华", "511902**********34", claims, "办理出国（境）签证",
                Instant.parse("2025-03-07T01:05:00Z"), Instant.parse("2025-06-05T01:05:00Z"), status,
                QrRendererTest.STATUS_URL,
                List.of(new SigningKeyRef("q1uJ4m1yF2oFQzmr0dYy3oQ7Vqf6m6bJ9q3Ff1cQpW8", "SM2SM3"),
                        new SigningKeyRef("Zt5Qb0hP9Xw2Lr8Nc4Kd7Js1Ty6Vm3Ha0Ue5Go2Fi9E", "EdDSA")));
    }

    static ProofDocument sample() {
        return sample(Status.VALID, List.of(
                new Claim("查询期间", "2015年3月7日至2025年3月7日"),
                new Claim("查询结果", "经查询巴中市公安机关违法犯罪人员信息系统，未发现该人员有犯罪记录。")));
    }

    @Test
    void theChineseTextComesBackOutOfThePdf() throws IOException {
        byte[] pdf = renderer.render(sample());
        writeSample("proof-valid.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = compact(new PDFTextStripper().getText(doc));
            for (String expected : List.of("电子证明", "无犯罪记录证明", "巴中市公安局", NUMBER, CODE, "张*华",
                    "511902**********34", "公民身份号码", "查询结果", "未发现该人员有犯罪记录", "办理出国（境）签证",
                    "2025年3月7日09:05", "2025年6月5日09:05", "有效", "核验方式",
                    "https://zwfw.bazhong.gov.cn/verify", "GA-ZM-0007，第2版", "EdDSA",
                    "q1uJ4m1yF2oFQzmr0dYy3oQ7Vqf6m6bJ9q3Ff1cQpW8", "第1页")) {
                assertTrue(text.contains(compact(expected)), () -> "missing \"" + expected + "\" in: " + text);
            }
            assertFalse(text.contains("不能作为办事依据"), "a valid proof carries no warning");
            assertFalse(text.contains(String.valueOf(PdfRenderer.MISSING_CHARACTER)));
            assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentInformation().getTitle().contains("无犯罪记录证明"));
        }
    }

    @Test
    void thePageIsA4AndTheChineseFontIsAnEmbeddedSubset() throws IOException {
        byte[] pdf = renderer.render(sample());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.5);
            List<String> fonts = new ArrayList<>();
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(font.getName());
                // Everything is embedded except Courier, one of the 14 fonts every viewer must have.
                assertTrue(font.isEmbedded() || font.getName().startsWith("Courier"), font.getName());
            }
            // A subset font's name carries a six-letter tag: ABCDEF+WenQuanYiZenHei
            assertTrue(fonts.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+WenQuanYi.*")), fonts::toString);
        }
        // The subset keeps the file small although the whole font is 12.8 MB.
        assertTrue(pdf.length < 200_000, "PDF is " + pdf.length + " bytes");
    }

    @Test
    void theQrImageIsInThePdfAndDecodesToTheStatusUrl() throws Exception {
        try (PDDocument doc = Loader.loadPDF(renderer.render(sample()))) {
            PDResources resources = doc.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                PDXObject xobject = resources.getXObject(name);
                if (xobject instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertEquals(1, images.size());
            assertEquals(QrRendererTest.STATUS_URL, QrRendererTest.decode(images.get(0).getImage()).getText());
        }
    }

    @Test
    void linesNeverStartWithClosingPunctuationAndCodesAreNeverCut() throws IOException {
        List<Claim> claims = List.of(
                new Claim("查询结果", "经查询，该人员自二〇一五年起在本市连续居住，现居住地址为巴中市巴州区江北大道东段某某小区，"
                        + "房屋性质为自有住房；本证明仅用于办理入学手续，不作他用。"),
                new Claim("备注", "如对本证明内容有异议，请于收到本证明之日起十五个工作日内向开具单位提出（可通过政务服务网办理）。"));
        try (PDDocument doc = Loader.loadPDF(renderer.render(sample(Status.VALID, claims)))) {
            List<String> lines = new PDFTextStripper().getText(doc).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
            for (String line : lines) {
                assertFalse("，。、；：？！）》」』”".indexOf(line.charAt(0)) >= 0, "line starts with punctuation: " + line);
                assertFalse("（《「『“".indexOf(line.charAt(line.length() - 1)) >= 0, "line ends with an opening mark: " + line);
            }
            // the number is printed whole in the table, the verification steps and the footer
            assertTrue(lines.stream().filter(l -> l.contains(NUMBER)).count() >= 3, lines::toString);
            assertTrue(lines.stream().anyMatch(l -> l.contains("https://zwfw.bazhong.gov.cn/verify")), lines::toString);
        }
    }

    @Test
    void theWholePrintedPageScansToTheStatusUrl() throws Exception {
        try (PDDocument doc = Loader.loadPDF(renderer.render(sample()))) {
            // Rasterise the page as a printer would (150 dpi, black and white) and look for the code on it.
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.BINARY);
            Path samples = java.nio.file.Files.createDirectories(Path.of("target", "render-samples"));
            ImageIO.write(page, "png", samples.resolve("proof-valid-pdfbox.png").toFile());
            assertEquals(QrRendererTest.STATUS_URL, QrRendererTest.decode(page).getText());
        }
    }

    @Test
    void aRevokedProofCarriesTheWarningInRed() throws IOException {
        byte[] pdf = renderer.render(sample(Status.REVOKED, List.of()));
        writeSample("proof-revoked.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = compact(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("状态：已撤销"), text);
            assertTrue(text.contains(compact(Status.REVOKED.warning())), text);
        }
    }

    @Test
    void everyStatusPrintsItsChineseWord() throws IOException {
        for (Status status : Status.values()) {
            try (PDDocument doc = Loader.loadPDF(renderer.render(sample(status, List.of())))) {
                String text = compact(new PDFTextStripper().getText(doc));
                assertTrue(text.contains(status.label()), status + ": " + text);
            }
        }
    }

    @Test
    void anEnterpriseShowsItsCreditCodeLabel() throws IOException {
        ProofDocument p = sample();
        ProofDocument enterprise = new ProofDocument(p.proofNumber(), p.verificationCode(), "SJ-ZM-0002", "企业信用状况证明", 1,
                "BZSCJGJ", "巴中市市场监督管理局", SubjectKind.ENTERPRISE, "巴中市某某建筑工程有限公司", "91511900********9X",
                List.of(new Claim("登记状态", "存续")), "", p.issuedAt(), p.validUntil(), Status.VALID, p.statusPageUrl(),
                p.signingKeys());
        try (PDDocument doc = Loader.loadPDF(renderer.render(enterprise))) {
            String text = compact(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("统一社会信用代码"), text);
            assertTrue(text.contains("巴中市某某建筑工程有限公司"), text);
            assertTrue(text.contains("企业"), text);
            assertFalse(text.contains("用途"), "an empty purpose prints no line");
        }
    }

    @Test
    void aCharacterOutsideTheFontPrintsAsTheGetaMarkInsteadOfVanishing() throws IOException {
        // U+2A6A5 (CJK Extension B) is a real name character outside Adobe-GB1.
        String rare = "王" + new String(Character.toChars(0x2A6A5)) + "明";
        assertEquals("王〓明", renderer.text(rare));
        assertEquals("张华", renderer.text("张华"));
        ProofDocument p = sample();
        ProofDocument withRareName = new ProofDocument(p.proofNumber(), p.verificationCode(), p.matterCode(), p.matterName(),
                p.matterVersion(), p.departmentCode(), p.departmentName(), p.subjectKind(), rare, p.subjectIdentifierMasked(),
                p.claims(), p.purpose(), p.issuedAt(), p.validUntil(), p.status(), p.statusPageUrl(), p.signingKeys());
        try (PDDocument doc = Loader.loadPDF(renderer.render(withRareName))) {
            assertTrue(compact(new PDFTextStripper().getText(doc)).contains("王〓明"));
        }
    }

    @Test
    void manyClaimsFlowOntoASecondPageWithTheFooterOnEach() throws IOException {
        List<Claim> claims = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            claims.add(new Claim("事项" + i, "第" + i + "条证明内容"));
        }
        try (PDDocument doc = Loader.loadPDF(renderer.render(sample(Status.VALID, claims)))) {
            assertTrue(doc.getNumberOfPages() >= 2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = compact(stripper.getText(doc));
            assertTrue(second.contains("第2页"), second);
            assertTrue(second.contains(NUMBER), second);
            assertTrue(compact(new PDFTextStripper().getText(doc)).contains("第60条证明内容"));
        }
    }

    @Test
    void oneRendererServesConcurrentRequests() throws Exception {
        String[] names = { "赵*一", "钱*二", "孙*三", "李*四", "周*五", "吴*六", "郑*七", "王*八" };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String name = names[i % names.length];
                ProofDocument p = sample();
                ProofDocument mine = new ProofDocument(p.proofNumber() + i, p.verificationCode(), p.matterCode(),
                        p.matterName(), p.matterVersion(), p.departmentCode(), p.departmentName(), p.subjectKind(), name,
                        p.subjectIdentifierMasked(), p.claims(), p.purpose(), p.issuedAt(), p.validUntil(), p.status(),
                        p.statusPageUrl(), p.signingKeys());
                results.add(pool.submit(() -> {
                    try (PDDocument doc = Loader.loadPDF(renderer.render(mine))) {
                        return compact(new PDFTextStripper().getText(doc));
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                String text = results.get(i).get(60, TimeUnit.SECONDS);
                String own = names[i % names.length];
                assertTrue(text.contains(own) && text.contains(NUMBER + i), "proof " + i + ": " + text);
                for (String other : names) {
                    assertTrue(other.equals(own) || !text.contains(other), "proof " + i + " shows " + other);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Leaves the sample under target/ for a look with pdftoppm; never committed. */
    static void writeSample(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "render-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}
