package org.certfree.proofs.proof;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.log.BusinessEvents;

/**
 * Deletes bulk issuance jobs finished longer ago than {@code certfree.issuance-jobs.keep-finished}, with their items:
 * the items hold what the department needs only while it downloads the results (numbers and verification codes), and
 * a million-item job leaves a million rows. The proofs stay, and their audit rows name the job. A job at a time, each
 * in a transaction of its own; a purged job's id then answers 404, as any unknown one, and its itemIds are free again.
 */
@ApplicationScoped
public class IssuanceJobPurge {

    @Inject
    EntityManager em;

    @Inject
    CertfreeConfig config;

    @Inject
    Clock clock;

    /** Deletes every job finished before now minus the setting, and its items; answers how many jobs. */
    public int purge() {
        Instant before = clock.instant().minus(config.issuanceJobs().keepFinished());
        int jobs = 0;
        while (true) {
            Integer items = QuarkusTransaction.requiringNew().call(() -> purgeOne(before));
            if (items == null) {
                return jobs;
            }
            jobs++;
        }
    }

    /** The oldest job finished before {@code before}, deleted with its items (their count); null when there is none. */
    private Integer purgeOne(Instant before) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                SELECT id FROM issuance_job WHERE finished_at < :before ORDER BY finished_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                UUID.class).setParameter("before", before).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        UUID id = ids.get(0);
        int items = em.createNativeQuery("DELETE FROM issuance_job_item WHERE job_id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM issuance_job WHERE id = :id").setParameter("id", id).executeUpdate();
        BusinessEvents.log("issuance-job.purged", "job", id, "items", items, "outcome", "ok");
        return items;
    }
}
