package org.certfree.proofs.commitment;

/** The holder's objection (异议) to a FALSE finding: a simple state; the dispute feature generalises it. */
public enum ObjectionStatus {
    /** Filed by the holder; the department has not decided. */
    OPEN("异议待处理"),
    /** The department agreed: the finding no longer stands (the pledge becomes OVERTURNED). */
    UPHELD("异议成立"),
    /** The department kept the finding. */
    DISMISSED("异议不成立");

    private final String chinese;

    ObjectionStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
