package org.certfree.proofs.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.publication.dto.BatchView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.cache.ChangeSignals;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;

/**
 * Publishing a draft batch, in one transaction serialized across replicas by an advisory lock: every
 * entry is re-checked against the current lists, the batch is frozen with its canonical manifest
 * chained to the previous batch and signed, the entries are applied to the materialised current lists
 * and the manifest hash is appended to the Merkle log with a new signed tree head.
 */
@ApplicationScoped
public class PublishingService {

    @Inject
    StaffActions staffActions;

    /** Advisory-lock key that serializes publishing (one log, one chain). */
    static final long PUBLISH_LOCK = 0x63657274_70756231L;

    @Inject
    EntityManager em;

    @Inject
    PublicationService drafts;

    @Inject
    BatchQueries queries;

    @Inject
    BatchSigner signer;

    @Inject
    TransparencyLog log;

    @Inject
    Clock clock;

    /** Publishes a draft now; {@code lock} is the batch version read (409 when stale), null to skip. */
    @Inject
    ChangeSignals changes;

    @Transactional
    public BatchView publish(Caller reviewer, long batchId, Integer lock) {
        return publishAt(reviewer, batchId, lock, clock.instant());
    }

    /**
     * Publishes a draft as of {@code at} (demo data publishes its historical batches this way). The
     * time must not be earlier than the previous batch's: the lists' history is ordered by it.
     */
    @Transactional
    public BatchView publishAt(Caller reviewer, long batchId, Integer lock, Instant at) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", PUBLISH_LOCK).getSingleResult();
        changes.changed(EffectiveLists.TOPIC); // the current lists change: caches of them drop on commit, everywhere
        PublicationBatch b = drafts.requireDraft(batchId, reviewer);
        // four eyes: whoever assembled the batch (opened it or put an entry in it) never publishes it
        if (reviewer.subject().equals(b.createdBy) || BatchEntry.count("batchId = ?1 and addedBy = ?2", batchId, reviewer.subject()) > 0) {
            throw ApiException.forbidden(Messages.BATCH_FOUR_EYES.formatted(b.number));
        }
        em.refresh(b);
        if (lock != null && lock != b.lockVersion) {
            throw new ApiException(ProblemType.STALE_VERSION, Messages.STALE_VERSION.formatted(lock, b.lockVersion));
        }
        List<BatchEntry> entries = BatchEntry.list("batchId = ?1 order by seq", batchId);
        if (entries.isEmpty()) {
            throw ApiException.unprocessable(Messages.BATCH_EMPTY.formatted(b.number));
        }
        recheck(b, entries);
        PublicationBatch previous = PublicationBatch.find("status = ?1 order by logIndex desc", BatchStatus.PUBLISHED)
                .firstResult();
        Instant publishedAt = at.truncatedTo(ChronoUnit.MILLIS);
        if (previous != null && publishedAt.isBefore(previous.publishedAt)) {
            throw ApiException.conflict(Messages.BATCH_CLOCK_BEHIND.formatted(
                    publishedAt.atZone(ControllableClock.ZONE), previous.publishedAt.atZone(ControllableClock.ZONE)));
        }
        int logIndex = previous == null ? 0 : previous.logIndex + 1;
        for (BatchEntry e : entries) {
            e.publishedAt = publishedAt;
            e.logIndex = logIndex;
        }
        b.status = BatchStatus.PUBLISHED;
        b.publishedAt = publishedAt;
        b.publishedBy = reviewer.subject();
        b.logIndex = logIndex;
        b.previousHash = previous == null ? null : previous.manifestHash;
        b.updatedAt = publishedAt;
        b.manifest = Manifests.manifest(b, entries);
        b.manifestHash = Manifests.sha256Hex(b.manifest);
        b.signature = signer.sign(b.authorityCode, Manifests.statement(b).getBytes(StandardCharsets.UTF_8),
                BatchSigner.MANIFEST_TYP);
        b.signedAt = clock.instant();
        em.flush();
        applyToCurrentLists(batchId);
        log.appendTreeHead(b.authorityCode, publishedAt);
        BusinessEvents.log("batch.published", "dept", b.authorityCode, "batch", b.number, "logIndex", logIndex, "entries",
                entries.size(), "outcome", "ok");
        staffActions.record(reviewer, "batch.published", b.authorityCode, "batch", b.id, "number", b.number,
                "logIndex", logIndex);
        return queries.view(b, entries);
    }

    /** Entries are re-checked against the lists as they are now (another batch may have changed them). */
    private void recheck(PublicationBatch b, List<BatchEntry> entries) {
        Map<String, PublicationService.Listed> listed = drafts.currentListings(entries.stream().map(e -> e.matterCode).toList());
        List<String> problems = new ArrayList<>();
        for (BatchEntry e : entries) {
            PublicationService.Listed current = listed.get(e.matterCode);
            String problem = switch (e.action) {
                case ADD -> current == null ? null : Messages.BATCH_ENTRY_ALREADY_LISTED.formatted(e.matterCode, current.kind().label());
                case AMEND -> current == null ? Messages.BATCH_ENTRY_NOT_LISTED.formatted(e.matterCode, e.kind.label())
                        : current.version() >= e.matterVersion
                                ? Messages.BATCH_ENTRY_STALE_VERSION.formatted(e.matterCode, current.version(), e.matterVersion)
                                : null;
                case REMOVE -> current == null ? Messages.BATCH_ENTRY_REMOVE_NOT_LISTED.formatted(e.matterCode, e.kind.label()) : null;
            };
            if (problem != null) {
                problems.add(problem);
            }
            if (problems.size() >= 5) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.conflict(Messages.BATCH_PUBLISH_STALE.formatted(b.number, String.join(" ", problems)));
        }
    }

    /** Set-based: the batch's entries become the current state of their matters. */
    private void applyToCurrentLists(long batchId) {
        em.createNativeQuery("""
                DELETE FROM list_entry l USING publication_entry e
                WHERE e.batch_id = :batch AND e.matter_code = l.matter_code AND e.action IN ('AMEND', 'REMOVE')""")
                .setParameter("batch", batchId).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO list_entry (matter_code, kind, matter_version, department_code, name, scenarios, content,
                                        search_text, batch_id, log_index, effective_since)
                SELECT e.matter_code, e.kind, e.matter_version, e.department_code, e.name, e.scenarios, e.content,
                       e.search_text, e.batch_id, e.log_index, e.published_at
                FROM publication_entry e WHERE e.batch_id = :batch AND e.action IN ('ADD', 'AMEND')""")
                .setParameter("batch", batchId).executeUpdate();
    }
}
