package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.publication.dto.VerificationReport;

/**
 * The checks of {@link TransparencyLog#verify()} on the rows served besides the signed manifests: a
 * published entry's own columns against its signed content, and the materialised current lists
 * against the fold of every published entry.
 */
@ApplicationScoped
class PublishedRows {

    @Inject
    EntityManager em;

    /**
     * The columns of a published entry that are served (names, departments and scenarios in list
     * views, search text) besides its content: each must say what the signed content says, or be the
     * batch's. Null when they all do, else the names of the columns that differ.
     */
    static String servedFieldsDifferingFromContent(PublicationBatch b, BatchEntry e) {
        JsonNode c = e.content;
        List<String> differ = new ArrayList<>();
        if (c == null || !c.isObject()) {
            return "content";
        }
        if (!e.matterCode.equals(c.path("code").asText(null))) {
            differ.add("matter_code");
        }
        if (!e.kind.name().equals(c.path("kind").asText(null))) {
            differ.add("kind");
        }
        if (e.matterVersion != c.path("version").asInt(-1)) {
            differ.add("matter_version");
        }
        if (!e.name.equals(c.path("name").asText(null))) {
            differ.add("name");
        }
        if (!e.departmentCode.equals(c.path("department").path("code").asText(null))) {
            differ.add("department_code");
        }
        List<String> scenarios = new ArrayList<>();
        c.path("scenarios").forEach(n -> scenarios.add(n.asText()));
        if (!scenarios.equals(e.scenarios)) {
            differ.add("scenarios");
        }
        String search = CatalogService.searchText(e.matterCode, c.path("name").asText(null),
                c.path("department").path("name").asText(null), c.path("description").asText(null), c);
        if (!search.equals(e.searchText)) {
            differ.add("search_text");
        }
        if (!Objects.equals(e.publishedAt, b.publishedAt)) {
            differ.add("published_at");
        }
        if (!Objects.equals(e.logIndex, b.logIndex)) {
            differ.add("log_index");
        }
        return differ.isEmpty() ? null : String.join(", ", differ);
    }

    /** The materialised current lists must equal the fold of every published entry, in every column served. */
    List<VerificationReport.Problem> checkCurrentLists() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH fold AS (
                    SELECT DISTINCT ON (e.matter_code) e.matter_code, e.action, e.kind, e.matter_version, e.batch_id,
                           e.content, e.search_text, e.name, e.department_code, e.scenarios, e.log_index, e.published_at
                    FROM publication_entry e WHERE e.published_at IS NOT NULL
                    ORDER BY e.matter_code, e.log_index DESC),
                expected AS (SELECT * FROM fold WHERE action <> 'REMOVE')
                SELECT coalesce(x.matter_code, l.matter_code),
                       CASE WHEN l.matter_code IS NULL THEN 'MISSING' WHEN x.matter_code IS NULL THEN 'EXTRA' ELSE 'DIFFERENT' END
                FROM expected x FULL JOIN list_entry l ON l.matter_code = x.matter_code
                WHERE l.matter_code IS NULL OR x.matter_code IS NULL OR l.kind <> x.kind
                   OR l.matter_version <> x.matter_version OR l.batch_id <> x.batch_id OR l.content <> x.content
                   OR l.search_text <> x.search_text OR l.name <> x.name OR l.department_code <> x.department_code
                   OR l.scenarios <> x.scenarios OR l.log_index <> x.log_index OR l.effective_since <> x.published_at
                ORDER BY 1 LIMIT 100""").getResultList();
        List<VerificationReport.Problem> problems = new ArrayList<>();
        for (Object[] r : rows) {
            String what = switch ((String) r[1]) {
                case "MISSING" -> Messages.TRANSPARENCY_CHECK_LIST_MISSING;
                case "EXTRA" -> Messages.TRANSPARENCY_CHECK_LIST_EXTRA;
                default -> Messages.TRANSPARENCY_CHECK_LIST_DIFFERENT;
            };
            problems.add(new VerificationReport.Problem("CURRENT_LIST", null, null, null, (String) r[0], what));
        }
        return problems;
    }
}
