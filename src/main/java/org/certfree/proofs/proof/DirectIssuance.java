package org.certfree.proofs.proof;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.certfree.proofs.proof.dto.IssueProofRequest;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Direct issuance (POST /proofs) by an ISSUER of the matter's department: checked on the request's thread by
 * {@link IssuanceService}'s rules, then stored by the group commit of single issuances ({@link IssuanceBatcher}) —
 * or in the caller's transaction when there is one (an Idempotency-Key request, whose stored answer must commit with
 * the proof). Either way it returns once the proof is committed.
 */
@ApplicationScoped
public class DirectIssuance {

    @Inject
    IssuanceService issuance;

    @Inject
    IssuanceBatcher batcher;

    @Inject
    ProofQueries queries;

    @Inject
    Clock clock;

    public ProofView issue(IssueProofRequest body, Caller caller) {
        IssuableMatter matter = issuance.issuableBy(body.matterCode(), caller);
        ProofSubject subject = ProofSubject.of(body.subject(), "subject");
        IssuanceService.Document d = issuance.document(matter, subject, body.claims(), body.purpose(), body.validUntil(),
                null, null, caller.subject(), clock.instant());
        Proof proof = QuarkusTransaction.isActive() ? issuance.store(d, null)
                : batcher.issue(d, IssuedRecords.Origin.of(Caller.acting(caller.subject(), caller.department().orElse(null),
                        caller.roles().toArray(Role[]::new))));
        return queries.view(proof, true);
    }
}
