package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.ProofLookup;
import org.certfree.proofs.system.integrity.IntegrityCheck;
import org.certfree.proofs.system.integrity.IntegrityFindings;

/**
 * Statuses against the audit log (scope {@code revocations}): every proof whose revocation the audit log
 * records must not be VALID. The database refuses a return to VALID; one made by going around it (and
 * around the status lists, which may never have shown the revocation) shows here, and the audit row
 * that tells it cannot be removed unnoticed: it is sealed ({@link AuditLogCheck}).
 */
@ApplicationScoped
class RevocationCheck implements IntegrityCheck {

    private static final int PAGE = 5_000;
    private static final int MAX_PROBLEMS = 100;

    @Inject
    EntityManager em;

    @Inject
    ProofLookup proofs;

    @Override
    @Transactional
    public IntegrityFindings check() {
        List<IntegrityFindings.Problem> problems = new ArrayList<>();
        long checked = 0;
        String after = "";
        while (true) {
            @SuppressWarnings("unchecked")
            List<String> revoked = em.createNativeQuery("""
                    SELECT DISTINCT target_id FROM audit_event
                    WHERE action = 'proof.revoked' AND target_id > :after ORDER BY target_id LIMIT :page""")
                    .setParameter("after", after).setParameter("page", PAGE).getResultList();
            checked += revoked.size();
            for (String number : proofs.storedValid(revoked)) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(new IntegrityFindings.Problem("STATUS_AUDIT", number, Messages.PROOF_CHECK_STATUS_AUDIT));
                }
            }
            if (revoked.size() < PAGE) {
                break;
            }
            after = revoked.get(revoked.size() - 1);
        }
        return new IntegrityFindings("revocations", checked, problems);
    }
}
