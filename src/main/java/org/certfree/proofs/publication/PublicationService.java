package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.MatterStatus;
import org.certfree.proofs.catalog.Proposal;
import org.certfree.proofs.catalog.dto.MatterVersionView;
import org.certfree.proofs.catalog.dto.MatterView;
import org.certfree.proofs.catalog.dto.VersionSummary;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.publication.dto.BatchInput;
import org.certfree.proofs.publication.dto.BatchSummary;
import org.certfree.proofs.publication.dto.BatchView;
import org.certfree.proofs.publication.dto.EntryInput;
import org.certfree.proofs.publication.dto.EntryView;

/**
 * Publication batches: the justice bureau assembles approved versions into a draft batch and
 * publishes it. Publishing is one transaction, serialized across replicas by an advisory lock: it
 * re-checks every entry against the current lists, freezes the batch with its canonical manifest
 * chained to the previous batch, applies the entries to the materialised current lists and appends
 * the manifest hash to the Merkle log with a new tree head.
 */
@ApplicationScoped
public class PublicationService {

    public static final String PATH = "/api/v1/publication-batches/";

    /** Advisory-lock key that serializes publishing (one log, one chain). */
    static final long PUBLISH_LOCK = 0x63657274_70756231L;

    private static final Pattern NUMBER = Pattern.compile("^([0-9]{4})年第([1-9][0-9]{0,3})批$");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CatalogService catalog;

    @Inject
    DepartmentService departments;

    @Inject
    ManifestSigner signer;

    @Inject
    TransparencyLog log;

    @Inject
    Clock clock;

    // --- assembling a draft

    @Transactional
    public BatchView create(String reviewer, String reviewerDepartment, BatchInput input) {
        catalog.requireReviewer(reviewerDepartment);
        Instant now = clock.instant();
        String number = input.number() != null ? input.number() : nextNumber(now);
        PublicationBatch existing = PublicationBatch.find("number", number).firstResult();
        if (existing != null) {
            throw ApiException.duplicate(Messages.BATCH_NUMBER_TAKEN.formatted(number), PATH + existing.id);
        }
        PublicationBatch b = new PublicationBatch();
        b.number = number;
        b.title = input.title() == null || input.title().isBlank() ? null : input.title().trim();
        b.status = BatchStatus.DRAFT;
        b.authorityCode = reviewerDepartment;
        b.createdBy = reviewer;
        b.createdAt = now;
        b.updatedAt = now;
        b.persist();
        em.flush();
        return view(b, List.of());
    }

    @Transactional
    public EntryView addEntry(String reviewer, String reviewerDepartment, long batchId, EntryInput input) {
        PublicationBatch b = requireDraft(batchId, reviewerDepartment);
        String code = input.matterCode().trim();
        MatterVersionView v;
        if (input.matterVersion() != null) {
            v = catalog.findVersion(code, input.matterVersion())
                    .orElseThrow(() -> ApiException.notFound(catalog.find(code).isPresent()
                            ? Messages.MATTER_VERSION_NOT_FOUND.formatted(code, input.matterVersion())
                            : Messages.MATTER_NOT_FOUND.formatted(code)));
        } else {
            MatterView m = catalog.find(code).orElseThrow(() -> ApiException.notFound(Messages.MATTER_NOT_FOUND.formatted(code)));
            int latestApproved = m.versions().stream().filter(s -> s.status() == MatterStatus.APPROVED)
                    .mapToInt(VersionSummary::number).max()
                    .orElseThrow(() -> ApiException.unprocessable(Messages.BATCH_ENTRY_NO_APPROVED.formatted(code)));
            v = catalog.findVersion(code, latestApproved).orElseThrow();
        }
        if (v.status() != MatterStatus.APPROVED) {
            throw ApiException.unprocessable(Messages.BATCH_ENTRY_NOT_APPROVED.formatted(code, v.number(), v.status()));
        }
        BatchEntry same = BatchEntry.find("batchId = ?1 and matterCode = ?2", batchId, code).firstResult();
        if (same != null) {
            throw ApiException.duplicate(Messages.BATCH_ENTRY_DUPLICATE.formatted(code, b.number, same.seq), PATH + batchId);
        }
        Optional<Listed> current = currentListing(code);
        EntryAction expected = expectedAction(v, current);
        if (input.action() != null && input.action() != expected) {
            throw ApiException.unprocessable(Messages.BATCH_ENTRY_ACTION_MISMATCH.formatted(code, v.number(), expected,
                    input.action(), explain(v, expected)));
        }
        BatchEntry e = new BatchEntry();
        e.batchId = batchId;
        e.seq = nextSeq(batchId);
        e.action = expected;
        e.matterCode = code;
        e.kind = v.kind();
        e.matterVersion = v.number();
        e.departmentCode = v.departmentCode();
        e.name = v.name();
        e.scenarios = v.scenarios().stream().map(Enum::name).toList();
        e.content = content(v);
        e.reason = v.proposal() == Proposal.REMOVAL ? v.removalReason() : null;
        e.searchText = CatalogService.searchText(code, v.name(), v.departmentName(), v.description(), e.content);
        e.addedBy = reviewer;
        e.addedAt = clock.instant();
        e.persist();
        b.updatedAt = e.addedAt;
        em.flush();
        return entryView(e);
    }

    @Transactional
    public void removeEntry(String reviewerDepartment, long batchId, int seq) {
        PublicationBatch b = requireDraft(batchId, reviewerDepartment);
        BatchEntry e = BatchEntry.find("batchId = ?1 and seq = ?2", batchId, seq).firstResult();
        if (e == null) {
            throw ApiException.notFound(Messages.BATCH_ENTRY_NOT_FOUND.formatted(b.number, seq));
        }
        e.delete();
        b.updatedAt = clock.instant();
        em.flush();
    }

    @Transactional
    public void deleteDraft(String reviewerDepartment, long batchId) {
        PublicationBatch b = requireDraft(batchId, reviewerDepartment);
        BatchEntry.delete("batchId", batchId);
        b.delete();
        em.flush();
    }

    // --- publishing

    /** Publishes a draft now; {@code lock} is the batch version read (409 when stale), null to skip. */
    @Transactional
    public BatchView publish(String reviewer, String reviewerDepartment, long batchId, Integer lock) {
        return publishAt(reviewer, reviewerDepartment, batchId, lock, clock.instant());
    }

    /**
     * Publishes a draft as of {@code at} (demo data publishes its historical batches this way). The
     * time must not be earlier than the previous batch's: the lists' history is ordered by it.
     */
    @Transactional
    public BatchView publishAt(String reviewer, String reviewerDepartment, long batchId, Integer lock, Instant at) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", PUBLISH_LOCK).getSingleResult();
        PublicationBatch b = requireDraft(batchId, reviewerDepartment);
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
        b.publishedBy = reviewer;
        b.logIndex = logIndex;
        b.previousHash = previous == null ? null : previous.manifestHash;
        b.updatedAt = publishedAt;
        b.manifest = Manifests.manifest(b, entries);
        b.manifestHash = Manifests.sha256Hex(b.manifest);
        Optional<String> signature = signer.sign(b.authorityCode,
                Manifests.statement(b).getBytes(StandardCharsets.UTF_8), ManifestSigner.MANIFEST_TYP);
        b.signature = signature.orElse(null);
        b.signedAt = signature.isPresent() ? clock.instant() : null;
        em.flush();
        applyToCurrentLists(batchId);
        log.appendTreeHead(b.authorityCode, publishedAt);
        return view(b, entries);
    }

    /** Entries are re-checked against the lists as they are now (another batch may have changed them). */
    private void recheck(PublicationBatch b, List<BatchEntry> entries) {
        Map<String, Listed> listed = currentListings(entries.stream().map(e -> e.matterCode).toList());
        List<String> problems = new ArrayList<>();
        for (BatchEntry e : entries) {
            Listed current = listed.get(e.matterCode);
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

    // --- reads

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

    // --- helpers

    /** What the matter's list says about it now. */
    record Listed(ListKind kind, int version) {
    }

    private Optional<Listed> currentListing(String code) {
        return Optional.ofNullable(currentListings(List.of(code)).get(code));
    }

    private Map<String, Listed> currentListings(List<String> codes) {
        Map<String, Listed> result = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 1000) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 1000));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "SELECT matter_code, kind, matter_version FROM list_entry WHERE matter_code IN (:codes)")
                    .setParameter("codes", chunk).getResultList();
            for (Object[] r : rows) {
                result.put((String) r[0], new Listed(ListKind.valueOf((String) r[1]), ((Number) r[2]).intValue()));
            }
        }
        return result;
    }

    private static EntryAction expectedAction(MatterVersionView v, Optional<Listed> current) {
        if (v.proposal() == Proposal.REMOVAL) {
            if (current.isEmpty()) {
                throw ApiException.unprocessable(Messages.BATCH_ENTRY_REMOVE_NOT_LISTED.formatted(v.matterCode(), v.kind().label()));
            }
            return EntryAction.REMOVE;
        }
        if (current.isEmpty()) {
            return EntryAction.ADD;
        }
        if (current.get().version() >= v.number()) {
            throw ApiException.conflict(Messages.BATCH_ENTRY_STALE_VERSION.formatted(v.matterCode(), current.get().version(), v.number()));
        }
        return EntryAction.AMEND;
    }

    private static String explain(MatterVersionView v, EntryAction expected) {
        return switch (expected) {
            case REMOVE -> Messages.BATCH_ENTRY_REMOVAL;
            case AMEND -> Messages.BATCH_ENTRY_ALREADY_LISTED.formatted(v.matterCode(), v.kind().label());
            case ADD -> Messages.BATCH_ENTRY_NOT_LISTED.formatted(v.matterCode(), v.kind().label());
        };
    }

    /** The matter content as published: everything a reader of the list needs, nothing internal. */
    private JsonNode content(MatterVersionView v) {
        ObjectNode c = json.createObjectNode();
        c.put("code", v.matterCode());
        c.put("kind", v.kind().name());
        c.put("kindUri", v.kind().uri());
        c.put("version", v.number());
        c.put("name", v.name());
        if (v.description() != null) {
            c.put("description", v.description());
        }
        c.putArray("scenarios").addAll(v.scenarios().stream().map(s -> (JsonNode) json.getNodeFactory().textNode(s.name())).toList());
        ObjectNode dept = c.putObject("department");
        dept.put("code", v.departmentCode());
        dept.put("name", departments.find(v.departmentCode()).map(DepartmentView::name).orElse(v.departmentCode()));
        if (v.retained() != null) {
            c.set("retained", json.valueToTree(v.retained()));
        }
        if (v.cancelled() != null) {
            c.set("cancelled", json.valueToTree(v.cancelled()));
        }
        if (v.notifyCommit() != null) {
            c.set("notifyCommit", json.valueToTree(v.notifyCommit()));
        }
        c.put("approvedBy", v.reviewerDepartment());
        c.put("approvedAt", Manifests.timestamp(v.reviewedAt().truncatedTo(ChronoUnit.MILLIS)));
        if (v.proposal() == Proposal.REMOVAL) {
            c.put("removalReason", v.removalReason());
        }
        return c;
    }

    private PublicationBatch requireDraft(long batchId, String reviewerDepartment) {
        catalog.requireReviewer(reviewerDepartment);
        PublicationBatch b = PublicationBatch.findById(batchId);
        if (b == null) {
            throw ApiException.notFound(Messages.BATCH_NOT_FOUND.formatted(batchId));
        }
        if (!b.authorityCode.equals(reviewerDepartment)) {
            throw ApiException.forbidden(Messages.BATCH_OTHER_AUTHORITY.formatted(b.number, b.authorityCode));
        }
        if (b.status != BatchStatus.DRAFT) {
            throw ApiException.conflict(Messages.BATCH_NOT_DRAFT.formatted(b.number));
        }
        return b;
    }

    private int nextSeq(long batchId) {
        Number max = (Number) em.createNativeQuery("SELECT coalesce(max(seq), 0) FROM publication_entry WHERE batch_id = :b")
                .setParameter("b", batchId).getSingleResult();
        return max.intValue() + 1;
    }

    /** "YYYY年第N批" with the next free N of the current year. */
    private String nextNumber(Instant now) {
        int year = now.atZone(ControllableClock.ZONE).getYear();
        @SuppressWarnings("unchecked")
        List<String> numbers = em.createNativeQuery("SELECT number FROM publication_batch WHERE number LIKE :prefix")
                .setParameter("prefix", year + "年第%").getResultList();
        int max = 0;
        for (String n : numbers) {
            Matcher m = NUMBER.matcher(n);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(2)));
            }
        }
        return year + "年第" + (max + 1) + "批";
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
        String signatureStatus = b.status == BatchStatus.DRAFT ? null : b.signature == null ? "PENDING" : "SIGNED";
        return new BatchView(b.id, b.number, b.title, b.status, b.authorityCode, authorityName, b.createdBy, b.createdAt,
                b.publishedBy, b.publishedAt, b.logIndex, b.previousHash, b.manifestHash, signatureStatus, b.signature,
                entries.size(), entries.stream().map(PublicationService::entryView).toList(), b.lockVersion);
    }

    static EntryView entryView(BatchEntry e) {
        return new EntryView(e.seq, e.action, e.matterCode, e.kind, e.matterVersion, e.name, e.departmentCode, e.reason,
                e.addedBy, e.addedAt, e.content);
    }
}
