package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The ids of the verifications a using unit made in a period: the candidates of an inspection draw (随机抽查). */
@ApplicationScoped
public class VerificationIds {

    @Inject
    EntityManager em;

    /**
     * Whether the proof or pledge with this number was presented to {@code unit} and passed its verification:
     * the right code or a genuine signature, so the unit held the document. A wrong-code attempt (which is
     * recorded against the number too) does not count: knowing a number is not having been shown the document.
     */
    public boolean verifiedBy(String unit, String number) {
        return !em.createNativeQuery("""
                SELECT 1 FROM verification WHERE proof_number = :number AND unit_code = :unit AND indication = 'TOTAL_PASSED'
                LIMIT 1""").setParameter("unit", unit).setParameter("number", number).getResultList().isEmpty();
    }

    /** Ids (as text) of the verifications {@code unit} made in [{@code from}, {@code to}). */
    @SuppressWarnings("unchecked")
    public List<String> made(String unit, Instant from, Instant to) {
        return em.createNativeQuery("""
                SELECT CAST(id AS VARCHAR) FROM verification WHERE unit_code = :unit
                AND verified_at >= :from AND verified_at < :to
                """).setParameter("unit", unit).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to)).getResultList();
    }
}
