package org.certfree.proofs.system.access;

/**
 * What someone other than the holder did with the holder's personal data; each kind appears in the
 * holder's access log ({@code GET /api/v1/me/access-log}) with its Chinese label. Features fire every kind
 * but {@link #VERIFICATION} through {@link HolderAccessLog}; verifications are logged, with their signed
 * receipts, by the verification feature itself.
 */
public enum AccessKind {
    /** A using unit verified one of the holder's proofs (the entry's {@code result} says how it ended). */
    VERIFICATION("核验证明"),
    /** Issuer staff or a supervisor read a proof in full (name, identifier, claims). */
    PROOF_READ("查看证明"),
    /** The issuing department revoked one of the holder's proofs (alone, in bulk, or after a key compromise). */
    PROOF_REVOKED("证明被撤销"),
    /** Someone other than the holder downloaded the printable proof (PDF). */
    PROOF_PDF("下载证明文件"),
    /** Someone other than the holder downloaded the proof's QR code (it carries the verification code). */
    PROOF_QR("下载证明二维码"),
    /** Issuer staff read a proof request in full (the applicant's name and identifier). */
    REQUEST_READ("查看开具申请"),
    /** A using unit received the content of a proof under the holder's consent: a verification that retrieved it, or a 调取. */
    RETRIEVAL("调取证明"),
    /** A window clerk or an authorised agent filed a proof request for the holder (代办). */
    ASSISTED_REQUEST("代办开具申请"),
    /** A window clerk or an authorised agent granted a consent in the holder's name (代办). */
    ASSISTED_CONSENT("代办授权"),
    /** A window clerk put on file the holder's authorisation of an agent to act in their name (代办授权登记). */
    AGENT_AUTHORISED("登记代办授权"),
    /** A window clerk revoked an agent authorisation for the holder present in person. */
    AGENT_AUTHORISATION_REVOKED("窗口代为撤销代办授权"),
    /** A window clerk took down a pledge (告知承诺) for the holder present in person. */
    PLEDGE_ASSISTED("窗口代为录入告知承诺"),
    /** Staff of the matter's (or an assisting) department or a supervisor read a pledge in full, or its PDF/QR. */
    PLEDGE_READ("查看告知承诺"),
    /** The department closed the post-check (核查) of the holder's pledge (the entry's {@code result} says how). */
    PLEDGE_CHECKED("核查告知承诺"),
    /** The department decided the holder's objection to a FALSE finding. */
    PLEDGE_OBJECTION_DECIDED("处理不实承诺异议"),
    /** A dispute (异议) on one of the holder's proofs or pledges was opened (by the holder or a using unit); the document is suspended. */
    DISPUTE_OPENED("对证明提出异议，证明暂停使用"),
    /** The issuing department decided a dispute on the holder's document (the entry's details say how). */
    DISPUTE_DECIDED("处理证明异议"),
    /** Someone other than the holder (the issuing department, the disputing unit, a supervisor) read a dispute's reason and note. */
    DISPUTE_READ("查看证明异议内容"),
    /** The justice bureau read the holder's complaint about a demanded proof in full (description and evidence). */
    COMPLAINT_READ("查看投诉内容"),
    /** The justice bureau or ADMIN read the holder's dispute on a list entry in full (text and answer). */
    LIST_DISPUTE_READ("查看清单异议内容"),
    /** A purpose-bound copy (加注件) of one of the holder's proofs was made for a using unit (by the holder, or the unit under consent). */
    COPY_MADE("制作加注件"),
    /** The holder withdrew a purpose-bound copy (加注件); online checks refuse it from then on. */
    COPY_WITHDRAWN("撤回加注件"),
    /** A using unit checked a purpose-bound copy (加注件) online (the entry's {@code result} says how it ended). */
    COPY_CHECKED("核验加注件"),
    /** The using unit that made a copy under the holder's consent downloaded it as OFD. */
    COPY_OFD("下载加注件版式文件"),
    /** A using unit verified one of the holder's proofs by uploading its sealed OFD file (the entry's {@code result} says how it ended). */
    OFD_VERIFICATION("核验证明文件（OFD）");

    private final String chinese;

    AccessKind(String chinese) {
        this.chinese = chinese;
    }

    /** The label the holder reads. */
    public String chinese() {
        return chinese;
    }
}
