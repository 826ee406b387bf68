package org.certfree.proofs.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certfree.proofs.catalog.dto.MatterInput;
import org.certfree.proofs.catalog.dto.MatterVersionView;
import org.certfree.proofs.catalog.dto.MatterView;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.security.Caller;

/**
 * What a department's list editors do in the catalogue, on matters of their own department only:
 * draft a matter, amend it or ask for its removal (each a new version), edit a draft under an
 * optimistic lock, submit it for review and withdraw it before the reviewer decides. Every action
 * happens at the instant the caller passes (now, for requests; the demo data writes history).
 */
@ApplicationScoped
public class MatterEditService {

    @Inject
    StaffActions staffActions;

    @Inject
    CatalogService catalog;

    @Inject
    DepartmentService departments;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Creates a matter with its first version (a draft) in the editor's department. */
    @Transactional
    public MatterView create(Caller editor, MatterInput input, Instant at) {
        if (input.kind() == null) {
            throw ApiException.invalid("kind", Messages.MATTER_KIND_REQUIRED);
        }
        String department = input.departmentCode() == null ? editor.department().orElse(null) : input.departmentCode();
        editor.requireDepartment(department);
        DepartmentView dept = departments.findActive(department)
                .orElseThrow(() -> ApiException.invalid("departmentCode", Messages.MATTER_DEPARTMENT_UNKNOWN.formatted(department)));
        if (!dept.roles().contains(DepartmentRole.ISSUER)) {
            throw ApiException.unprocessable(Messages.MATTER_DEPARTMENT_NOT_ISSUER.formatted(department));
        }
        validateContent(input.kind(), department, input);
        String code = input.code() != null ? input.code() : nextCode(department, input.kind());
        if (ProofMatter.findById(code) != null) {
            throw ApiException.duplicate(Messages.MATTER_CODE_TAKEN.formatted(code), CatalogService.PATH + code);
        }
        ProofMatter m = new ProofMatter();
        m.code = code;
        m.kind = input.kind();
        m.departmentCode = department;
        m.createdBy = editor.subject();
        m.createdAt = at;
        MatterVersion v = newVersion(m, 1, Proposal.CONTENT, editor.subject(), at);
        applyContent(v, input);
        catalog.refresh(m, v, dept.name(), at);
        m.persist();
        em.flush();
        v.persist();
        em.flush();
        staffActions.record(editor, "matter.created", m.departmentCode, "matter", m.code, "version", 1);
        return catalog.view(m);
    }

    /** The content rules, and that a department asked to assist checks (协查) is another active one. */
    private void validateContent(ListKind kind, String department, MatterInput input) {
        MatterRules.validateContent(kind, input);
        String assisting = input.notifyCommit() == null ? null : input.notifyCommit().assistingDepartment();
        if (assisting != null && (assisting.equals(department) || departments.findActive(assisting).isEmpty())) {
            throw ApiException.invalid("notifyCommit.assistingDepartment",
                    Messages.PLEDGE_ASSISTING_DEPARTMENT_UNKNOWN.formatted(assisting));
        }
    }

    /** Drafts a new version (an amendment) of a matter; refused while another version is open. */
    @Transactional
    public MatterVersionView amend(Caller editor, String code, MatterInput input, Instant at) {
        ProofMatter m = ownMatter(editor, code);
        MatterRules.checkFixedFields(m, input);
        requireNoOpenVersion(m);
        validateContent(m.kind, m.departmentCode, input);
        MatterVersion v = newVersion(m, m.latestNumber + 1, Proposal.CONTENT, editor.subject(), at);
        applyContent(v, input);
        v.persist();
        staffActions.record(editor, "matter.amended", m.departmentCode, "matter", m.code, "version", v.number);
        return catalog.save(m, v, editor.subject(), at);
    }

    /** Drafts a removal request: a version proposing to take the matter off its list. */
    @Transactional
    public MatterVersionView requestRemoval(Caller editor, String code, String reason, Instant at) {
        ProofMatter m = ownMatter(editor, code);
        requireNoOpenVersion(m);
        MatterVersion approved = latestApproved(code)
                .orElseThrow(() -> ApiException.unprocessable(Messages.MATTER_REMOVAL_NOTHING_APPROVED.formatted(code)));
        MatterVersion v = newVersion(m, m.latestNumber + 1, Proposal.REMOVAL, editor.subject(), at);
        v.name = approved.name;
        v.description = approved.description;
        v.scenarios = new ArrayList<>(approved.scenarios);
        v.details = approved.details.deepCopy();
        v.removalReason = reason.trim();
        v.persist();
        staffActions.record(editor, "matter.removal-requested", m.departmentCode, "matter", m.code, "version", v.number);
        return catalog.save(m, v, editor.subject(), at);
    }

    /** Replaces the content of a draft; {@code lock} is the version the editor read (409 when stale). */
    @Transactional
    public MatterVersionView update(Caller editor, String code, int number, MatterInput input, Integer lock, Instant at) {
        ProofMatter m = ownMatter(editor, code);
        MatterVersion v = catalog.requireVersion(code, number);
        if (lock == null) {
            throw ApiException.invalid("version", Messages.MATTER_VERSION_REQUIRED);
        }
        checkLock(v, lock);
        if (v.status != MatterStatus.DRAFT || v.proposal != Proposal.CONTENT) {
            throw ApiException.conflict(Messages.MATTER_NOT_EDITABLE.formatted(code, number, v.status));
        }
        MatterRules.checkFixedFields(m, input);
        validateContent(m.kind, m.departmentCode, input);
        applyContent(v, input);
        staffActions.record(editor, "matter.edited", m.departmentCode, "matter", m.code, "version", v.number);
        return catalog.save(m, v, editor.subject(), at);
    }

    /** Submits a draft for review. */
    @Transactional
    public MatterVersionView submit(Caller editor, String code, int number, Integer lock, Instant at) {
        ProofMatter m = ownMatter(editor, code);
        MatterVersion v = catalog.requireVersion(code, number);
        checkLock(v, lock);
        if (v.status != MatterStatus.DRAFT) {
            throw ApiException.conflict(Messages.MATTER_NOT_DRAFT.formatted(code, number, v.status));
        }
        v.status = MatterStatus.SUBMITTED;
        v.submittedBy = editor.subject();
        v.submittedAt = at;
        staffActions.record(editor, "matter.submitted", m.departmentCode, "matter", m.code, "version", v.number);
        return catalog.save(m, v, editor.subject(), at);
    }

    /** Takes a submitted version back to draft (before the reviewer decided). */
    @Transactional
    public MatterVersionView withdraw(Caller editor, String code, int number, Integer lock, Instant at) {
        ProofMatter m = ownMatter(editor, code);
        MatterVersion v = catalog.requireVersion(code, number);
        checkLock(v, lock);
        if (v.status != MatterStatus.SUBMITTED) {
            throw ApiException.conflict(Messages.MATTER_NOT_SUBMITTED.formatted(code, number, v.status, Messages.MATTER_ACTION_WITHDRAW));
        }
        v.status = MatterStatus.DRAFT;
        v.submittedBy = null;
        v.submittedAt = null;
        staffActions.record(editor, "matter.withdrawn", m.departmentCode, "matter", m.code, "version", v.number);
        return catalog.save(m, v, editor.subject(), at);
    }

    /** 409 when the client's {@code lock} (if any) is not the version's current lock version. */
    static void checkLock(MatterVersion v, Integer lock) {
        if (lock != null && lock != v.lockVersion) {
            throw new ApiException(ProblemType.STALE_VERSION, Messages.STALE_VERSION.formatted(lock, v.lockVersion));
        }
    }

    private ProofMatter ownMatter(Caller editor, String code) {
        ProofMatter m = catalog.requireMatter(code);
        editor.requireDepartment(m.departmentCode);
        return m;
    }

    private static MatterVersion newVersion(ProofMatter m, int number, Proposal proposal, String editor, Instant at) {
        MatterVersion v = new MatterVersion();
        v.matterCode = m.code;
        v.number = number;
        v.proposal = proposal;
        v.status = MatterStatus.DRAFT;
        v.createdBy = editor;
        v.createdAt = at;
        v.updatedBy = editor;
        v.updatedAt = at;
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

    private static void requireNoOpenVersion(ProofMatter m) {
        MatterVersion open = MatterVersion.find("matterCode = ?1 and status in ?2", m.code,
                List.of(MatterStatus.DRAFT, MatterStatus.SUBMITTED)).firstResult();
        if (open != null) {
            throw ApiException.conflict(Messages.MATTER_OPEN_VERSION_EXISTS.formatted(m.code, open.number, open.status));
        }
    }

    private static Optional<MatterVersion> latestApproved(String code) {
        return MatterVersion.find("matterCode = ?1 and status = ?2 order by number desc", code, MatterStatus.APPROVED)
                .firstResultOptional();
    }

    private String nextCode(String department, ListKind kind) {
        long n = ((Number) em.createNativeQuery("SELECT nextval('matter_code_seq')").getSingleResult()).longValue();
        return "%s-%c%06d".formatted(department, kind.codeLetter(), n);
    }
}
