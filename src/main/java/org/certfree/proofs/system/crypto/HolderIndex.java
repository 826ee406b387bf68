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

    /** The index of an identifier already in normal form (e.g. a token's subject, a validated subject). */
    public String of(String normalizedId) {
        return protector.blindIndex(normalizedId, PURPOSE);
    }

    /** The index of an identifier as a person typed it (normalized first: lower-case x, spaces). */
    public String ofInput(String subjectId) {
        return of(ResidentId.normalize(subjectId));
    }
}
