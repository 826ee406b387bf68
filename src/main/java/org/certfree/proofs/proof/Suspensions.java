package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;

/**
 * The suspension of a proof or pledge document while a dispute (异议) on it is open: what the dispute
 * feature calls to suspend and lift it. A suspension is reversible and changes nothing signed; verification
 * answers INDETERMINATE/SUSPENDED, the status check says so, and the status list sets the document's bit in
 * its suspension bitstring (see {@link StatusSlots#snapshot}).
 */
@ApplicationScoped
public class Suspensions {

    @Inject
    Clock clock;

    @Inject
    StaffActions staffActions;

    /** What the dispute feature needs of a document: who issued it, whose it is, and its state. */
    public record Disputable(String number, DocumentKind kind, String issuerDept, String subjectIdIndex,
            String matterName, ProofStatus status, UUID suspensionRef) {
    }

    /** The document with this number (proof or pledge), 400 for a malformed number, empty when there is none. */
    public Optional<Disputable> find(String number) {
        String normalized = ProofNumbers.normalize(number);
        ProofNumbers.problem(normalized).ifPresent(p -> {
            throw ApiException.invalid("proofNumber", Messages.PROOF_NUMBER_INVALID.formatted(number, p));
        });
        Instant now = clock.instant();
        return Proof.<Proof>find("number", normalized).firstResultOptional().map(p -> new Disputable(p.number, p.kind,
                p.issuerDept, p.subjectIdIndex, p.matterName, p.statusAt(now), p.suspensionRef));
    }

    /** Suspends a VALID document for the dispute {@code ref}, in the caller's transaction; 409 when it is not VALID. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(String number, UUID ref) {
        Proof p = require(number);
        Instant now = clock.instant();
        if (p.statusAt(now) != ProofStatus.VALID) {
            throw ApiException.conflict(Messages.DISPUTE_NOT_VALID.formatted(p.number, p.statusAt(now).chinese()));
        }
        p.suspendedAt = now;
        p.suspensionRef = ref;
        p.suspensionChangedAt = now;
        moved(p.issuerDept);
        BusinessEvents.log("proof.suspended", "dept", p.issuerDept, "number", p.number, "dispute", ref, "outcome", "ok");
    }

    /** Lifts the suspension the dispute {@code ref} put on the document (whatever its status now); no-op when none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lift(String number, UUID ref) {
        Proof p = require(number);
        if (p.suspensionRef == null || !p.suspensionRef.equals(ref)) {
            return;
        }
        p.suspendedAt = null;
        p.suspensionRef = null;
        p.suspensionChangedAt = clock.instant();
        moved(p.issuerDept);
        BusinessEvents.log("proof.suspension-lifted", "dept", p.issuerDept, "number", p.number, "dispute", ref, "outcome", "ok");
    }

    /**
     * Revokes a pledge document on an upheld dispute, by an ISSUER of its department: a pledge cannot be
     * re-issued (it is the pledger's own statement) and its FALSE_PLEDGE reason is the post-check's alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokePledge(String number, RevocationReason reason, String note, Caller caller) {
        Proof p = require(number);
        caller.requireDepartment(p.issuerDept);
        if (p.kind != DocumentKind.PLEDGE || reason == RevocationReason.FALSE_PLEDGE) {
            throw ApiException.invalid("reason", Messages.REVOKE_FALSE_PLEDGE_REASON);
        }
        if (p.status != ProofStatus.VALID) {
            throw ApiException.conflict(Messages.PROOF_NOT_REVOCABLE.formatted(p.number, p.status.chinese()));
        }
        p.status = ProofStatus.REVOKED;
        p.revokedAt = clock.instant();
        p.revocationReason = reason;
        p.revocationNote = note;
        p.revokedBy = caller.subject();
        // audited as every revocation is: the revocations check holds the status to it
        staffActions.record(caller, "proof.revoked", p.issuerDept, "proof", p.number, "reason", reason);
        BusinessEvents.log("pledge.revoked", "dept", p.issuerDept, "number", p.number, "reason", reason, "outcome", "ok");
    }

    /** Moves the department's suspension mark in this transaction: its published status list is stale from the commit. */
    private static void moved(String dept) {
        Proof.getEntityManager().createNativeQuery("""
                INSERT INTO suspension_mark (issuer_dept, changes) VALUES (:dept, 1)
                ON CONFLICT (issuer_dept) DO UPDATE SET changes = suspension_mark.changes + 1""")
                .setParameter("dept", dept).executeUpdate();
    }

    private static Proof require(String number) {
        return Proof.<Proof>find("number", ProofNumbers.normalize(number)).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound(Messages.PROOF_NOT_FOUND.formatted(number)));
    }
}
