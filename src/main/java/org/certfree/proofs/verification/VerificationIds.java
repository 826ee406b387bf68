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

    /** Whether {@code unit} ever verified (or tried to verify) the proof or pledge with this number. */
    public boolean verifiedBy(String unit, String number) {
        return !em.createNativeQuery("SELECT 1 FROM verification WHERE unit_code = :unit AND proof_number = :number LIMIT 1")
                .setParameter("unit", unit).setParameter("number", number).getResultList().isEmpty();
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
