package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.log.CorrelationIds;
import java.util.UUID;
import org.certfree.proofs.system.security.Caller;
import org.jboss.logging.MDC;

/**
 * What is said about a stored document: its business event and its audit row, by its origin's actor and under its
 * request's correlation id also when stored on another thread (a bulk worker, the group commit of single issuances).
 */
@ApplicationScoped
class IssuedRecords {

    @Inject
    StaffActions staffActions;

    /**
     * Who documents are stored for: the actor the audit log names (null: the current request's caller), the
     * bulk issuance job they belong to (null: none) and the correlation id of the request that asked, when it is
     * stored on another thread (null: the current one's).
     */
    record Origin(Caller actor, UUID job, String correlation) {
        static final Origin REQUEST = new Origin(null, null, null);

        Origin(Caller actor, UUID job) {
            this(actor, job, null);
        }

        /** The current request, for storing on another thread: its caller (not a bean) and correlation id. */
        static Origin of(Caller actor) {
            Object correlation = MDC.get(CorrelationIds.MDC_KEY);
            return new Origin(actor, null, correlation == null ? null : correlation.toString());
        }
    }

    /** The business event and the audit row of a stored document, under its request's correlation id. */
    void record(Proof p, IssuanceService.Document d, Origin origin) {
        if (origin.correlation() == null) {
            recordHere(p, d, origin);
            return;
        }
        Object before = MDC.get(CorrelationIds.MDC_KEY);
        MDC.put(CorrelationIds.MDC_KEY, origin.correlation());
        try {
            recordHere(p, d, origin);
        } finally {
            if (before == null) {
                MDC.remove(CorrelationIds.MDC_KEY);
            } else {
                MDC.put(CorrelationIds.MDC_KEY, before);
            }
        }
    }

    private void recordHere(Proof p, IssuanceService.Document d, Origin origin) {
        if (d.kind() == DocumentKind.PLEDGE) {
            BusinessEvents.log("pledge.signed", "dept", p.issuerDept, "matter", p.matterCode, "number", p.number, "outcome", "ok");
            staffActions.record("pledge.signed", p.issuerDept, "pledge", p.number, "matter", p.matterCode);
            return;
        }
        BusinessEvents.log("proof.issued", "dept", p.issuerDept, "matter", p.matterCode, "number", p.number, "via",
                origin.job() != null ? "bulk" : d.supersedes() != null ? "reissue" : d.requestId() == null ? "direct"
                        : ProofRequestService.IMMEDIATE.equals(d.issuedBy()) ? "immediate" : "request",
                "job", origin.job(), "outcome", "ok");
        Object[] details = { "matter", p.matterCode, "supersedes", d.supersedes(), "request", d.requestId(), "job", origin.job() };
        if (origin.actor() == null) {
            staffActions.record("proof.issued", p.issuerDept, "proof", p.number, details);
        } else {
            staffActions.record(origin.actor(), "proof.issued", p.issuerDept, "proof", p.number, details);
        }
    }
}
