package org.certfree.proofs.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.publication.dto.RequirementView.BatchRef;
import org.certfree.proofs.publication.dto.RequirementView.Change;
import org.certfree.proofs.publication.dto.RequirementView.Current;
import org.certfree.proofs.publication.dto.RequirementView;

/**
 * "Was matter X required on day D?" (issue #15, 5): the published entries of one matter, in log order, read
 * against the end of D in China Standard Time. Every fact comes from published (immutable, signed) entries, so
 * the answer can be checked against the batch manifests.
 */
@ApplicationScoped
public class ListHistory {

    /** The end of {@code date} in China Standard Time: every batch published that day counts. */
    public static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ControllableClock.ZONE).toInstant().minusNanos(1000);
    }

    /** The answer for {@code matterCode} at the end of {@code date}; empty when the matter was never published. */
    @Transactional
    public Optional<RequirementView> at(String matterCode, LocalDate date) {
        return at(matterCode, date, endOf(date));
    }

    /** The answer for {@code matterCode} at the instant {@code asOf} (of the day {@code date} in China Standard Time). */
    @Transactional
    public Optional<RequirementView> at(String matterCode, LocalDate date, Instant asOf) {
        List<BatchEntry> entries = BatchEntry.list("matterCode = ?1 and publishedAt is not null order by logIndex, seq",
                matterCode);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, BatchRef> refs = new HashMap<>();
        for (BatchEntry e : entries) {
            refs.computeIfAbsent(e.batchId, id -> {
                PublicationBatch b = PublicationBatch.findById(id);
                return new BatchRef(b.id, b.number, b.publishedAt);
            });
        }
        int inForce = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).publishedAt.isAfter(asOf)) {
                inForce = i;
            }
        }
        ListKind list = null;
        Integer version = null;
        String name = null;
        BatchRef since = null;
        BatchRef versionSince = null;
        Change lastBefore = inForce < 0 ? null : change(entries.get(inForce), refs);
        if (inForce >= 0 && entries.get(inForce).action != EntryAction.REMOVE) {
            BatchEntry e = entries.get(inForce);
            list = e.kind;
            version = e.matterVersion;
            name = e.name;
            versionSince = refs.get(e.batchId);
            since = refs.get(entries.get(runStart(entries, inForce)).batchId);
        }
        List<Change> later = new ArrayList<>();
        Change removedOrMoved = null;
        for (int i = inForce + 1; i < entries.size(); i++) {
            BatchEntry e = entries.get(i);
            Change c = change(e, refs);
            later.add(c);
            if (removedOrMoved == null && list != null && (e.action == EntryAction.REMOVE || e.kind != list)) {
                removedOrMoved = c;
            }
        }
        BatchEntry last = entries.get(entries.size() - 1);
        Current current = last.action == EntryAction.REMOVE
                ? new Current(null, null, null, refs.get(last.batchId))
                : new Current(last.kind, last.kind.label(), last.matterVersion,
                        refs.get(entries.get(runStart(entries, entries.size() - 1)).batchId));
        return Optional.of(new RequirementView(matterCode, date, asOf, list, list == null ? null : list.label(),
                list == ListKind.RETAINED, version, name, since, versionSince, lastBefore, removedOrMoved, later, current));
    }

    /** The first entry of the unbroken run on the same list that ends at {@code index}. */
    private static int runStart(List<BatchEntry> entries, int index) {
        int start = index;
        while (start > 0 && entries.get(start - 1).action != EntryAction.REMOVE
                && entries.get(start - 1).kind == entries.get(index).kind
                && entries.get(start).action != EntryAction.ADD) {
            start--;
        }
        return start;
    }

    private static Change change(BatchEntry e, Map<Long, BatchRef> refs) {
        return new Change(refs.get(e.batchId), e.action, e.kind, e.matterVersion, e.reason);
    }
}
