package org.certfree.proofs.proof.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import org.certfree.proofs.proof.render.ProofDocument.Claim;

/**
 * One printed pledge document (告知承诺书), top to bottom: title, status banner if no longer valid, the
 * fields (number, code, pledger, answers, using unit, service matter, date, check) beside the QR code, the
 * full pledge text with its legal consequences, how to verify, and the department that signed it.
 * Fonts, cells and the QR image are {@link PdfRenderer}'s, so a pledge prints like a proof.
 */
final class PledgeLayout {

    private static final String TITLE = "告知承诺书";

    private final PdfRenderer r;

    PledgeLayout(PdfRenderer renderer) {
        this.r = renderer;
    }

    byte[] render(PledgePrint p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 56, 56, 48, 84);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setFullCompression();
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
            writer.setPageEvent(r.new Footer(p.signingKeys(),
                    "签名可用签发单位公布的验证密钥（JWKS）离线核验。承诺书编号 " + p.number()));
            document.addTitle(TITLE + " " + p.matterName() + " " + p.number());
            document.addSubject(p.matterName());
            document.addAuthor(p.departmentName());
            document.addCreator("certfree-proofs");
            document.open();

            Paragraph heading = r.paragraph(TITLE, PdfRenderer.font(r.song, 24, Font.BOLD, PdfRenderer.INK));
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(4);
            document.add(heading);
            Paragraph matter = r.paragraph(p.matterName(), PdfRenderer.font(r.song, 15, Font.BOLD, PdfRenderer.INK));
            matter.setAlignment(Element.ALIGN_CENTER);
            matter.setSpacingAfter(8);
            document.add(matter);
            if (p.warning() != null) {
                document.add(banner(p));
            }
            document.add(body(p));
            section(document, "承诺书全文");
            for (String line : p.text().split("\n")) {
                if (!line.isBlank() && !line.strip().equals(TITLE)) {
                    document.add(textLine(line.strip()));
                }
            }
            section(document, "核验方式");
            document.add(textLine("一、用手机扫描上方二维码；或在电脑上访问 " + address(p.statusPageUrl()) + "，输入承诺书编号和核验码"
                    + "查询；也可请办事窗口代为查询。"));
            document.add(textLine("二、本承诺书由" + p.departmentName() + "在线签发并加具电子签名，真实性和当前状态以扫码或在线查询结果为准。"));
            Paragraph signer = r.paragraph("签发单位：" + p.departmentName(), PdfRenderer.font(r.song, 12, Font.BOLD, PdfRenderer.INK));
            signer.add(r.chunk("　" + ProofDocument.displayTime(p.pledgedAt()).split(" ")[0],
                    PdfRenderer.font(r.song, 12, Font.NORMAL, PdfRenderer.INK)));
            signer.setAlignment(Element.ALIGN_RIGHT);
            signer.setIndentationRight(12);
            signer.setSpacingBefore(10);
            document.add(signer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF rendering failed for pledge " + p.number(), e);
        }
        return out.toByteArray();
    }

    private PdfPTable banner(PledgePrint p) {
        PdfPTable banner = new PdfPTable(1);
        banner.setWidthPercentage(100);
        banner.setSpacingAfter(10);
        PdfPCell cell = new PdfPCell(r.phrase("状态：" + p.statusText() + "　" + p.warning(),
                PdfRenderer.font(r.song, 12, Font.BOLD, PdfRenderer.ALERT)));
        cell.setBorderColor(PdfRenderer.ALERT);
        cell.setBorderWidth(1.5f);
        cell.setPadding(8);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        banner.addCell(cell);
        return banner;
    }

    /** The fields on the left, the QR code on the right. */
    private PdfPTable body(PledgePrint p) {
        PdfPTable fields = new PdfPTable(new float[] { 1.3f, 3f });
        fields.setWidthPercentage(100);
        r.field(fields, "承诺书编号", r.monoPhrase(p.number(), 10.5f));
        r.field(fields, "核验码", r.monoPhrase(p.verificationCode(), 10.5f));
        Phrase pledger = r.phrase(p.pledgerName() + "（" + p.pledgerKind().label() + "）　",
                PdfRenderer.font(r.song, 11, Font.NORMAL, PdfRenderer.INK));
        pledger.add(r.monoPhrase(p.pledgerIdMasked(), 10f));
        r.field(fields, "承诺人", pledger);
        for (Claim answer : p.answers()) {
            r.field(fields, answer.label(), answer.value());
        }
        r.field(fields, "用证单位", p.usingUnit());
        r.field(fields, "办理事项", p.serviceMatter());
        r.field(fields, "承诺时间", ProofDocument.displayTime(p.pledgedAt()) + "（" + p.channelText() + "）");
        r.field(fields, "事后核查", p.checkText() + (p.checkDue() == null ? "" : "；" + p.checkDue() + "前完成"));
        Phrase status = r.phrase(p.statusText(), PdfRenderer.font(r.song, 11, Font.BOLD,
                p.warning() == null ? PdfRenderer.INK : PdfRenderer.ALERT));
        status.add(r.chunk("（出具本文件时；以扫码或在线查询结果为准）", PdfRenderer.font(r.song, 8.5f, Font.NORMAL, PdfRenderer.MUTED)));
        r.field(fields, "状态", status);

        PdfPTable layout = new PdfPTable(new float[] { 3.3f, 1.25f });
        layout.setWidthPercentage(100);
        layout.setSpacingAfter(10);
        PdfPCell left = new PdfPCell(fields);
        left.setBorder(Rectangle.NO_BORDER);
        left.setPaddingRight(10);
        layout.addCell(left);
        PdfPCell qr = new PdfPCell();
        qr.setBorder(Rectangle.NO_BORDER);
        qr.setHorizontalAlignment(Element.ALIGN_CENTER);
        qr.addElement(r.qrImage(p.statusPageUrl(), "告知承诺书状态查询二维码"));
        Paragraph caption = r.paragraph("扫码核验承诺书状态", PdfRenderer.font(r.song, 9.5f, Font.NORMAL, PdfRenderer.INK));
        caption.setAlignment(Element.ALIGN_CENTER);
        qr.addElement(caption);
        layout.addCell(qr);
        return layout;
    }

    private void section(Document document, String title) throws DocumentException {
        Paragraph heading = r.paragraph(title, PdfRenderer.font(r.song, 13, Font.BOLD, PdfRenderer.INK));
        heading.setSpacingBefore(4);
        heading.setSpacingAfter(2);
        document.add(heading);
    }

    /** A paragraph of running text; a numbered line (一、…) hangs its number. */
    private Paragraph textLine(String line) {
        Paragraph p = r.paragraph(line, PdfRenderer.font(r.song, 10.5f, Font.NORMAL, PdfRenderer.INK));
        p.setLeading(16);
        if (line.length() > 2 && line.charAt(1) == '、' && "一二三四五六七八九十".indexOf(line.charAt(0)) >= 0) {
            p.setIndentationLeft(21);
            p.setFirstLineIndent(-21);
        }
        return p;
    }

    private static String address(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
