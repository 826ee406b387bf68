package org.certfree.proofs.system.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.common.ResidentId;

/**
 * The keyed blind index of a holder's identifier (resident ID or USCC): how proofs, requests,
 * consents and access-log rows name their holder without storing the identifier in clear. One
 * definition for every feature, so the same person has the same index everywhere.
 */
@ApplicationScoped
public class HolderIndex {

    /** The index's purpose string (it keys the stored indexes: never change it). */
    public static final String PURPOSE = "proof.subject.id";

    @Inject
    PersonalDataProtector protector;

    /**
     * The index of an identifier, normalized first (spaces, a lower-case check character "x"): a token's
     * subject, a typed ID and a validated proof subject of the same person all give the same index.
     */
    public String of(String subjectId) {
        return protector.blindIndex(ResidentId.normalize(subjectId), PURPOSE);
    }
}
