package org.certfree.proofs.system.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One staff action for the audit log (GB/T 22239 level 3: who did what, where, when, with what
 * result). Features fire it through {@link StaffActions} inside the transaction of the action; the
 * audit feature observes it synchronously and writes it in that transaction, so the record commits or
 * rolls back with the action.
 *
 * <p>Never personal data: no name, identifier, claim or verification code in any field. Proof
 * numbers, department and matter codes, ids and counts are fine. A citizen acting is recorded by
 * the blind index of their identifier ({@code holder:<index>}), never the identifier.
 *
 * @param at               when (the service's clock)
 * @param actor            the token's subject (a staff user id), {@code holder:<index>} for a citizen, or {@code system}
 * @param actorDepartment  the department the actor's token is scoped to, if any
 * @param action           what, as a stable code: {@code department.created}, {@code key.rotated}, {@code proof.issued} …
 * @param department       the department the action concerns (whose data changed), if any
 * @param targetType       what kind of record was acted on: {@code department}, {@code matter}, {@code proof} …
 * @param targetId         its id, code or number
 * @param outcome          {@code success}, or how it ended otherwise
 * @param details          a few more facts, never personal data
 * @param correlationId    the request's correlation id (X-Request-Id), or null outside a request
 */
public record StaffAction(Instant at, String actor, String actorDepartment, String action, String department,
        String targetType, String targetId, String outcome, Map<String, String> details, String correlationId) {

    /** The outcome of an action that was carried out. */
    public static final String SUCCESS = "success";

    public StaffAction {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
