import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.certfree.proofs.proof.render.PdfRenderer;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.SigningKeyRef;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.certfree.proofs.proof.render.ProofDocument.SubjectKind;
import org.certfree.proofs.proof.render.QrRenderer;

/**
 * The rendering time of a printable proof (GET /api/v1/proofs/{n}/pdf without the HTTP and database
 * around it), on one thread, against a floor measured in the same run: the same proof's text written
 * with the same library and the same embedded font subset onto one A4 page, without the layout, the
 * QR image and the footer. Machine speed cancels out of the ratio; what is left is what the layout
 * costs. Run through bench/pdf-render.sh.
 */
public class PdfRender {

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        ProofDocument proof = sample();
        PdfRenderer renderer = new PdfRenderer(new QrRenderer());
        BaseFont song = font();
        String text = String.join("\n", proof.matterName(), proof.proofNumber(), proof.verificationCode(),
                proof.departmentName(), proof.subjectName(), proof.subjectIdentifierMasked(), proof.purpose(),
                proof.statusPageUrl(), proof.claims().toString());

        Result render = measure(seconds, () -> renderer.render(proof));
        Result floor = measure(seconds, () -> plainPage(song, text));
        System.out.printf("floor  (same text and font, one plain page): %.3f ms, %d bytes%n", floor.millis, floor.bytes);
        System.out.printf("render (the printable proof):               %.3f ms, %d bytes%n", render.millis, render.bytes);
        System.out.printf("ratio render / floor = %.2f%n", render.millis / floor.millis);
    }

    record Result(double millis, long bytes) {
    }

    /** Mean time of one call after two seconds of warm-up (class loading, JIT). */
    static Result measure(double seconds, Supplier<byte[]> work) {
        long warm = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warm) {
            work.get();
        }
        long n = 0;
        long bytes = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            bytes = work.get().length;
            n++;
        }
        return new Result((System.nanoTime() - start) / 1e6 / n, bytes);
    }

    static byte[] plainPage(BaseFont song, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setFullCompression();
        document.open();
        document.add(new Paragraph(text, new Font(song, 11)));
        document.close();
        return out.toByteArray();
    }

    /** The Chinese font as the renderer loads it: embedded, Identity-H. */
    static BaseFont font() throws Exception {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("fonts/WenQuanZhengHei.ttf")) {
            if (in == null) {
                throw new IllegalStateException("the font is not on the classpath: build first (./mvnw -DskipTests package)");
            }
            return BaseFont.createFont("WenQuanZhengHei.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    in.readAllBytes(), null);
        }
    }

    /** The proof PdfRendererTest reads back: a valid 无犯罪记录证明 with two claims. */
    static ProofDocument sample() {
        return new ProofDocument("BZ2025-GAJ-7KXR9TDF4M2QH", "K7M4Q9", "GA-ZM-0007", "无犯罪记录证明", 2, "BZGAJ",
                "巴中市公安局", SubjectKind.PERSON, "张*华", "511902**********34",
                List.of(new Claim("查询期间", "2015年3月7日至2025年3月7日"),
                        new Claim("查询结果", "经查询巴中市公安机关违法犯罪人员信息系统，未发现该人员有犯罪记录。")),
                "办理出国（境）签证", Instant.parse("2025-03-07T01:05:00Z"), Instant.parse("2025-06-05T01:05:00Z"),
                Status.VALID, "https://zwfw.bazhong.gov.cn/verify?n=BZ2025-GAJ-7KXR9TDF4M2QH&c=K7M4Q9",
                List.of(new SigningKeyRef("q1uJ4m1yF2oFQzmr0dYy3oQ7Vqf6m6bJ9q3Ff1cQpW8", "SM2SM3"),
                        new SigningKeyRef("Zt5Qb0hP9Xw2Lr8Nc4Kd7Js1Ty6Vm3Ha0Ue5Go2Fi9E", "EdDSA")));
    }
}
