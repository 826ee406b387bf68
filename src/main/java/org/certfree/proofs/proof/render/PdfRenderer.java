package org.certfree.proofs.proof.render;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.Status;

/**
 * Renders a proof as a printable A4 PDF: the offline fallback for people who do not use phones (seed 二.(三)).
 * The page shows the matter, the subject, the claims, the issuing department, the validity, the QR code of the
 * status page, how to verify by hand, and the signing keys.
 *
 * <p>Font: WenQuanYi Zen Hei (文泉驿正黑, TrueType, 38 272 glyphs, GBK and more), embedded as a subset of the
 * glyphs a proof uses, so the page prints the same on any viewer and any machine, with no system font needed.
 * The TTF comes from Maven Central inside the AJ-Captcha jar and is copied into the classes by the build
 * (pom.xml, {@code unpack-cjk-font}); its licence is GPL-2.0 with the font embedding exception, which keeps
 * documents that embed it free of the GPL (see fonts/NOTICE.txt). Characters the font lacks print as 〓.
 * Codes (proof number, verification code, identifier) use Courier, one of the 14 fonts every PDF viewer has.
 *
 * <p>Thread-safe: one instance renders any number of proofs concurrently.
 *
 * <p>One file on purpose: it is one page's layout, read top to bottom (title, status, fields beside the QR
 * code, how to verify, issuer, footer); the font handling it needs is a few small helpers at the end.
 */
@ApplicationScoped
public class PdfRenderer {

    /** Printed in place of a character the font cannot show (the GB 2312 geta mark, the customary stand-in). */
    public static final char MISSING_CHARACTER = '〓';

    static final float QR_SIZE_PT = 136f;
    private static final int QR_PIXELS_PER_MODULE = 8;
    static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);
    static final Color RULE = new Color(0x80, 0x80, 0x80);
    static final Color ALERT = new Color(0xb0, 0x1e, 0x1e);
    private static final Color LABEL_BG = new Color(0xf2, 0xf2, 0xf2);

    private final QrRenderer qr;
    final BaseFont song;
    final BaseFont mono;

    @Inject
    public PdfRenderer(QrRenderer qr) {
        this.qr = qr;
        this.song = loadChineseFont();
        try {
            this.mono = BaseFont.createFont(BaseFont.COURIER_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF fonts unavailable", e);
        }
    }

    /** Classpath location (relative to this class) of the Chinese TrueType font. */
    static final String CHINESE_FONT_RESOURCE = "fonts/WenQuanZhengHei.ttf";

    private static BaseFont loadChineseFont() {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(CHINESE_FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CHINESE_FONT_RESOURCE + " is missing from the classpath; "
                        + "the Maven build copies it in the generate-resources phase (./mvnw generate-resources)");
            }
            // Identity-H with embedding: glyph ids in the content, a subset of the font and a ToUnicode map in the file.
            return BaseFont.createFont("WenQuanZhengHei.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    in.readAllBytes(), null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Chinese font cannot be loaded", e);
        }
    }

    /** The PDF bytes of the printable proof. */
    public byte[] render(ProofDocument proof) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 56, 56, 48, 84);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setFullCompression();
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
            writer.setPageEvent(new Footer(proof.signingKeys(), "签名可用开具单位公布的验证密钥（JWKS）离线核验。证明编号 " + proof.proofNumber()));
            document.addTitle("电子证明 " + proof.matterName() + " " + proof.proofNumber());
            document.addSubject(proof.matterName());
            document.addAuthor(proof.departmentName());
            document.addCreator("certfree-proofs");
            document.open();

            for (Element element : title(proof)) {
                document.add(element);
            }
            if (proof.status() != Status.VALID) {
                document.add(statusBanner(proof.status()));
            }
            document.add(body(proof));
            for (Element element : verificationSection(proof)) {
                document.add(element);
            }
            for (Element element : issuerBlock(proof)) {
                document.add(element);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF rendering failed for proof " + proof.proofNumber(), e);
        }
        return out.toByteArray();
    }

    private List<Element> title(ProofDocument proof) {
        Paragraph heading = paragraph("电子证明", font(song, 26, Font.BOLD, INK));
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setSpacingAfter(6);
        Paragraph matter = paragraph(proof.matterName(), font(song, 17, Font.BOLD, INK));
        matter.setAlignment(Element.ALIGN_CENTER);
        matter.setSpacingAfter(14);
        return List.of(heading, matter);
    }

    private PdfPTable statusBanner(Status status) {
        PdfPTable banner = new PdfPTable(1);
        banner.setWidthPercentage(100);
        banner.setSpacingAfter(10);
        PdfPCell cell = new PdfPCell(phrase("状态：" + status.label() + "　" + status.warning(),
                font(song, 12, Font.BOLD, ALERT)));
        cell.setBorderColor(ALERT);
        cell.setBorderWidth(1.5f);
        cell.setPadding(8);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        banner.addCell(cell);
        return banner;
    }

    /** The fields table on the left, the QR code with number and code on the right. */
    private PdfPTable body(ProofDocument proof) {
        PdfPTable fields = new PdfPTable(new float[] { 1.15f, 3f });
        fields.setWidthPercentage(100);
        field(fields, "证明编号", monoPhrase(proof.proofNumber(), 10.5f));
        field(fields, "核验码", monoPhrase(proof.verificationCode(), 10.5f));
        field(fields, "证明事项", proof.matterName() + "（" + proof.matterCode() + "，第 " + proof.matterVersion() + " 版）");
        field(fields, "开具单位", proof.departmentName() + "（" + proof.departmentCode() + "）");
        field(fields, "证明对象", proof.subjectKind().label());
        field(fields, proof.subjectKind().nameLabel(), proof.subjectName());
        field(fields, proof.subjectKind().identifierLabel(), monoPhrase(proof.subjectIdentifierMasked(), 10f));
        for (Claim claim : proof.claims()) {
            field(fields, claim.label(), claim.value());
        }
        if (!proof.purpose().isBlank()) {
            field(fields, "用途", proof.purpose());
        }
        field(fields, "开具时间", ProofDocument.displayTime(proof.issuedAt()));
        field(fields, "有效期至", ProofDocument.displayTime(proof.validUntil()));
        Phrase status = phrase(proof.status().label(),
                font(song, 11, Font.BOLD, proof.status() == Status.VALID ? INK : ALERT));
        status.add(chunk("（出具本文件时；以扫码或在线查询结果为准）", font(song, 8.5f, Font.NORMAL, MUTED)));
        field(fields, "状态", status);

        PdfPTable layout = new PdfPTable(new float[] { 3.3f, 1.25f });
        layout.setWidthPercentage(100);
        layout.setSpacingAfter(16);
        PdfPCell left = new PdfPCell(fields);
        left.setBorder(Rectangle.NO_BORDER);
        left.setPaddingRight(10);
        layout.addCell(left);
        layout.addCell(qrCell(proof));
        return layout;
    }

    private PdfPCell qrCell(ProofDocument proof) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.addElement(qrImage(proof.statusPageUrl(), "证明状态查询二维码"));
        Paragraph caption = paragraph("扫码核验证明状态", font(song, 9.5f, Font.NORMAL, INK));
        caption.setAlignment(Element.ALIGN_CENTER);
        cell.addElement(caption);
        return cell;
    }

    /** The QR code of {@code url} as an image of {@link #QR_SIZE_PT}. */
    Image qrImage(String url, String alt) {
        try {
            // A raw 1-bit DeviceGray image straight from the QR bitmap (no PNG round trip); several pixels per
            // module so that viewers which smooth scaled images still print sharp module edges.
            QrRenderer.QrSymbol symbol = qr.encode(url);
            int pixels = symbol.size() * QR_PIXELS_PER_MODULE;
            Image image = Image.getInstance(pixels, pixels, 1, 1, qr.lightBits(symbol, QR_PIXELS_PER_MODULE));
            image.setInterpolation(false);
            image.scaleAbsolute(QR_SIZE_PT, QR_SIZE_PT);
            image.setAlignment(Image.ALIGN_CENTER);
            image.setAlt(alt);
            return image;
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PDF bytes of a printed pledge document (告知承诺书); see {@link PledgeLayout}. */
    public byte[] renderPledge(PledgePrint pledge) {
        return new PledgeLayout(this).render(pledge);
    }

    private List<Element> verificationSection(ProofDocument proof) {
        List<Element> section = new ArrayList<>();
        Paragraph heading = paragraph("核验方式", font(song, 13, Font.BOLD, INK));
        heading.setSpacingAfter(4);
        section.add(heading);
        Font body = font(song, 10.5f, Font.NORMAL, INK);
        String[] steps = {
                "一、用手机扫描本证明右上方的二维码，打开证明状态查询页面，核对证明状态、事项、开具单位和有效期。",
                "二、不使用手机的，可在电脑上访问 " + proof.statusPageAddress() + "，输入证明编号 " + proof.proofNumber()
                        + " 和核验码 " + proof.verificationCode() + " 查询；也可请办事窗口代为查询。",
                "三、本证明由" + proof.departmentName() + "在线开具并加具电子签名，其真实性和当前状态以扫码或在线查询结果为准。"
                        + "证明状态查询只显示状态、事项、开具单位、日期和经遮蔽的姓名。",
        };
        for (String step : steps) {
            Paragraph line = paragraph(step, body);
            line.setLeading(17);
            line.setIndentationLeft(21);
            line.setFirstLineIndent(-21);
            section.add(line);
        }
        ((Paragraph) section.get(section.size() - 1)).setSpacingAfter(20);
        return section;
    }

    private List<Element> issuerBlock(ProofDocument proof) {
        Paragraph issuer = paragraph("开具单位：" + proof.departmentName(), font(song, 12, Font.BOLD, INK));
        issuer.setAlignment(Element.ALIGN_RIGHT);
        issuer.setIndentationRight(24);
        Paragraph date = paragraph(ProofDocument.displayTime(proof.issuedAt()).split(" ")[0],
                font(song, 12, Font.NORMAL, INK));
        date.setAlignment(Element.ALIGN_RIGHT);
        date.setIndentationRight(24);
        return List.of(issuer, date);
    }

    void field(PdfPTable table, String label, String value) {
        field(table, label, phrase(value, font(song, 11, Font.NORMAL, INK)));
    }

    void field(PdfPTable table, String label, Phrase value) {
        PdfPCell labelCell = new PdfPCell(phrase(label, font(song, 10.5f, Font.BOLD, INK)));
        labelCell.setBackgroundColor(LABEL_BG);
        labelCell.setBorderColor(RULE);
        labelCell.setPadding(6);
        labelCell.setLeading(0, 1.35f);
        labelCell.setUseAscender(true);
        labelCell.setUseDescender(true);
        labelCell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        PdfPCell valueCell = new PdfPCell(value);
        valueCell.setBorderColor(RULE);
        valueCell.setPadding(6);
        valueCell.setLeading(0, 1.35f);
        valueCell.setUseAscender(true);
        valueCell.setUseDescender(true);
        valueCell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        table.addCell(labelCell);
        table.addCell(valueCell);
    }

    /** Codes print in a monospace face when they are plain ASCII, so 0/O and 1/I are told apart on paper. */
    Phrase monoPhrase(String value, float size) {
        if (isPrintableAscii(value)) {
            return new Phrase(value, font(mono, size, Font.NORMAL, INK));
        }
        return phrase(value, font(song, size + 0.5f, Font.NORMAL, INK));
    }

    Chunk chunk(String value, Font font) {
        Chunk chunk = new Chunk(text(value), font);
        chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        return chunk;
    }

    Phrase phrase(String value, Font font) {
        return new Phrase(chunk(value, font));
    }

    Paragraph paragraph(String value, Font font) {
        return new Paragraph(chunk(value, font));
    }

    /** Replaces every code point the font cannot show, so nothing silently disappears from a proof. */
    String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (cp == '\n' || song.charExists(cp)) {
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                out.append(MISSING_CHARACTER);
            }
        });
        return out.toString();
    }

    private static boolean isPrintableAscii(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    static Font font(BaseFont base, float size, int style, Color color) {
        return new Font(base, size, style, color);
    }

    /** Signing keys and page number at the foot of every page. */
    final class Footer extends PdfPageEventHelper {

        private final List<ProofDocument.SigningKeyRef> keys;
        private final String closing;

        Footer(List<ProofDocument.SigningKeyRef> keys, String closing) {
            this.keys = keys;
            this.closing = closing;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float left = document.left();
            float right = document.right();
            float base = document.bottom() - 22;
            canvas.saveState();
            canvas.setColorStroke(RULE);
            canvas.setLineWidth(0.5f);
            canvas.moveTo(left, base + 12);
            canvas.lineTo(right, base + 12);
            canvas.stroke();
            canvas.restoreState();

            Font small = font(song, 7.5f, Font.NORMAL, MUTED);
            List<String> lines = new ArrayList<>();
            if (keys.isEmpty()) {
                lines.add("电子签名：无");
            }
            for (ProofDocument.SigningKeyRef key : keys) {
                lines.add("电子签名（" + key.algorithm() + "）密钥 kid：" + key.kid());
            }
            lines.add(closing);
            float y = base;
            for (String line : lines) {
                ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, phrase(line, small), left, y, 0);
                y -= 10;
            }
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    phrase("第 " + writer.getPageNumber() + " 页", small), right, y + 10, 0);
        }
    }
}
