package org.certfree.proofs.proof.render;

import static org.certfree.proofs.proof.render.PdfRendererTest.compact;
import static org.certfree.proofs.proof.render.PdfRendererTest.writeSample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.SigningKeyRef;
import org.certfree.proofs.proof.render.ProofDocument.SubjectKind;
import org.junit.jupiter.api.Test;

/** The printed pledge document, read back with PDFBox: one page, the whole pledge text, the answers, the check. */
class PledgeLayoutTest {

    private static final String NUMBER = "ZM-2026-1BWH-B3J1-SNTE-V";
    private static final String LIABILITY = "承诺不实的，登记机关依照《中华人民共和国市场主体登记管理条例》第四十四条予以处罚，并记入信用记录。";
    private static final String TEXT = "告知承诺书\n"
            + "证明事项：住所（经营场所）使用证明（BZSCJGJ-N001，第 1 版，巴音郭楞蒙古自治州市场监督管理局；告知承诺清单批次 2024年第1批）\n"
            + "一、证明义务：申请人应当对其住所（经营场所）享有合法使用权。\n"
            + "二、证明内容：本人（本单位）承诺：所申报的住所（经营场所）真实存在，已依法取得使用权，且符合规划和安全要求。\n"
            + "三、不实承诺的法律后果：" + LIABILITY + "\n"
            + "四、事后核查：实地调查核验，承诺后 30 个工作日内完成。\n"
            + "承诺人声明：本人（本单位）已知晓上述告知内容，承诺所填报的信息真实、准确、完整，符合上述条件；同意行政机关依法核查；如承诺不实，愿意承担上述法律后果。";

    private final PdfRenderer renderer = new PdfRenderer(new QrRenderer());

    static PledgePrint sample(String warning) {
        return new PledgePrint(NUMBER, "460605", "BZSCJGJ-N001", "住所（经营场所）使用证明", 1, "BZSCJGJ",
                "巴音郭楞蒙古自治州市场监督管理局", TEXT, SubjectKind.PERSON, "王芳", "110105********0615",
                List.of(new Claim("住所（经营场所）地址", "新疆博乐市青得里大街 88 号"),
                        new Claim("使用权类型（自有、租赁或无偿使用）", "租赁")),
                "巴音郭楞蒙古自治州政务服务和公共资源交易中心（BZZWZX）", "个体工商户设立登记", Instant.parse("2026-11-30T01:48:00Z"),
                "本人在线作出", warning == null ? "有效" : "已撤销", warning, "实地调查核验，承诺后 30 个工作日内",
                "2027年1月11日（暂定）", QrRendererTest.STATUS_URL,
                List.of(new SigningKeyRef("q1uJ4m1yF2oFQzmr0dYy3oQ7Vqf6m6bJ9q3Ff1cQpW8", "SM2SM3"),
                        new SigningKeyRef("Zt5Qb0hP9Xw2Lr8Nc4Kd7Js1Ty6Vm3Ha0Ue5Go2Fi9E", "EdDSA")));
    }

    @Test
    void theWholePledgeTextTheAnswersAndTheCheckFitOnOnePage() throws IOException {
        byte[] pdf = renderer.renderPledge(sample(null));
        writeSample("pledge-valid.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = compact(new PDFTextStripper().getText(doc));
            for (String expected : List.of("告知承诺书", "住所（经营场所）使用证明", NUMBER, "460605", "王芳", "110105********0615",
                    "使用权类型（自有、租赁或无偿使用）", "租赁", "新疆博乐市青得里大街88号", LIABILITY, "承诺人声明",
                    "个体工商户设立登记", "BZZWZX", "2026年11月30日09:48", "实地调查核验", "2027年1月11日（暂定）前完成",
                    "签发单位：巴音郭楞蒙古自治州市场监督管理局", "https://zwfw.bazhong.gov.cn/verify", "EdDSA", "第1页")) {
                assertTrue(text.contains(compact(expected)), () -> "missing \"" + expected + "\" in: " + text);
            }
            assertFalse(text.contains(String.valueOf(PdfRenderer.MISSING_CHARACTER)));
            assertFalse(text.contains("不能作为办事依据"));
            assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void aRevokedPledgeCarriesTheWarning() throws IOException {
        byte[] pdf = renderer.renderPledge(sample("本告知承诺书已撤销（承诺不实），不能作为办事依据。"));
        writeSample("pledge-revoked.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(compact(new PDFTextStripper().getText(doc)).contains("状态：已撤销"));
        }
    }
}
