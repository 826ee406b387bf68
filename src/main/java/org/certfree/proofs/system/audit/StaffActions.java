package org.certfree.proofs.system.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.system.log.CorrelationIds;
import org.certfree.proofs.system.security.Caller;
import org.jboss.logging.MDC;

/**
 * How a feature records a staff action: one call at the point where the action has been carried out,
 * inside its transaction. Fires {@link StaffAction} (a CDI event, observed synchronously by the audit
 * feature, which a lower feature could not call directly). The actor is the calling request's token,
 * or {@code system} outside a request; features that act for a named caller of their own (demo data,
 * scheduled work) pass it.
 */
@ApplicationScoped
public class StaffActions {

    /** The actor of work the service does of its own accord (no request, no named caller). */
    public static final String SYSTEM = "system";

    @Inject
    Event<StaffAction> events;

    @Inject
    Event<StaffActionBatch> batches;

    @Inject
    Caller requestCaller;

    @Inject
    Clock clock;

    /**
     * Records {@code action} by the current request's caller. {@code details} are key, value pairs
     * (null values left out) — never personal data.
     */
    public void record(String action, String department, String targetType, Object targetId, Object... details) {
        record(currentCaller(), action, department, targetType, targetId, details);
    }

    /** Records {@code action} by {@code actor} (null: the service itself). */
    public void record(Caller actor, String action, String department, String targetType, Object targetId,
            Object... details) {
        events.fire(new StaffAction(clock.instant(), actorOf(actor), actor == null ? null : actor.department().orElse(null),
                action, department, targetType, targetId == null ? null : targetId.toString(), StaffAction.SUCCESS,
                facts(details), correlationId()));
    }

    /** Records {@code action} by the current request's caller once for each of {@code targetIds} (see below). */
    public void recordEach(String action, String department, String targetType, List<String> targetIds, Object... details) {
        recordEach(currentCaller(), action, department, targetType, targetIds, details);
    }

    /**
     * Records {@code action} by {@code actor} (null: the service itself) once for each of {@code targetIds}, with
     * the same details: one audit row per target, written in few statements however many there are.
     */
    public void recordEach(Caller actor, String action, String department, String targetType, List<String> targetIds,
            Object... details) {
        if (targetIds.isEmpty()) {
            return;
        }
        batches.fire(new StaffActionBatch(clock.instant(), actorOf(actor), actor == null ? null : actor.department().orElse(null),
                action, department, targetType, targetIds, StaffAction.SUCCESS, facts(details), correlationId()));
    }

    private static Map<String, String> facts(Object... details) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) {
                facts.put(String.valueOf(details[i]), String.valueOf(details[i + 1]));
            }
        }
        return facts;
    }

    private static String correlationId() {
        Object correlation = MDC.get(CorrelationIds.MDC_KEY);
        return correlation == null ? null : correlation.toString();
    }

    private Caller currentCaller() {
        ManagedContext request = Arc.container().requestContext();
        if (!request.isActive() || requestCaller.anonymous()) {
            return null;
        }
        return requestCaller;
    }

    /** A staff user by their id; a citizen by the blind index of theirs (never the identifier itself). */
    private static String actorOf(Caller caller) {
        return caller == null || caller.anonymous() ? SYSTEM : caller.actor();
    }
}
