package org.certfree.proofs.system.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One action on many holders' proofs at once (a bulk revocation): one entry in each holder's access log,
 * all with the same time, kind, unit, actor, purpose and details. Fired through
 * {@link HolderAccessLog#recordAll} inside the action's transaction; the feature that keeps the log writes
 * the rows with a few set-based inserts. Never personal data: holders by blind index only.
 *
 * @param entries whose log and which proof, one row each
 */
public record HolderAccessBatch(Instant at, AccessKind kind, String unit, String actor, String purpose,
        Map<String, String> details, List<Entry> entries) {

    /** One holder (blind index) and the proof concerned. */
    public record Entry(String holderIndex, String proofNumber) {
    }

    public HolderAccessBatch {
        details = details == null ? Map.of() : Map.copyOf(details);
        entries = List.copyOf(entries);
    }

    /** The entry as a single {@link HolderAccess} would be recorded. */
    public HolderAccess access(Entry e) {
        return new HolderAccess(at, e.holderIndex(), kind, unit, actor, e.proofNumber(), null, null, purpose, details);
    }
}
