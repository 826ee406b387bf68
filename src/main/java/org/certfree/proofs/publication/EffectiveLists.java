package org.certfree.proofs.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.Scenario;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.TextSearch;
import org.certfree.proofs.publication.dto.DiffView;
import org.certfree.proofs.publication.dto.ListEntryView;
import org.certfree.proofs.publication.dto.ListPage;

/**
 * The effective lists: the fold of every batch published up to an instant. The lists as of now are
 * read from the {@code list_entry} table that publishing maintains (an indexed lookup); earlier
 * instants fold the published entries, newest entry of each matter first.
 */
@ApplicationScoped
public class EffectiveLists {

    /** Matches are counted exactly up to this many; beyond it {@code total} is a lower bound. */
    public static final int COUNT_CAP = 1000;

    /** The change topic of the current lists (see {@code ChangeSignals}): every publication changes it. */
    public static final String TOPIC = "published-lists";

    private static final String COLUMNS = "l.matter_code, l.kind, l.matter_version, l.name, l.department_code, "
            + "CAST(l.scenarios AS text), %s, l.batch_id, b.number, CAST(l.content AS text)";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    BatchQueries batches;

    /** Filters of a list read. */
    public record Filter(ListKind kind, Instant asOf, String q, String department, Scenario scenario) {
    }

    /** One page of the list of {@code filter.kind()} as of {@code filter.asOf()} (null = now). */
    @Transactional
    public ListPage page(Filter filter, PageRequest page) {
        Source source = source(filter);
        // With text, counting stops at COUNT_CAP: a term most matters contain would otherwise cost a substring
        // recheck of every match. Without text the count is an index-only scan and stays exact.
        long cap = source.text() ? COUNT_CAP : Long.MAX_VALUE - 1;
        Query count = em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM " + source.from() + source.where()
                + " LIMIT " + (cap + 1) + ") capped");
        Query rows = em.createNativeQuery("SELECT " + source.columns() + " FROM " + source.from() + source.where()
                + " ORDER BY l.matter_code LIMIT :limit OFFSET :offset");
        source.params().forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        rows.setParameter("limit", page.size());
        rows.setParameter("offset", page.offset());
        long counted = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        boolean exact = counted <= cap;
        long total = exact ? counted : Math.max(COUNT_CAP, (long) page.offset() + result.size());
        return new ListPage(filter.kind(), filter.kind().uri(), filter.kind().label(), source.asOf(), source.logSize(),
                result.stream().map(this::entry).toList(), page.page(), page.size(), total, exact);
    }

    /** Every entry matching the filter, in code order, handed to {@code sink} chunk by chunk. */
    @Transactional
    public ListPage scan(Filter filter, Consumer<ListEntryView> sink) {
        Source source = source(filter);
        String after = "";
        long total = 0;
        while (true) {
            String where = source.where() + (source.where().isEmpty() ? " WHERE " : " AND ") + "l.matter_code > :after";
            Query rows = em.createNativeQuery("SELECT " + source.columns() + " FROM " + source.from() + where
                    + " ORDER BY l.matter_code LIMIT 1000");
            source.params().forEach(rows::setParameter);
            rows.setParameter("after", after);
            @SuppressWarnings("unchecked")
            List<Object[]> result = rows.getResultList();
            for (Object[] r : result) {
                ListEntryView e = entry(r);
                sink.accept(e);
                after = e.code();
                total++;
            }
            if (result.size() < 1000) {
                break;
            }
            em.clear();
        }
        return new ListPage(filter.kind(), filter.kind().uri(), filter.kind().label(), source.asOf(), source.logSize(),
                List.of(), 0, (int) Math.min(total, Integer.MAX_VALUE), total, true);
    }

    /** When the latest batch was published (null before any): a list as of a later instant is the current one. */
    @Transactional
    public Instant lastPublished() {
        Object at = em.createNativeQuery("SELECT max(published_at) FROM publication_batch WHERE status = 'PUBLISHED'")
                .getSingleResult();
        return at == null ? null : TransparencyLog.instant(at);
    }

    /** The entry of one matter on the list of {@code kind} as of {@code asOf}, if it was listed then. */
    @Transactional
    public Optional<ListEntryView> entry(ListKind kind, String code, Instant asOf) {
        Source source = source(new Filter(kind, asOf, null, null, null));
        String where = source.where() + (source.where().isEmpty() ? " WHERE " : " AND ") + "l.matter_code = :code";
        Query rows = em.createNativeQuery("SELECT " + source.columns() + " FROM " + source.from() + where);
        source.params().forEach(rows::setParameter);
        rows.setParameter("code", code);
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        return result.stream().findFirst().map(this::entry);
    }

    /** What differs between the lists after batch {@code from} and after batch {@code to}. */
    @Transactional
    public DiffView diff(PublicationBatch from, PublicationBatch to) {
        Map<String, Object[]> a = stateAfter(from.logIndex);
        Map<String, Object[]> b = stateAfter(to.logIndex);
        List<DiffView.Change> added = new ArrayList<>();
        List<DiffView.Change> removed = new ArrayList<>();
        List<DiffView.Change> amended = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : b.entrySet()) {
            Object[] before = a.get(e.getKey());
            Object[] after = e.getValue();
            if (before == null) {
                added.add(change(e.getKey(), null, after));
            } else if (!before[2].equals(after[2])) {
                amended.add(change(e.getKey(), before, after));
            }
        }
        for (Map.Entry<String, Object[]> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                removed.add(change(e.getKey(), e.getValue(), null));
            }
        }
        return new DiffView(batches.summary(from), batches.summary(to), added, removed, amended);
    }

    private static DiffView.Change change(String code, Object[] before, Object[] after) {
        Object[] any = after != null ? after : before;
        return new DiffView.Change(code, ListKind.valueOf((String) any[0]), (String) any[3],
                before == null ? null : ((Number) before[2]).intValue(), after == null ? null : ((Number) after[2]).intValue());
    }

    /** matter code → {kind, action, version, name} of the listed matters after log index {@code index}. */
    private Map<String, Object[]> stateAfter(int index) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT matter_code, kind, action, matter_version, name FROM (
                    SELECT DISTINCT ON (e.matter_code) e.matter_code, e.kind, e.action, e.matter_version, e.name
                    FROM publication_entry e WHERE e.published_at IS NOT NULL AND e.log_index <= :index
                    ORDER BY e.matter_code, e.log_index DESC) latest
                WHERE action <> 'REMOVE' ORDER BY matter_code""").setParameter("index", index).getResultList();
        Map<String, Object[]> state = new LinkedHashMap<>();
        for (Object[] r : rows) {
            state.put((String) r[0], new Object[] { r[1], r[2], r[3], r[4] });
        }
        return state;
    }

    /** Where a read comes from: the current table, or the fold of the entries published up to asOf. */
    private record Source(String from, String columns, String where, Map<String, Object> params, Instant asOf, int logSize,
            boolean text) {
    }

    private Source source(Filter f) {
        TextSearch text = TextSearch.of(f.q());
        if (!text.isEmpty()) {
            TextSearch.planForActualTerms(em);
        }
        Object[] latest = (Object[]) em.createNativeQuery(
                "SELECT max(published_at), count(*) FROM publication_batch WHERE status = 'PUBLISHED'").getSingleResult();
        Instant lastPublished = latest[0] == null ? null : TransparencyLog.instant(latest[0]);
        int published = ((Number) latest[1]).intValue();
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        params.put("kind", f.kind().name());
        boolean current = f.asOf() == null || lastPublished == null || !f.asOf().isBefore(lastPublished);
        String from;
        String columns;
        int logSize;
        if (current) {
            from = "list_entry l JOIN publication_batch b ON b.id = l.batch_id";
            columns = COLUMNS.formatted("l.effective_since");
            where.add("l.kind = :kind");
            logSize = published;
        } else {
            params.put("asOf", OffsetDateTime.ofInstant(f.asOf(), ZoneOffset.UTC));
            String candidates = "";
            if (!text.isEmpty()) {
                List<String> textWhere = new ArrayList<>();
                text.appendConditions("c", textWhere, params);
                candidates = " AND e.matter_code IN (SELECT c.matter_code FROM publication_entry c WHERE c.kind = :kind"
                        + " AND c.published_at IS NOT NULL AND c.published_at <= :asOf AND " + String.join(" AND ", textWhere) + ")";
            }
            from = "(SELECT DISTINCT ON (e.matter_code) e.* FROM publication_entry e WHERE e.kind = :kind"
                    + " AND e.published_at IS NOT NULL AND e.published_at <= :asOf" + candidates
                    + " ORDER BY e.matter_code, e.log_index DESC) l JOIN publication_batch b ON b.id = l.batch_id";
            columns = COLUMNS.formatted("l.published_at");
            where.add("l.action <> 'REMOVE'");
            logSize = ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM publication_batch WHERE status = 'PUBLISHED' AND published_at <= :asOf")
                    .setParameter("asOf", params.get("asOf")).getSingleResult()).intValue();
        }
        if (f.department() != null) {
            where.add("l.department_code = :department");
            params.put("department", f.department());
        }
        if (f.scenario() != null) {
            where.add("l.scenarios @> CAST(:scenario AS jsonb)");
            params.put("scenario", "[\"" + f.scenario().name() + "\"]");
        }
        text.appendConditions("l", where, params);
        Instant asOf = f.asOf() != null ? f.asOf() : lastPublished;
        return new Source(from, columns, " WHERE " + String.join(" AND ", where), params, asOf, logSize, !text.isEmpty());
    }

    private ListEntryView entry(Object[] r) {
        return new ListEntryView((String) r[0], ListKind.valueOf((String) r[1]), ((Number) r[2]).intValue(), (String) r[3],
                (String) r[4], scenarios((String) r[5]), TransparencyLog.instant(r[6]), ((Number) r[7]).longValue(),
                (String) r[8], parse((String) r[9]));
    }

    private List<Scenario> scenarios(String text) {
        List<Scenario> list = new ArrayList<>();
        parse(text).forEach(n -> list.add(Scenario.valueOf(n.asText())));
        return list;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
