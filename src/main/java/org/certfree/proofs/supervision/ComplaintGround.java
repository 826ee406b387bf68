package org.certfree.proofs.supervision;

/** Why a demanded proof should not have been demanded. Source: seed 四.(二) "仍向企业和群众违规索要证明材料". */
public enum ComplaintGround {
    /** The matter is on the cancelled list. */
    CANCELLED,
    /** The matter is not on the retained list. */
    NOT_RETAINED,
    /** The unit could have verified it online (部门在线开具核验). */
    VERIFIABLE_ONLINE;

    /** Stable identifier of the ground. */
    public String uri() {
        return "urn:certfree:complaint-ground:" + name().toLowerCase().replace('_', '-');
    }
}
