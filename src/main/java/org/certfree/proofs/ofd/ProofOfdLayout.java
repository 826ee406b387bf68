package org.certfree.proofs.ofd;

import java.nio.file.Path;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.Status;

/**
 * Where each part of a proof goes on its A4 OFD page: the same content, in the same order, as the printable PDF
 * ({@code proof.render.PdfRenderer}) — title, status warning, the fields beside the QR code, how to verify, the
 * issuer, the footer with the signing keys. Millimetres from the top left. The seal is stamped later, over the
 * issuer block ({@link #SEAL_X}, {@link #SEAL_Y}).
 */
final class ProofOfdLayout {

    static final double LEFT = 20;
    static final double RIGHT = OfdPage.WIDTH - 20;
    static final double QR_SIZE = 44;
    private static final double LABEL_WIDTH = 30;
    private static final double TABLE_WIDTH = 124;
    private static final double CELL_PAD = 2;
    private static final double FIELD_SIZE = 3.9;
    private static final double FIELD_LEADING = 5.4;
    private static final double BODY_SIZE = 3.7;

    /** Side of the stamped seal (GB/T 38540 round official seal, 40 mm); it lands over the issuer and date. */
    static final double SEAL_SIZE = 40;
    static final double SEAL_X = RIGHT - 8 - SEAL_SIZE - 4;

    /** Top of the seal for the issuer block starting at {@code issuerTop}: centred on the two lines. */
    static double sealY(double issuerTop) {
        return issuerTop + 5.5 - SEAL_SIZE / 2;
    }

    private ProofOfdLayout() {
    }

    /**
     * Lays out {@code proof} on {@code page} — as a purpose-bound copy when {@code copy} is not null; returns the top
     * of the issuer block, where the seal goes.
     */
    static double layOut(ProofDocument proof, CopyMark copy, OfdPage page, Path qrPng) {
        double y = 17;
        page.text(0, y, OfdPage.WIDTH, copy == null ? "电子证明" : "电子证明（加注件）", 9.2, true, OfdPage.INK,
                OfdPage.Align.CENTER);
        y += 13;
        page.text(0, y, OfdPage.WIDTH, proof.matterName(), 6, true, OfdPage.INK, OfdPage.Align.CENTER);
        y += 12;
        if (proof.status() != Status.VALID) {
            y = notice(page, y, "状态：" + proof.status().label() + "　" + proof.status().warning());
        }
        if (copy != null) {
            y = notice(page, y, "本件为加注件：仅供" + copy.unitName() + "（" + copy.unitCode() + "）用于“" + copy.purpose()
                    + "”，" + ProofDocument.displayTime(copy.expires()) + "前有效；超出单位、用途或期限使用无效。");
        }
        double tableTop = y;
        y = copy == null ? fields(proof, page, y) : copyFields(proof, copy, page, y);
        double qrX = RIGHT - QR_SIZE;
        page.image(qrX, tableTop, QR_SIZE, qrPng);
        page.text(qrX, tableTop + QR_SIZE + 1, QR_SIZE, "扫码核验证明状态", 3.4, false, OfdPage.INK,
                OfdPage.Align.CENTER);
        y = Math.max(y, tableTop + QR_SIZE + 6) + 7;

        page.text(LEFT, y, RIGHT - LEFT, "核验方式", 4.6, true, OfdPage.INK, OfdPage.Align.LEFT);
        y += 7.5;
        String[] steps = copy != null ? copySteps(proof) : new String[] {
                "一、用手机扫描本证明右上方的二维码，打开证明状态查询页面，核对证明状态、事项、开具单位和有效期。",
                "二、不使用手机的，可在电脑上访问 " + proof.statusPageAddress() + "，输入证明编号 " + proof.proofNumber()
                        + " 和核验码 " + proof.verificationCode() + " 查询；也可请办事窗口代为查询。",
                "三、本证明由" + proof.departmentName() + "在线开具并加盖电子印章，其真实性和当前状态以扫码或在线查询结果为准。"
                        + "证明状态查询只显示状态、事项、开具单位、日期和经遮蔽的姓名。",
        };
        for (String step : steps) {
            y = page.paragraph(LEFT, y, RIGHT - LEFT, step, BODY_SIZE, 6, false, OfdPage.INK, 0, 7.4);
        }
        y += 16; // room for the upper half of the seal, which is centred on the issuer block
        double issuerTop = y;
        page.text(LEFT, y, RIGHT - LEFT - 8, "开具单位：" + proof.departmentName(), 4.2, true, OfdPage.INK,
                OfdPage.Align.RIGHT);
        y += 7;
        page.text(LEFT, y, RIGHT - LEFT - 8, ProofDocument.displayTime(proof.issuedAt()).split(" ")[0], 4.2, false,
                OfdPage.INK, OfdPage.Align.RIGHT);
        footer(proof, page);
        if (copy != null) {
            page.watermark(copy.watermark());
        }
        return issuerTop;
    }

    private static double notice(OfdPage page, double y, String text) {
        int lines = page.lineCount(text, 4.2, RIGHT - LEFT - 8);
        double h = lines * 6 + 5;
        page.box(LEFT, y, RIGHT - LEFT, h, 0.5, OfdPage.ALERT, null);
        page.paragraph(LEFT + 4, y + 2.5, RIGHT - LEFT - 8, text, 4.2, 6, true, OfdPage.ALERT, 0, 0);
        return y + h + 4;
    }

    private static String[] copySteps(ProofDocument proof) {
        return new String[] {
                "一、使用单位可离线核验：从本件的元数据“加注件令牌”取出令牌，用开具单位公布的验证密钥（JWKS）和证明状态列表核对签名、"
                        + "使用单位、有效期和证明状态。",
                "二、也可在线核验：使用单位登录本服务后提交该令牌（接口 POST /api/v1/copy-verifications），"
                        + "每次核验记入持证人的查询记录。",
                "三、本件由" + proof.departmentName() + "开具并加盖电子印章，只显示持证人为此用途选择披露的内容；"
                        + "核验码不在加注件上。",
        };
    }

    private static double copyFields(ProofDocument proof, CopyMark copy, OfdPage page, double y) {
        y = field(page, y, "证明编号", proof.proofNumber());
        y = field(page, y, "加注件编号", copy.id().toString());
        y = field(page, y, "使用单位", copy.unitName() + "（" + copy.unitCode() + "）");
        y = field(page, y, "加注件用途", copy.purpose());
        y = field(page, y, "本件有效期至", ProofDocument.displayTime(copy.expires()));
        y = field(page, y, "证明事项",
                proof.matterName() + "（" + proof.matterCode() + "，第 " + proof.matterVersion() + " 版）");
        y = field(page, y, "开具单位", proof.departmentName() + "（" + proof.departmentCode() + "）");
        y = field(page, y, proof.subjectKind().nameLabel(), proof.subjectName());
        y = field(page, y, proof.subjectKind().identifierLabel(), proof.subjectIdentifierMasked());
        for (Claim claim : proof.claims()) {
            y = field(page, y, claim.label(), claim.value());
        }
        y = field(page, y, "开具时间", ProofDocument.displayTime(proof.issuedAt()));
        return field(page, y, "证明有效期至", ProofDocument.displayTime(proof.validUntil()));
    }

    private static double fields(ProofDocument proof, OfdPage page, double y) {
        y = field(page, y, "证明编号", proof.proofNumber());
        y = field(page, y, "核验码", proof.verificationCode());
        y = field(page, y, "证明事项",
                proof.matterName() + "（" + proof.matterCode() + "，第 " + proof.matterVersion() + " 版）");
        y = field(page, y, "开具单位", proof.departmentName() + "（" + proof.departmentCode() + "）");
        y = field(page, y, "证明对象", proof.subjectKind().label());
        y = field(page, y, proof.subjectKind().nameLabel(), proof.subjectName());
        y = field(page, y, proof.subjectKind().identifierLabel(), proof.subjectIdentifierMasked());
        for (Claim claim : proof.claims()) {
            y = field(page, y, claim.label(), claim.value());
        }
        if (!proof.purpose().isBlank()) {
            y = field(page, y, "用途", proof.purpose());
        }
        y = field(page, y, "开具时间", ProofDocument.displayTime(proof.issuedAt()));
        y = field(page, y, "有效期至", ProofDocument.displayTime(proof.validUntil()));
        return field(page, y, "状态", proof.status().label() + "（出具本文件时；以扫码或在线查询结果为准）");
    }

    private static double field(OfdPage page, double y, String label, String value) {
        double valueWidth = TABLE_WIDTH - LABEL_WIDTH - 2 * CELL_PAD;
        int lines = Math.max(page.lineCount(value, FIELD_SIZE, valueWidth),
                page.lineCount(label, FIELD_SIZE, LABEL_WIDTH - 2 * CELL_PAD));
        double h = lines * FIELD_LEADING + 2 * CELL_PAD - (FIELD_LEADING - FIELD_SIZE);
        page.box(LEFT, y, LABEL_WIDTH, h, 0.2, OfdPage.RULE, OfdPage.LABEL_BG);
        page.box(LEFT + LABEL_WIDTH, y, TABLE_WIDTH - LABEL_WIDTH, h, 0.2, OfdPage.RULE, null);
        page.paragraph(LEFT + CELL_PAD, y + CELL_PAD, LABEL_WIDTH - 2 * CELL_PAD, label, FIELD_SIZE, FIELD_LEADING,
                true, OfdPage.INK, 0, 0);
        page.paragraph(LEFT + LABEL_WIDTH + CELL_PAD, y + CELL_PAD, valueWidth, value.isEmpty() ? "—" : value,
                FIELD_SIZE, FIELD_LEADING, false, OfdPage.INK, 0, 0);
        return y + h;
    }

    private static void footer(ProofDocument proof, OfdPage page) {
        double y = OfdPage.HEIGHT - 30;
        page.box(LEFT, y, RIGHT - LEFT, 0.01, 0.18, OfdPage.RULE, null);
        y += 2.5;
        if (proof.signingKeys().isEmpty()) {
            page.text(LEFT, y, RIGHT - LEFT, "电子签名：无", 2.6, false, OfdPage.MUTED, OfdPage.Align.LEFT);
            y += 3.6;
        }
        for (ProofDocument.SigningKeyRef key : proof.signingKeys()) {
            page.text(LEFT, y, RIGHT - LEFT, "电子签名（" + key.algorithm() + "）密钥 kid：" + key.kid(), 2.6, false,
                    OfdPage.MUTED, OfdPage.Align.LEFT);
            y += 3.6;
        }
        page.text(LEFT, y, RIGHT - LEFT - 20, "签名可用开具单位公布的验证密钥（JWKS）离线核验；电子印章可用 OFD 阅读器核验。证明编号 "
                + proof.proofNumber(), 2.6, false, OfdPage.MUTED, OfdPage.Align.LEFT);
        page.text(RIGHT - 20, y, 20, "第 1 页", 2.6, false, OfdPage.MUTED, OfdPage.Align.RIGHT);
    }
}
