package org.certfree.proofs.commitment;

/**
 * Where a pledge (告知承诺) stands after its post-check (核查). Source: seed 四.(一)5 "不实承诺的法律后果";
 * issue #14. {@link #uri()} is the stable identifier in answers.
 */
public enum PledgeStatus {
    /** Made and signed; not (yet) checked, or not drawn for checking. */
    PLEDGED("已承诺"),
    /** Checked and found true (核查属实). */
    CONFIRMED("核查属实"),
    /** Checked and found false (不实承诺): the document is revoked, the template's consequence recorded. */
    FALSE("不实承诺"),
    /** Checked, but it could not be established either way (无法核实). */
    NOT_VERIFIABLE("无法核实"),
    /** A FALSE finding withdrawn on the holder's objection; the document stays revoked (a revocation is final). */
    OVERTURNED("不实认定已撤销");

    private final String chinese;

    PledgeStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public String uri() {
        return "urn:certfree:pledge-status:" + name().toLowerCase().replace('_', '-');
    }
}
