package org.certfree.proofs.proof;

import java.util.Optional;

/** The proof feature's question to the catalogue: is this matter issuable right now, and how. */
public interface MatterDirectory {

    /** The matter's current version if it is on the effective retained list, else empty. */
    Optional<IssuableMatter> retained(String matterCode);
}
