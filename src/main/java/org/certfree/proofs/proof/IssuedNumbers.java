package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The numbers of the proofs a department issued in a period: the candidates of an inspection draw (随机抽查). */
@ApplicationScoped
public class IssuedNumbers {

    @Inject
    EntityManager em;

    /** Numbers of the proofs (not pledge documents) {@code department} issued in [{@code from}, {@code to}). */
    @SuppressWarnings("unchecked")
    public List<String> issued(String department, Instant from, Instant to) {
        return em.createNativeQuery("""
                SELECT number FROM proof WHERE issuer_dept = :dept AND kind = 'PROOF'
                AND issued_at >= :from AND issued_at < :to
                """).setParameter("dept", department).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to)).getResultList();
    }
}
