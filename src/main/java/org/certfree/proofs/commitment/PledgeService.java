package org.certfree.proofs.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.certfree.proofs.calendar.WorkingDayCalendar;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.catalog.dto.PledgeField;
import org.certfree.proofs.commitment.dto.PledgeInput;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.consent.AgentScope;
import org.certfree.proofs.consent.AssistedFiling;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.proof.PledgeDocuments;
import org.certfree.proofs.publication.TransparencyLog;
import org.certfree.proofs.publication.dto.TreeHeadView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Making a pledge (告知承诺, seed 四.(一)1 and 5): a citizen or enterprise pledges on a matter of the
 * notify-and-commit list as of now, against the template version it read (its hash), to a using unit for a
 * service matter — or a window clerk takes it down for the holder present in person. The matter's department
 * signs the pledge document; the draw decides whether it is checked; a check task is due after the template's
 * period in working days.
 */
@ApplicationScoped
public class PledgeService {

    public static final String PATH = "/api/v1/commitments/";

    /** Where check tasks live. */
    public static final String CHECKS_PATH = "/api/v1/commitment-checks/";

    @Inject
    Templates templates;

    @Inject
    PledgeDocuments documents;

    @Inject
    TransparencyLog transparency;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    DepartmentService departments;

    @Inject
    AssistedFiling assisted;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    StaffActions staffActions;

    @Inject
    PledgeViews views;

    @Inject
    CertfreeConfig config;

    @Inject
    HolderIndex holders;

    @Inject
    Clock clock;

    /** A pledge made now. */
    @Transactional
    public PledgeView pledge(PledgeInput in, Caller caller) {
        return pledge(in, caller, clock.instant());
    }

    /**
     * A pledge made at {@code now}: the list, the template and the due date as of then (the demo data writes
     * history with it, as it publishes its 2024 batches; requests made now pass the clock's instant).
     */
    @Transactional
    public PledgeView pledge(PledgeInput in, Caller caller, Instant now) {
        // who pledges: the citizen themselves, or a window clerk for the holder present in person
        String pledgerId = documents.pledgerId(in.pledger(), "pledger"); // a malformed ID is a 400 before any 403
        Optional<AssistedFiling.Filer> window = assisted.filer(caller, null, in.assistance(), AgentScope.REQUESTS, pledgerId);
        if (window.isEmpty()) {
            if (!caller.has(Role.CITIZEN)) {
                throw ApiException.forbidden(Messages.PLEDGE_WINDOW_NEEDS_ASSISTANCE);
            }
            if (!pledgerId.equals(ResidentId.normalize(caller.subject()))) {
                throw ApiException.forbidden(Messages.PLEDGE_ONLY_AS_ONESELF);
            }
        } else if (!window.get().act().unit().equals(in.usingUnit().trim())) {
            throw ApiException.invalid("usingUnit", Messages.PLEDGE_WINDOW_OTHER_UNIT.formatted(window.get().act().unit()));
        }
        if (!Boolean.TRUE.equals(in.accept())) {
            throw ApiException.invalid("accept", Messages.PLEDGE_ACCEPT_REQUIRED);
        }
        String unit = in.usingUnit().trim();
        if (!departments.hasRole(unit, DepartmentRole.USING_UNIT)) {
            throw ApiException.invalid("usingUnit", Messages.PLEDGE_NOT_A_USING_UNIT.formatted(unit));
        }
        Templates.Template t = templates.current(in.matterCode(), now)
                .orElseThrow(() -> ApiException.unprocessable(Messages.PLEDGE_MATTER_NOT_LISTED.formatted(in.matterCode().trim())));
        if (!t.hash().equals(in.templateHash()) || !t.textHash().equals(in.textHash())) {
            throw ApiException.conflict(Messages.PLEDGE_TEMPLATE_SUPERSEDED.formatted(t.name(), t.version(), t.batchNumber(), t.hash(),
                    t.textHash()));
        }
        refuseRepeat(holders.of(pledgerId), t, unit, now);
        Map<String, String> answers = answers(t.terms().fieldsOrEmpty(), in.answers());
        // the draw's seed: the tree head published before the pledge (by the justice bureau)
        TreeHeadView head = t.terms().sampleRatioPercent() == null ? null : transparency.treeHead(null);
        LocalDate today = LocalDate.ofInstant(now, ControllableClock.ZONE);
        WorkingDayCalendar.Deadline due = calendar.deadline(today, t.terms().checkWithinDays());
        String checking = t.terms().checkMethod() == CheckMethod.ASSISTED ? t.terms().assistingDepartment() : t.department();
        Pledge p = new Pledge();
        String serviceMatter = in.serviceMatter().trim();
        Instant validUntil = ZonedDateTime.ofInstant(now, ControllableClock.ZONE).plus(config.pledgeValidity()).toInstant();
        PledgeDocuments.Signed signed = documents.sign(new PledgeDocuments.Draft(t.matterCode(), t.version(), t.name(),
                t.department(), in.pledger(), "pledger", answers, serviceMatter, validUntil,
                window.map(w -> w.act().by()).orElse(caller.actor()), now), number -> {
                    PledgeDraw draw = head == null ? null : PledgeDraw.of(head.rootHash(), number, t.terms().sampleRatioPercent());
                    p.drawValue = draw == null ? null : draw.value();
                    p.drawn = draw == null || draw.drawn();
                    return block(t, unit, serviceMatter, window.isPresent(), due, checking, head, draw);
                });
        p.id = UUID.randomUUID();
        p.number = signed.number();
        p.matterCode = t.matterCode();
        p.matterVersion = t.version();
        p.matterName = t.name();
        p.departmentCode = t.department();
        p.templateBatch = t.batchNumber();
        p.templateHash = t.hash();
        p.text = t.text();
        p.textHash = t.textHash();
        p.usingUnit = unit;
        p.serviceMatter = serviceMatter;
        p.subjectKind = signed.subjectKind();
        p.subjectIdIndex = signed.subjectIdIndex();
        p.subjectNameMasked = signed.subjectNameMasked();
        p.subjectIdMasked = signed.subjectIdMasked();
        p.pledgedBy = window.map(w -> Caller.HOLDER_ACTOR_PREFIX + w.holderIndex()).orElse(caller.actor());
        p.pledgedAt = signed.signedAt();
        window.ifPresent(w -> {
            p.assistedBy = w.act().by();
            p.identityCheck = w.act().identityCheck();
            p.evidenceSha256 = w.act().evidenceSha256();
        });
        p.status = PledgeStatus.PLEDGED;
        p.checkMethod = t.terms().checkMethod();
        p.checkWithinDays = t.terms().checkWithinDays();
        p.sampleRatioPercent = t.terms().sampleRatioPercent();
        p.drawTreeSize = head == null ? null : head.treeSize();
        p.drawRootHash = head == null ? null : head.rootHash();
        p.persist();
        PledgeCheck task = null;
        if (p.drawn) {
            task = new PledgeCheck();
            task.id = UUID.randomUUID();
            task.pledgeId = p.id;
            task.pledgeNumber = p.number;
            task.matterCode = p.matterCode;
            task.departmentCode = p.departmentCode;
            task.checkingDepartment = checking;
            task.method = p.checkMethod;
            task.status = CheckStatus.OPEN;
            task.createdAt = now;
            task.dueDate = due.day();
            task.dueDateProvisional = due.provisional();
            task.persist();
        }
        if (window.isPresent()) {
            AssistedFiling.Act act = window.get().act();
            staffActions.record(caller, "pledge.assisted", p.departmentCode, "pledge", p.number, "matter", p.matterCode,
                    "unit", act.unit());
            accessLog.record(new HolderAccess(now, p.subjectIdIndex, AccessKind.PLEDGE_ASSISTED, act.unit(), act.by(), p.number,
                    null, null, serviceMatter, Map.of("matter", p.matterCode, "identityCheck", act.identityCheck().name())));
        }
        return views.view(p, task, signed.document());
    }

    /**
     * One standing pledge per holder, matter and using unit: while one made there is valid and not found false,
     * another is refused (409 naming it). A pledge cannot be made again to draw again (抽查) — the draw is
     * fixed by the tree head and the number, and the first number stands. Serialized per (holder, matter,
     * unit) across replicas by a transaction-scoped advisory lock.
     */
    private void refuseRepeat(String holderIndex, Templates.Template t, String unit, Instant now) {
        Pledge.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('pledge:' || :key))")
                .setParameter("key", holderIndex + "|" + t.matterCode() + "|" + unit).getSingleResult();
        Instant stillValid = ZonedDateTime.ofInstant(now, ControllableClock.ZONE).minus(config.pledgeValidity()).toInstant();
        Pledge.<Pledge>find("subjectIdIndex = ?1 and matterCode = ?2 and usingUnit = ?3 and pledgedAt > ?4 and status in ?5"
                + " order by pledgedAt desc", holderIndex, t.matterCode(), unit, stillValid,
                List.of(PledgeStatus.PLEDGED, PledgeStatus.CONFIRMED, PledgeStatus.NOT_VERIFIABLE)).firstResultOptional()
                .ifPresent(p -> {
                    throw ApiException.duplicate(Messages.PLEDGE_REPEATED.formatted(t.name(), unit, p.number,
                            LocalDate.ofInstant(p.pledgedAt, ControllableClock.ZONE)), PATH + p.number);
                });
    }

    /** The signed {@code pledge} block (no personal data): see the README's "告知承诺" section. */
    private static Map<String, Object> block(Templates.Template t, String unit, String serviceMatter, boolean window,
            WorkingDayCalendar.Deadline due, String checking, TreeHeadView head, PledgeDraw draw) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("method", t.terms().checkMethod().name());
        check.put("withinWorkingDays", t.terms().checkWithinDays());
        check.put("department", checking);
        check.put("required", draw == null || draw.drawn());
        if (draw == null || draw.drawn()) {
            check.put("dueDate", due.day().toString());
            check.put("dueDateProvisional", due.provisional());
        }
        if (draw != null) {
            check.put("sample", Map.of("ratioPercent", t.terms().sampleRatioPercent(), "treeSize", head.treeSize(),
                    "rootHash", head.rootHash(), "value", draw.value(), "drawn", draw.drawn()));
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("template", Map.of("batch", t.batchNumber(), "hash", t.hash(), "list", "NOTIFY_COMMIT"));
        block.put("textHash", t.textHash());
        block.put("usingUnit", unit);
        block.put("serviceMatter", serviceMatter);
        block.put("channel", window ? "WINDOW" : "SELF");
        block.put("check", check);
        return block;
    }

    /** The answers, checked against the template's fields: each named field, the required ones given. */
    static Map<String, String> answers(List<PledgeField> fields, Map<String, String> given) {
        Map<String, String> in = given == null ? Map.of() : given;
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, String> out = new TreeMap<>();
        Map<String, PledgeField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        new TreeMap<>(in).forEach((name, value) -> {
            if (!byName.containsKey(name)) {
                errors.add(new Problem.FieldError("answers." + name, Messages.PLEDGE_ANSWER_UNKNOWN.formatted(name,
                        byName.isEmpty() ? "（无填报项）" : String.join("、", byName.keySet()))));
            } else if (value != null && value.trim().codePointCount(0, value.trim().length()) > 500) {
                errors.add(new Problem.FieldError("answers." + name, Messages.PLEDGE_ANSWER_TOO_LONG.formatted(byName.get(name).label())));
            } else if (value != null && !value.isBlank()) {
                out.put(name, value.trim());
            }
        });
        for (PledgeField f : fields) {
            if (f.required() && !out.containsKey(f.name()) && errors.stream().noneMatch(e -> e.field().equals("answers." + f.name()))) {
                errors.add(new Problem.FieldError("answers." + f.name(), Messages.PLEDGE_ANSWER_REQUIRED.formatted(f.label())));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + "：" + errors.get(0).message() : Messages.VALIDATION_FAILED;
            throw new ApiException(ProblemType.VALIDATION, detail, null, errors);
        }
        return out;
    }
}
