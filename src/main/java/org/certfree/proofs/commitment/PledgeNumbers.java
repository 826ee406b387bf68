package org.certfree.proofs.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The numbers of the pledges of a department's matters in a period: the candidates of an inspection draw. */
@ApplicationScoped
public class PledgeNumbers {

    @Inject
    EntityManager em;

    /** Numbers of the pledges made on {@code department}'s notify-and-commit matters in [{@code from}, {@code to}). */
    @SuppressWarnings("unchecked")
    public List<String> pledged(String department, Instant from, Instant to) {
        return em.createNativeQuery("""
                SELECT number FROM pledge WHERE department_code = :dept AND pledged_at >= :from AND pledged_at < :to
                """).setParameter("dept", department).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to)).getResultList();
    }
}
