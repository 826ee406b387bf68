package org.certfree.proofs.system.access;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One read of, or action on, a holder's personal data by someone other than the holder, for the
 * holder's access log. Features fire it through {@link HolderAccessLog} inside the transaction of the
 * read or action; the feature that keeps the access log observes it synchronously and writes it in
 * that transaction, so the entry commits or rolls back with what it records.
 *
 * <p>Never personal data in any field: the holder is named by the blind index of their identifier.
 *
 * @param at              when (the service's clock)
 * @param holderIndex     the holder's blind index ({@code HolderIndex})
 * @param kind            what was done
 * @param unit            the department or unit the actor's token is scoped to, if any
 * @param actor           the staff id, {@code holder:<index>} for a citizen agent, or {@code system}
 * @param proofNumber     the proof concerned, if any
 * @param requestId       the proof request concerned, if any
 * @param consentId       the consent it was done under, if any
 * @param purpose         why, as the actor stated it (or the consent's purpose), if known
 * @param details         a few more facts (what was disclosed, how identity was checked), never personal data
 */
public record HolderAccess(Instant at, String holderIndex, AccessKind kind, String unit, String actor, String proofNumber,
        UUID requestId, UUID consentId, String purpose, Map<String, String> details) {

    public HolderAccess {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
