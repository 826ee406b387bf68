package org.certfree.proofs.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.commitment.dto.AssignInput;
import org.certfree.proofs.commitment.dto.CheckView;
import org.certfree.proofs.commitment.dto.Evidence;
import org.certfree.proofs.commitment.dto.FindingsInput;
import org.certfree.proofs.commitment.dto.ReviewInput;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.PledgeDocuments;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * The post-check (核查, seed 四.(一)5): the checking department assigns a checker, who records a finding;
 * someone else of the matter's department reviews it (separation of duties). A confirmed finding closes the
 * task and sets the pledge's status; a FALSE one revokes the pledge document, records the template's
 * consequence and tells the using unit.
 */
@ApplicationScoped
public class CheckService {

    /** The line of the pledge text that states the consequence (see {@link Templates#text}). */
    static final String CONSEQUENCE_LINE = "三、不实承诺的法律后果：";

    /** The section after the consequence. */
    static final String NEXT_SECTION = "四、";

    @Inject
    CheckQueries queries;

    @Inject
    PledgeDocuments documents;

    @Inject
    Notices notices;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    StaffActions staffActions;

    @Inject
    Clock clock;

    /** OPEN or ASSIGNED → ASSIGNED, by staff of the checking department; the assignee defaults to the caller. */
    @Transactional
    public CheckView assign(UUID id, AssignInput in, Caller caller) {
        PledgeCheck t = CheckQueries.require(id);
        if (!caller.has(Role.ISSUER) || !caller.actsFor(t.checkingDepartment)) {
            throw ApiException.forbidden(Messages.CHECK_ASSIGN_FORBIDDEN.formatted(t.checkingDepartment));
        }
        requireState(t, "分派", CheckStatus.OPEN, CheckStatus.ASSIGNED);
        String assignee = in == null || in.assignee() == null || in.assignee().isBlank() ? caller.subject() : in.assignee().trim();
        t.status = CheckStatus.ASSIGNED;
        t.assignee = assignee;
        t.assignedBy = caller.subject();
        t.assignedAt = clock.instant();
        flush();
        staffActions.record(caller, "pledge-check.assigned", t.checkingDepartment, "pledge-check", t.id, "assignee", assignee);
        return queries.view(t, Pledge.findById(t.pledgeId), caller);
    }

    /** ASSIGNED → RECORDED, by the assignee: the result, the findings (encrypted) and the evidence hashes. */
    @Transactional
    public CheckView record(UUID id, FindingsInput in, Caller caller) {
        PledgeCheck t = CheckQueries.require(id);
        if (!caller.has(Role.ISSUER) || !caller.actsFor(t.checkingDepartment)) {
            throw ApiException.forbidden(Messages.CHECK_RECORD_FORBIDDEN.formatted(t.checkingDepartment));
        }
        requireState(t, "记录核查结论", CheckStatus.ASSIGNED);
        if (!caller.subject().equals(t.assignee)) {
            throw ApiException.forbidden(Messages.CHECK_NOT_ASSIGNEE.formatted(t.assignee));
        }
        t.status = CheckStatus.RECORDED;
        t.result = in.result();
        t.findingsEnc = protector.encrypt(in.findings().trim(), CheckQueries.FINDINGS);
        List<Evidence> evidence = in.evidence() == null ? List.of() : List.copyOf(in.evidence());
        t.evidenceEnc = queries.sealEvidence(evidence);
        t.recordedBy = caller.subject();
        t.recordedAt = clock.instant();
        flush();
        staffActions.record(caller, "pledge-check.recorded", t.checkingDepartment, "pledge-check", t.id, "result", t.result,
                "evidence", evidence.size());
        return queries.view(t, Pledge.findById(t.pledgeId), caller);
    }

    /**
     * RECORDED → CLOSED (approve) or back to ASSIGNED, by staff of the matter's department other than the
     * checker. Sent back, the rejected finding (result, text, evidence) is cleared — the checker records a new
     * one — and the comment says why; the audit log keeps that it happened.
     */
    @Transactional
    public CheckView review(UUID id, ReviewInput in, Caller caller) {
        PledgeCheck t = CheckQueries.require(id);
        if (!caller.has(Role.ISSUER) || !caller.actsFor(t.departmentCode)) {
            throw ApiException.forbidden(Messages.CHECK_REVIEW_FORBIDDEN.formatted(t.departmentCode));
        }
        requireState(t, "复核", CheckStatus.RECORDED);
        if (caller.subject().equals(t.recordedBy)) {
            throw ApiException.forbidden(Messages.CHECK_REVIEW_OWN_FINDING);
        }
        Instant now = clock.instant();
        String comment = in.comment() == null || in.comment().isBlank() ? null
                : protector.encrypt(in.comment().trim(), CheckQueries.REVIEW_COMMENT);
        Pledge p = Pledge.findById(t.pledgeId);
        if (!in.approve()) {
            CheckResult rejected = t.result;
            t.status = CheckStatus.ASSIGNED;
            t.result = null;
            t.findingsEnc = null;
            t.evidenceEnc = null;
            t.recordedBy = null;
            t.recordedAt = null;
            t.reviewCommentEnc = comment;
            flush();
            staffActions.record(caller, "pledge-check.sent-back", t.departmentCode, "pledge-check", t.id, "result", rejected);
            return queries.view(t, p, caller);
        }
        t.status = CheckStatus.CLOSED;
        t.reviewedBy = caller.subject();
        t.reviewedAt = now;
        t.reviewCommentEnc = comment;
        t.closedAt = now;
        p.status = t.result.leadsTo();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("result", t.result.name());
        if (t.result == CheckResult.FALSE) {
            p.foundFalseAt = now;
            p.consequence = consequence(p.text);
            documents.markFalse(p.number, Messages.CHECK_FALSE_NOTE.formatted(t.id), caller);
            // the template's consequence is public text; the findings, which may name people, stay out
            notices.create(p, PledgeNotice.Kind.FOUND_FALSE, Messages.NOTICE_FOUND_FALSE.formatted(p.number, p.matterName,
                    p.serviceMatter, notices.departmentName(t.checkingDepartment), p.consequence));
            details.put("consequence", p.consequence);
        }
        flush();
        accessLog.record(new HolderAccess(now, p.subjectIdIndex, AccessKind.PLEDGE_CHECKED, t.departmentCode, caller.actor(),
                p.number, null, null, null, details));
        staffActions.record(caller, "pledge-check.closed", t.departmentCode, "pledge-check", t.id, "result", t.result,
                "pledge", p.number);
        return queries.view(t, p, caller);
    }

    /**
     * The consequence the pledge text stated, so it is what the pledger accepted: everything after
     * {@link #CONSEQUENCE_LINE} up to the next section (a line starting with {@link #NEXT_SECTION}) or the
     * end — a legal liability may run over several lines.
     */
    static String consequence(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(CONSEQUENCE_LINE)) {
                StringBuilder out = new StringBuilder(lines.get(i).substring(CONSEQUENCE_LINE.length()));
                for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith(NEXT_SECTION); j++) {
                    out.append('\n').append(lines.get(j));
                }
                return out.toString().strip();
            }
        }
        throw new IllegalStateException("pledge text without its consequence line");
    }

    /**
     * Writes the changes now, inside the service method, so a concurrent change (the {@code @Version} check)
     * fails here as an {@link jakarta.persistence.OptimisticLockException} — a 409 — and not at commit,
     * wrapped in a rollback exception.
     */
    static void flush() {
        PledgeCheck.getEntityManager().flush();
    }

    private static void requireState(PledgeCheck t, String action, CheckStatus... allowed) {
        for (CheckStatus s : allowed) {
            if (t.status == s) {
                return;
            }
        }
        throw ApiException.conflict(Messages.CHECK_WRONG_STATE.formatted(t.status.chinese(), action));
    }
}
