package org.certfree.proofs.proof;

import java.util.Optional;

/**
 * The proof feature's question to the verification feature, which keeps holders' consents and the
 * 用证清单: may this using unit request this matter's proof about this holder, citing this consent?
 */
public interface HolderConsents {

    /**
     * Empty when the consent {@code consentRef} is one the holder (by blind index) gave this unit for this
     * matter, is still active, and the unit is on the 用证清单 for the matter; otherwise why not, in words
     * the requesting window can act on.
     */
    Optional<String> refusal(String consentRef, String unit, String subjectIdIndex, String matterCode);
}
