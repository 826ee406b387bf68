package org.certfree.proofs.commitment;

/**
 * The state of a pledge's check task (核查任务). OPEN → ASSIGNED → RECORDED → CLOSED; a reviewer may send a
 * RECORDED task back to ASSIGNED. OVERDUE is no state: a task past its due date and not CLOSED (a filter).
 */
public enum CheckStatus {
    /** Created with the pledge; nobody assigned. */
    OPEN("待分派"),
    /** A checker of the checking department is assigned. */
    ASSIGNED("核查中"),
    /** The checker recorded a finding and its evidence; awaiting review by someone else. */
    RECORDED("待复核"),
    /** A reviewer (never the checker) confirmed the finding; the pledge's status follows it. */
    CLOSED("已办结");

    private final String chinese;

    CheckStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
