package org.certfree.proofs.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certfree.proofs.catalog.dto.CancelledFields;
import org.certfree.proofs.catalog.dto.MatterSummary;
import org.certfree.proofs.catalog.dto.MatterVersionView;
import org.certfree.proofs.catalog.dto.MatterView;
import org.certfree.proofs.catalog.dto.NotifyCommitFields;
import org.certfree.proofs.catalog.dto.RetainedFields;
import org.certfree.proofs.catalog.dto.VersionSummary;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.TextSearch;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;

/**
 * The proof-matter catalogue as others read it: matters, their versions and search. Drafting is
 * {@link MatterEditService}'s, review {@link MatterReviewService}'s; both store a changed version
 * through {@link #save}, which keeps the matter row's searchable copy of its latest version.
 */
@ApplicationScoped
public class CatalogService {

    public static final String PATH = "/api/v1/matters/";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    DepartmentService departments;

    public Optional<MatterView> find(String code) {
        return Optional.ofNullable(ProofMatter.<ProofMatter>findById(code)).map(this::view);
    }

    public Optional<MatterVersionView> findVersion(String code, int number) {
        ProofMatter m = ProofMatter.findById(code);
        if (m == null) {
            return Optional.empty();
        }
        return findVersionEntity(code, number).map(v -> view(m, v));
    }

    /** Matters of the catalogue; {@code scope} limits to one department (a list editor's own). */
    @Transactional
    public Page<MatterSummary> search(String scope, ListKind kind, String department, Scenario scenario,
            MatterStatus status, String q, PageRequest page) {
        TextSearch text = TextSearch.of(q);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (scope != null) {
            where.add("m.department_code = :scope");
            params.put("scope", scope);
        }
        if (kind != null) {
            where.add("m.kind = :kind");
            params.put("kind", kind.name());
        }
        if (department != null) {
            where.add("m.department_code = :department");
            params.put("department", department);
        }
        if (scenario != null) {
            where.add("m.scenarios @> CAST(:scenario AS jsonb)");
            params.put("scenario", "[\"" + scenario.name() + "\"]");
        }
        if (status != null) {
            where.add("m.latest_status = :status");
            params.put("status", status.name());
        }
        text.appendConditions("m", where, params);
        if (!text.isEmpty()) {
            TextSearch.planForActualTerms(em);
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Query count = em.createNativeQuery("SELECT count(*) FROM proof_matter m" + condition);
        Query rows = em.createNativeQuery("SELECT m.code FROM proof_matter m" + condition
                + " ORDER BY m.code LIMIT :limit OFFSET :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        rows.setParameter("limit", page.size());
        rows.setParameter("offset", page.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<String> codes = rows.getResultList();
        Map<String, ProofMatter> byCode = codes.isEmpty() ? Map.of()
                : ProofMatter.<ProofMatter>list("code in ?1", codes).stream().collect(Collectors.toMap(x -> x.code, x -> x));
        List<MatterSummary> items = codes.stream().map(byCode::get).map(CatalogService::summary).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The text a matter is found by: code, name, department, description and the kind's text fields. */
    public static String searchText(String code, String name, String departmentName, String description, JsonNode details) {
        List<String> parts = new ArrayList<>();
        parts.add(code);
        parts.add(name);
        parts.add(departmentName);
        parts.add(description);
        if (details != null) {
            details.findValues("law").forEach(n -> parts.add(n.asText()));
            Stream.of("handlingInstead", "sharedDataSource", "proofContent", "proofObligation")
                    .flatMap(f -> details.findValues(f).stream()).forEach(n -> parts.add(n.asText()));
        }
        return parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
    }

    // --- for the editing and review services

    /**
     * Stores a changed version: who changed it and when, the matter row's copy of its latest version,
     * flushed so that a conflict surfaces here; returns what the client sees.
     */
    MatterVersionView save(ProofMatter m, MatterVersion v, String actor, Instant at) {
        v.updatedBy = actor;
        v.updatedAt = at;
        refresh(m, v, departmentName(m.departmentCode), at);
        em.flush();
        return view(m, v);
    }

    /** Copies the latest version's searchable fields onto the matter row. */
    void refresh(ProofMatter m, MatterVersion v, String departmentName, Instant now) {
        m.name = v.name;
        m.scenarios = new ArrayList<>(v.scenarios);
        m.latestNumber = v.number;
        m.latestStatus = v.status;
        m.updatedAt = now;
        m.searchText = searchText(m.code, v.name, departmentName, v.description, v.details);
    }

    ProofMatter requireMatter(String code) {
        ProofMatter m = ProofMatter.findById(code);
        if (m == null) {
            throw ApiException.notFound(Messages.MATTER_NOT_FOUND.formatted(code));
        }
        return m;
    }

    MatterVersion requireVersion(String code, int number) {
        return findVersionEntity(code, number)
                .orElseThrow(() -> ApiException.notFound(Messages.MATTER_VERSION_NOT_FOUND.formatted(code, number)));
    }

    private Optional<MatterVersion> findVersionEntity(String code, int number) {
        return MatterVersion.find("matterCode = ?1 and number = ?2", code, number).firstResultOptional();
    }

    String departmentName(String code) {
        return departments.find(code).map(DepartmentView::name).orElse(code);
    }

    MatterView view(ProofMatter m) {
        List<MatterVersion> versions = MatterVersion.list("matterCode = ?1 order by number", m.code);
        MatterVersion latest = versions.get(versions.size() - 1);
        return new MatterView(m.code, m.kind, m.departmentCode, departmentName(m.departmentCode), m.name,
                scenarios(m.scenarios), m.latestNumber, m.latestStatus, m.createdAt, m.updatedAt, view(m, latest),
                versions.stream().map(v -> new VersionSummary(v.number, v.proposal, v.status, v.name, v.createdAt,
                        v.reviewedAt, v.reviewComment)).toList());
    }

    MatterVersionView view(ProofMatter m, MatterVersion v) {
        return new MatterVersionView(m.code, v.number, m.kind, m.departmentCode, departmentName(m.departmentCode),
                v.proposal, v.status, v.name, v.description, scenarios(v.scenarios),
                m.kind == ListKind.RETAINED ? read(v.details, RetainedFields.class) : null,
                m.kind == ListKind.CANCELLED ? read(v.details, CancelledFields.class) : null,
                m.kind == ListKind.NOTIFY_COMMIT ? read(v.details, NotifyCommitFields.class) : null,
                v.removalReason, v.reviewComment, v.createdBy, v.createdAt, v.updatedBy, v.updatedAt, v.submittedBy,
                v.submittedAt, v.reviewedBy, v.reviewerDepartment, v.reviewedAt, v.lockVersion);
    }

    private static MatterSummary summary(ProofMatter m) {
        return new MatterSummary(m.code, m.kind, m.departmentCode, m.name, scenarios(m.scenarios), m.latestNumber,
                m.latestStatus, m.updatedAt);
    }

    private static List<Scenario> scenarios(List<String> names) {
        return names.stream().map(Scenario::valueOf).toList();
    }

    private <T> T read(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored matter details do not match " + type.getSimpleName(), e);
        }
    }
}
