package org.certfree.proofs.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.certfree.proofs.catalog.dto.CancelledFields;
import org.certfree.proofs.catalog.dto.LegalBasis;
import org.certfree.proofs.catalog.dto.MatterInput;
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
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;

/**
 * The proof-matter catalogue: drafting and reviewing versions. Who may do what is decided here:
 * list editors act only on matters of their own department, reviewers only from a department with
 * the REVIEWER role (the justice bureau). Other features read approved versions through
 * {@link #findVersion} and {@link #find}.
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

    @Inject
    Clock clock;

    // --- writes by list editors

    /** Creates a matter with its first version (a draft) in the editor's department. */
    @Transactional
    public MatterView create(String editor, String editorDepartment, MatterInput input) {
        if (input.kind() == null) {
            throw ApiException.invalid("kind", Messages.MATTER_KIND_REQUIRED);
        }
        String department = input.departmentCode() == null ? editorDepartment : input.departmentCode();
        requireSameDepartment(editorDepartment, department);
        DepartmentView dept = departments.findActive(department)
                .orElseThrow(() -> ApiException.invalid("departmentCode", Messages.MATTER_DEPARTMENT_UNKNOWN.formatted(department)));
        if (!dept.roles().contains(DepartmentRole.ISSUER)) {
            throw ApiException.unprocessable(Messages.MATTER_DEPARTMENT_NOT_ISSUER.formatted(department));
        }
        validateContent(input.kind(), input);
        String code = input.code() != null ? input.code() : nextCode(department, input.kind());
        if (ProofMatter.findById(code) != null) {
            throw ApiException.duplicate(Messages.MATTER_CODE_TAKEN.formatted(code), PATH + code);
        }
        Instant now = clock.instant();
        ProofMatter m = new ProofMatter();
        m.code = code;
        m.kind = input.kind();
        m.departmentCode = department;
        m.createdBy = editor;
        m.createdAt = now;
        MatterVersion v = newVersion(m, 1, Proposal.CONTENT, editor, now);
        applyContent(v, input);
        refresh(m, v, dept.name(), now);
        m.persist();
        em.flush();
        v.persist();
        em.flush();
        return view(m);
    }

    /** Drafts a new version (an amendment) of a matter; refused while another version is open. */
    @Transactional
    public MatterVersionView amend(String editor, String editorDepartment, String code, MatterInput input) {
        ProofMatter m = requireMatter(code);
        requireSameDepartment(editorDepartment, m.departmentCode);
        checkFixedFields(m, input);
        requireNoOpenVersion(m);
        validateContent(m.kind, input);
        Instant now = clock.instant();
        MatterVersion v = newVersion(m, m.latestNumber + 1, Proposal.CONTENT, editor, now);
        applyContent(v, input);
        v.persist();
        refresh(m, v, departmentName(m.departmentCode), now);
        em.flush();
        return view(m, v);
    }

    /** Drafts a removal request: a version proposing to take the matter off its list. */
    @Transactional
    public MatterVersionView requestRemoval(String editor, String editorDepartment, String code, String reason) {
        ProofMatter m = requireMatter(code);
        requireSameDepartment(editorDepartment, m.departmentCode);
        requireNoOpenVersion(m);
        MatterVersion approved = latestApproved(code)
                .orElseThrow(() -> ApiException.unprocessable(Messages.MATTER_REMOVAL_NOTHING_APPROVED.formatted(code)));
        Instant now = clock.instant();
        MatterVersion v = newVersion(m, m.latestNumber + 1, Proposal.REMOVAL, editor, now);
        v.name = approved.name;
        v.description = approved.description;
        v.scenarios = new ArrayList<>(approved.scenarios);
        v.details = approved.details.deepCopy();
        v.removalReason = reason.trim();
        v.persist();
        refresh(m, v, departmentName(m.departmentCode), now);
        em.flush();
        return view(m, v);
    }

    /** Replaces the content of a draft; {@code lock} is the version the editor read (409 when stale). */
    @Transactional
    public MatterVersionView update(String editor, String editorDepartment, String code, int number, MatterInput input,
            Integer lock) {
        ProofMatter m = requireMatter(code);
        requireSameDepartment(editorDepartment, m.departmentCode);
        MatterVersion v = requireVersion(code, number);
        if (lock == null) {
            throw ApiException.invalid("version", Messages.MATTER_VERSION_REQUIRED);
        }
        checkLock(v, lock);
        if (v.status != MatterStatus.DRAFT || v.proposal != Proposal.CONTENT) {
            throw ApiException.conflict(Messages.MATTER_NOT_EDITABLE.formatted(code, number, v.status));
        }
        checkFixedFields(m, input);
        validateContent(m.kind, input);
        Instant now = clock.instant();
        applyContent(v, input);
        v.updatedBy = editor;
        v.updatedAt = now;
        refresh(m, v, departmentName(m.departmentCode), now);
        em.flush();
        return view(m, v);
    }

    @Transactional
    public MatterVersionView submit(String editor, String editorDepartment, String code, int number, Integer lock) {
        ProofMatter m = requireMatter(code);
        requireSameDepartment(editorDepartment, m.departmentCode);
        MatterVersion v = requireVersion(code, number);
        checkLock(v, lock);
        if (v.status != MatterStatus.DRAFT) {
            throw ApiException.conflict(Messages.MATTER_NOT_DRAFT.formatted(code, number, v.status));
        }
        Instant now = clock.instant();
        v.status = MatterStatus.SUBMITTED;
        v.submittedBy = editor;
        v.submittedAt = now;
        v.updatedBy = editor;
        v.updatedAt = now;
        refresh(m, v, departmentName(m.departmentCode), now);
        em.flush();
        return view(m, v);
    }

    /** Takes a submitted version back to draft (before the reviewer decided). */
    @Transactional
    public MatterVersionView withdraw(String editor, String editorDepartment, String code, int number, Integer lock) {
        ProofMatter m = requireMatter(code);
        requireSameDepartment(editorDepartment, m.departmentCode);
        MatterVersion v = requireVersion(code, number);
        checkLock(v, lock);
        if (v.status != MatterStatus.SUBMITTED) {
            throw ApiException.conflict(Messages.MATTER_NOT_SUBMITTED.formatted(code, number, v.status, Messages.MATTER_ACTION_WITHDRAW));
        }
        Instant now = clock.instant();
        v.status = MatterStatus.DRAFT;
        v.submittedBy = null;
        v.submittedAt = null;
        v.updatedBy = editor;
        v.updatedAt = now;
        refresh(m, v, departmentName(m.departmentCode), now);
        em.flush();
        return view(m, v);
    }

    // --- review by the justice bureau

    @Transactional
    public MatterVersionView approve(String reviewer, String reviewerDepartment, String code, int number, String comment,
            Integer lock) {
        return decide(reviewer, reviewerDepartment, code, number, lock, MatterStatus.APPROVED, comment);
    }

    @Transactional
    public MatterVersionView reject(String reviewer, String reviewerDepartment, String code, int number, String reason,
            Integer lock) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", Messages.MATTER_REJECT_REASON_REQUIRED);
        }
        return decide(reviewer, reviewerDepartment, code, number, lock, MatterStatus.REJECTED, reason);
    }

    private MatterVersionView decide(String reviewer, String reviewerDepartment, String code, int number, Integer lock,
            MatterStatus outcome, String comment) {
        requireReviewer(reviewerDepartment);
        ProofMatter m = requireMatter(code);
        MatterVersion v = requireVersion(code, number);
        checkLock(v, lock);
        if (v.status != MatterStatus.SUBMITTED) {
            throw ApiException.conflict(Messages.MATTER_NOT_SUBMITTED.formatted(code, number, v.status,
                    outcome == MatterStatus.APPROVED ? Messages.MATTER_ACTION_APPROVE : Messages.MATTER_ACTION_REJECT));
        }
        Instant now = clock.instant();
        v.status = outcome;
        v.reviewComment = comment == null || comment.isBlank() ? null : comment.trim();
        v.reviewedBy = reviewer;
        v.reviewerDepartment = reviewerDepartment;
        v.reviewedAt = now;
        v.updatedBy = reviewer;
        v.updatedAt = now;
        refresh(m, v, departmentName(m.departmentCode), now);
        em.flush();
        return view(m, v);
    }

    /** 403 unless {@code department} is an active department with the REVIEWER role. */
    public void requireReviewer(String department) {
        if (department == null || !departments.hasRole(department, DepartmentRole.REVIEWER)) {
            throw ApiException.forbidden(Messages.MATTER_NOT_REVIEWER.formatted(department == null ? "-" : department));
        }
    }

    // --- reads

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

    // --- helpers

    private MatterVersion newVersion(ProofMatter m, int number, Proposal proposal, String editor, Instant now) {
        MatterVersion v = new MatterVersion();
        v.matterCode = m.code;
        v.number = number;
        v.proposal = proposal;
        v.status = MatterStatus.DRAFT;
        v.createdBy = editor;
        v.createdAt = now;
        v.updatedBy = editor;
        v.updatedAt = now;
        return v;
    }

    private void applyContent(MatterVersion v, MatterInput input) {
        v.name = input.name().trim();
        v.description = input.description() == null || input.description().isBlank() ? null : input.description().trim();
        v.scenarios = input.scenarios().stream().map(Enum::name).toList();
        Object block = input.retained() != null ? input.retained()
                : input.cancelled() != null ? input.cancelled() : input.notifyCommit();
        v.details = json.valueToTree(block);
    }

    /** Copies the latest version's searchable fields onto the matter row. */
    private void refresh(ProofMatter m, MatterVersion v, String departmentName, Instant now) {
        m.name = v.name;
        m.scenarios = new ArrayList<>(v.scenarios);
        m.latestNumber = v.number;
        m.latestStatus = v.status;
        m.updatedAt = now;
        m.searchText = searchText(m.code, v.name, departmentName, v.description, v.details);
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

    /** Kind-specific rules Bean Validation cannot express: the right block, and dependent fields. */
    void validateContent(ListKind kind, MatterInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<ListKind, Object> blocks = new HashMap<>();
        blocks.put(ListKind.RETAINED, input.retained());
        blocks.put(ListKind.CANCELLED, input.cancelled());
        blocks.put(ListKind.NOTIFY_COMMIT, input.notifyCommit());
        for (ListKind k : ListKind.values()) {
            String field = blockField(k);
            if (k == kind && blocks.get(k) == null) {
                errors.add(new Problem.FieldError(field, Messages.MATTER_BLOCK_REQUIRED.formatted(kind.label(), field)));
            } else if (k != kind && blocks.get(k) != null) {
                errors.add(new Problem.FieldError(field, Messages.MATTER_BLOCK_NOT_APPLICABLE.formatted(field, kind.label())));
            }
        }
        if (kind == ListKind.RETAINED && input.retained() != null) {
            RetainedFields r = input.retained();
            if (r.timeLimit() != null && r.timeLimit().kind() == TimeLimitKind.WORKING_DAYS && r.timeLimit().workingDays() == null) {
                errors.add(new Problem.FieldError("retained.timeLimit.workingDays", Messages.MATTER_WORKING_DAYS_REQUIRED));
            }
            if (r.timeLimit() != null && r.timeLimit().kind() == TimeLimitKind.IMMEDIATE && r.timeLimit().workingDays() != null) {
                errors.add(new Problem.FieldError("retained.timeLimit.workingDays", Messages.MATTER_WORKING_DAYS_FORBIDDEN));
            }
            if (r.legalBases() != null) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < r.legalBases().size(); i++) {
                    LegalBasis b = r.legalBases().get(i);
                    if (b != null && b.law() != null && b.article() != null && !seen.add(b.law().trim() + "|" + b.article().trim())) {
                        errors.add(new Problem.FieldError("retained.legalBases[" + i + "]",
                                Messages.MATTER_DUPLICATE_LEGAL_BASIS.formatted(b.law(), b.article())));
                    }
                }
            }
        }
        if (kind == ListKind.CANCELLED && input.cancelled() != null) {
            CancelledFields c = input.cancelled();
            if (c.replacement() == ReplacementWay.DATA_SHARING && (c.sharedDataSource() == null || c.sharedDataSource().isBlank())) {
                errors.add(new Problem.FieldError("cancelled.sharedDataSource", Messages.MATTER_SHARED_SOURCE_REQUIRED));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + "：" + errors.get(0).message() : Messages.VALIDATION_FAILED;
            throw new ApiException(ProblemType.VALIDATION, detail, null, errors);
        }
    }

    static String blockField(ListKind kind) {
        return switch (kind) {
            case RETAINED -> "retained";
            case CANCELLED -> "cancelled";
            case NOTIFY_COMMIT -> "notifyCommit";
        };
    }

    private void checkFixedFields(ProofMatter m, MatterInput input) {
        if (input.code() != null && !input.code().equals(m.code)) {
            throw ApiException.invalid("code", Messages.MATTER_CODE_FIXED.formatted(m.code));
        }
        if (input.kind() != null && input.kind() != m.kind) {
            throw ApiException.invalid("kind", Messages.MATTER_KIND_FIXED.formatted(m.code, m.kind.label()));
        }
        if (input.departmentCode() != null && !input.departmentCode().equals(m.departmentCode)) {
            throw ApiException.invalid("departmentCode", Messages.MATTER_DEPARTMENT_FIXED.formatted(m.code, m.departmentCode));
        }
    }

    private void requireNoOpenVersion(ProofMatter m) {
        MatterVersion open = MatterVersion.find("matterCode = ?1 and status in ?2", m.code,
                List.of(MatterStatus.DRAFT, MatterStatus.SUBMITTED)).firstResult();
        if (open != null) {
            throw ApiException.conflict(Messages.MATTER_OPEN_VERSION_EXISTS.formatted(m.code, open.number, open.status));
        }
    }

    private static void checkLock(MatterVersion v, Integer lock) {
        if (lock != null && lock != v.lockVersion) {
            throw new ApiException(ProblemType.STALE_VERSION, Messages.STALE_VERSION.formatted(lock, v.lockVersion));
        }
    }

    private static void requireSameDepartment(String own, String target) {
        if (own == null || !own.equals(target)) {
            throw ApiException.forbidden(Messages.FORBIDDEN_DEPARTMENT.formatted(own == null ? "-" : own, target));
        }
    }

    /** 403 unless a list editor of {@code own} may see matters of {@code target}. */
    public static void requireOwnDepartment(String own, String target) {
        requireSameDepartment(own, target);
    }

    private String nextCode(String department, ListKind kind) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('matter_code_seq')").getSingleResult()).longValue();
        return "%s-%c%06d".formatted(department, kind.codeLetter(), n);
    }

    private ProofMatter requireMatter(String code) {
        ProofMatter m = ProofMatter.findById(code);
        if (m == null) {
            throw ApiException.notFound(Messages.MATTER_NOT_FOUND.formatted(code));
        }
        return m;
    }

    private MatterVersion requireVersion(String code, int number) {
        return findVersionEntity(code, number)
                .orElseThrow(() -> ApiException.notFound(Messages.MATTER_VERSION_NOT_FOUND.formatted(code, number)));
    }

    private Optional<MatterVersion> findVersionEntity(String code, int number) {
        return MatterVersion.find("matterCode = ?1 and number = ?2", code, number).firstResultOptional();
    }

    private Optional<MatterVersion> latestApproved(String code) {
        return MatterVersion.find("matterCode = ?1 and status = ?2 order by number desc", code, MatterStatus.APPROVED)
                .firstResultOptional();
    }

    private String departmentName(String code) {
        return departments.find(code).map(DepartmentView::name).orElse(code);
    }

    private MatterView view(ProofMatter m) {
        List<MatterVersion> versions = MatterVersion.list("matterCode = ?1 order by number", m.code);
        MatterVersion latest = versions.get(versions.size() - 1);
        return new MatterView(m.code, m.kind, m.departmentCode, departmentName(m.departmentCode), m.name,
                scenarios(m.scenarios), m.latestNumber, m.latestStatus, m.createdAt, m.updatedAt, view(m, latest),
                versions.stream().map(v -> new VersionSummary(v.number, v.proposal, v.status, v.name, v.createdAt,
                        v.reviewedAt, v.reviewComment)).toList());
    }

    private MatterVersionView view(ProofMatter m, MatterVersion v) {
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
