package org.certfree.proofs.system.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One staff action carried out on many records at once (a bulk revocation): one audit row per target,
 * each as {@link StaffAction} with the same actor, time, action, details and correlation id. Fired
 * through {@link StaffActions#recordEach} inside the action's transaction; the audit feature writes the
 * rows with a few set-based inserts instead of one event and one insert per target.
 *
 * @param targetIds the ids, codes or numbers acted on, one row each; never personal data
 */
public record StaffActionBatch(Instant at, String actor, String actorDepartment, String action, String department,
        String targetType, List<String> targetIds, String outcome, Map<String, String> details, String correlationId) {

    public StaffActionBatch {
        targetIds = List.copyOf(targetIds);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The row of one target, as a single action would be recorded. */
    public StaffAction row(String targetId) {
        return new StaffAction(at, actor, actorDepartment, action, department, targetType, targetId, outcome, details,
                correlationId);
    }
}
