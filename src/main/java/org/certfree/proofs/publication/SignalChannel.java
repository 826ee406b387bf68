package org.certfree.proofs.publication;

/** How a using unit asked for a matter it should no longer ask for (issue #15, 监督信号). */
public enum SignalChannel {
    /** It requested (调取) a proof of the matter from the issuer. */
    REQUEST,
    /** It verified a proof of the matter. */
    VERIFY,
    /** It was put on the unit's 用证 list for the matter. */
    USAGE_LIST
}
