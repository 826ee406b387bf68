package org.certfree.proofs.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.publication.dto.BatchSummary;
import org.certfree.proofs.publication.dto.BatchView;
import org.certfree.proofs.publication.dto.EntryView;

/** Reading publication batches: published ones for everyone, drafts too for reviewers. */
@ApplicationScoped
public class BatchQueries {

    @Inject
    EntityManager em;

    @Inject
    DepartmentService departments;


    /** A batch; drafts only for reviewers ({@code includeDrafts}). */
    public Optional<BatchView> find(long id, boolean includeDrafts) {
        PublicationBatch b = PublicationBatch.findById(id);
        if (b == null || (b.status == BatchStatus.DRAFT && !includeDrafts)) {
            return Optional.empty();
        }
        return Optional.of(view(b, BatchEntry.list("batchId = ?1 order by seq", id)));
    }

    /** Published batches in log order, and drafts too for reviewers. */
    public List<BatchSummary> list(BatchStatus status, boolean includeDrafts) {
        List<PublicationBatch> batches;
        if (status == BatchStatus.DRAFT && !includeDrafts) {
            return List.of();
        }
        if (status != null) {
            batches = PublicationBatch.list("status = ?1 order by logIndex nulls last, id", status);
        } else if (includeDrafts) {
            batches = PublicationBatch.list("order by logIndex nulls last, id");
        } else {
            batches = PublicationBatch.list("status = ?1 order by logIndex", BatchStatus.PUBLISHED);
        }
        Map<Long, Integer> counts = entryCounts();
        return batches.stream().map(b -> summary(b, counts.getOrDefault(b.id, 0))).toList();
    }

    public Optional<PublicationBatch> published(long id) {
        PublicationBatch b = PublicationBatch.findById(id);
        return b == null || b.status != BatchStatus.PUBLISHED ? Optional.empty() : Optional.of(b);
    }

    public List<BatchEntry> entries(long batchId) {
        return BatchEntry.list("batchId = ?1 order by seq", batchId);
    }

    BatchSummary summary(PublicationBatch b, int entryCount) {
        return new BatchSummary(b.id, b.number, b.title, b.status, b.authorityCode, b.publishedAt, b.logIndex,
                b.manifestHash, entryCount);
    }

    BatchSummary summary(PublicationBatch b) {
        return summary(b, (int) BatchEntry.count("batchId", b.id));
    }

    private Map<Long, Integer> entryCounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT batch_id, count(*) FROM publication_entry GROUP BY batch_id")
                .getResultList();
        Map<Long, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return counts;
    }

    BatchView view(PublicationBatch b, List<BatchEntry> entries) {
        String authorityName = departments.find(b.authorityCode).map(DepartmentView::name).orElse(b.authorityCode);
        String signatureStatus = b.signature == null ? null : "SIGNED";
        return new BatchView(b.id, b.number, b.title, b.status, b.authorityCode, authorityName, b.createdBy, b.createdAt,
                b.publishedBy, b.publishedAt, b.logIndex, b.previousHash, b.manifestHash, signatureStatus, b.signature,
                entries.size(), entries.stream().map(BatchQueries::entryView).toList(), b.lockVersion);
    }

    static EntryView entryView(BatchEntry e) {
        return new EntryView(e.seq, e.action, e.matterCode, e.kind, e.matterVersion, e.name, e.departmentCode, e.reason,
                e.addedBy, e.addedAt, e.content);
    }
}
