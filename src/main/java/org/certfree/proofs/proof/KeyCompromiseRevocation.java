package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.certfree.proofs.keys.KeyCompromised;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.log.BusinessEvents;
import org.jboss.logging.Logger;

/**
 * When a department's key is declared compromised, revokes (reason {@link RevocationReason#KEY_COMPROMISE})
 * every VALID proof one of whose signatures that key made at or after the compromise instant — in the
 * compromise's own transaction, so the record and the key's state change together: no proof the record
 * calls VALID carries a signature that verification refuses. Proofs signed before the instant stay valid.
 *
 * <p>The signatures are found in SQL (V28's {@code jws_signature_headers}: {@code kid} and {@code iat}
 * of each signature of the stored JSON serialization), in one statement whatever their number; the
 * {@code issued_at} bound only lets the index narrow the rows ({@code iat} is taken just after it).
 */
@ApplicationScoped
class KeyCompromiseRevocation {

    private static final Logger LOG = Logger.getLogger(KeyCompromiseRevocation.class);

    /** How far before {@code iat} a proof's {@code issued_at} can be: both are read within one issuance. */
    private static final Duration ISSUED_BEFORE_SIGNING = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    StaffActions staffActions;

    void revoke(@Observes KeyCompromised compromise) {
        @SuppressWarnings("unchecked")
        List<String> revoked = em.createNativeQuery("""
                UPDATE proof p SET status = 'REVOKED', revoked_at = :now, revocation_reason = 'KEY_COMPROMISE',
                       revocation_note = left(:note, 500), revoked_by = :by, version = p.version + 1
                WHERE p.issuer_dept = :dept AND p.status = 'VALID' AND p.issued_at >= :earliest
                  AND EXISTS (SELECT 1 FROM jws_signature_headers(p.jws_json) h
                              WHERE h ->> 'kid' = :kid AND (h ->> 'iat')::bigint >= :from)
                RETURNING p.number
                """)
                .setParameter("now", Timestamp.from(compromise.reportedAt()))
                .setParameter("note", "签名密钥 %s 自 %s 起失效：%s".formatted(compromise.kid(), compromise.fromSecond(),
                        compromise.reason()))
                .setParameter("by", compromise.reportedBy())
                .setParameter("dept", compromise.departmentCode())
                .setParameter("earliest", Timestamp.from(compromise.fromSecond().minus(ISSUED_BEFORE_SIGNING)))
                .setParameter("kid", compromise.kid())
                .setParameter("from", compromise.fromSecond().getEpochSecond())
                .getResultList();
        for (String number : revoked) { // each revocation in the audit log, as one by hand would be
            staffActions.record("proof.revoked", compromise.departmentCode(), "proof", number, "reason",
                    RevocationReason.KEY_COMPROMISE, "kid", compromise.kid());
        }
        if (!revoked.isEmpty()) {
            LOG.warnf("Key %s of %s compromised from %s: %d proofs signed with it since then revoked", compromise.kid(),
                    compromise.departmentCode(), compromise.fromSecond(), revoked.size());
        }
        BusinessEvents.log("proofs.revoked.key-compromise", "dept", compromise.departmentCode(), "kid", compromise.kid(),
                "count", revoked.size(), "outcome", "ok");
    }
}
