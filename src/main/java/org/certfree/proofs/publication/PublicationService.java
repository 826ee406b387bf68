package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.publication.dto.BatchInput;
import org.certfree.proofs.publication.dto.BatchView;
import org.certfree.proofs.publication.dto.EntryInput;
import org.certfree.proofs.publication.dto.EntryView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.security.Caller;

/**
 * Assembling publication batches: the justice bureau opens a numbered draft ("2024年第1批"), puts approved
 * catalogue versions in it — the action (ADD / AMEND / REMOVE) follows from the lists as they are — and
 * may take entries out or drop the draft. Publishing it is {@link PublishingService}'s.
 */
@ApplicationScoped
public class PublicationService {

    @Inject
    StaffActions staffActions;

    public static final String PATH = "/api/v1/publication-batches/";

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
    BatchQueries queries;

    @Inject
    Clock clock;

    @Transactional
    public BatchView create(Caller reviewer, BatchInput input, Instant now) {
        String authority = requireReviewer(reviewer);
        String number = input.number() != null ? input.number() : nextNumber(now);
        PublicationBatch existing = PublicationBatch.find("number", number).firstResult();
        if (existing != null) {
            throw ApiException.duplicate(Messages.BATCH_NUMBER_TAKEN.formatted(number), PATH + existing.id);
        }
        PublicationBatch b = new PublicationBatch();
        b.number = number;
        b.title = input.title() == null || input.title().isBlank() ? null : input.title().trim();
        b.status = BatchStatus.DRAFT;
        b.authorityCode = authority;
        b.createdBy = reviewer.subject();
        b.createdAt = now;
        b.updatedAt = now;
        b.persist();
        staffActions.record(reviewer, "batch.created", b.authorityCode, "batch", b.id, "number", b.number);
        em.flush();
        return queries.view(b, List.of());
    }

    @Transactional
    public EntryView addEntry(Caller reviewer, long batchId, EntryInput input, Instant now) {
        PublicationBatch b = requireDraft(batchId, reviewer);
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
        e.addedBy = reviewer.subject();
        e.addedAt = now;
        e.persist();
        staffActions.record(reviewer, "batch.entry-added", b.authorityCode, "batch", batchId, "matter",
                e.matterCode, "action", e.action);
        b.updatedAt = e.addedAt;
        em.flush();
        return BatchQueries.entryView(e);
    }

    @Transactional
    public void removeEntry(Caller reviewer, long batchId, int seq) {
        PublicationBatch b = requireDraft(batchId, reviewer);
        BatchEntry e = BatchEntry.find("batchId = ?1 and seq = ?2", batchId, seq).firstResult();
        if (e == null) {
            throw ApiException.notFound(Messages.BATCH_ENTRY_NOT_FOUND.formatted(b.number, seq));
        }
        e.delete();
        staffActions.record(reviewer, "batch.entry-removed", null, "batch", batchId, "seq", seq);
        b.updatedAt = clock.instant();
        em.flush();
    }

    @Transactional
    public void deleteDraft(Caller reviewer, long batchId) {
        PublicationBatch b = requireDraft(batchId, reviewer);
        BatchEntry.delete("batchId", batchId);
        b.delete();
        staffActions.record(reviewer, "batch.deleted", b.authorityCode, "batch", batchId, "number", b.number);
        em.flush();
    }

    // --- helpers

    /** What the matter's list says about it now. */
    record Listed(ListKind kind, int version) {
    }

    private Optional<Listed> currentListing(String code) {
        return Optional.ofNullable(currentListings(List.of(code)).get(code));
    }

    Map<String, Listed> currentListings(List<String> codes) {
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

    /** The caller's department when it is the justice bureau (a REVIEWER department); else 403. */
    String requireReviewer(Caller reviewer) {
        return departments.requireRole(reviewer.department().orElse(null), DepartmentRole.REVIEWER, Messages.MATTER_NOT_REVIEWER);
    }

    /** A draft batch of the caller's authority: 404 unknown, 403 another authority's, 409 published. */
    PublicationBatch requireDraft(long batchId, Caller reviewer) {
        requireReviewer(reviewer);
        PublicationBatch b = PublicationBatch.findById(batchId);
        if (b == null) {
            throw ApiException.notFound(Messages.BATCH_NOT_FOUND.formatted(batchId));
        }
        if (!reviewer.actsFor(b.authorityCode)) {
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
}
