package org.certfree.proofs.commitment;

/** The finding of a check (核查结论), and the pledge status it leads to once reviewed. */
public enum CheckResult {
    /** 核查属实 */
    CONFIRMED(PledgeStatus.CONFIRMED),
    /** 不实承诺 */
    FALSE(PledgeStatus.FALSE),
    /** 无法核实 */
    NOT_VERIFIABLE(PledgeStatus.NOT_VERIFIABLE);

    private final PledgeStatus leadsTo;

    CheckResult(PledgeStatus leadsTo) {
        this.leadsTo = leadsTo;
    }

    public PledgeStatus leadsTo() {
        return leadsTo;
    }

    public String chinese() {
        return leadsTo.chinese();
    }
}
