package org.certfree.proofs.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.certfree.proofs.commitment.dto.ObjectionDecisionInput;
import org.certfree.proofs.commitment.dto.ObjectionInput;
import org.certfree.proofs.commitment.dto.PledgeView;
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
 * The holder's objection (异议) to a FALSE finding and the department's decision on it. Upheld, the pledge
 * becomes OVERTURNED but its document stays revoked (a revocation is final, V28); the decider is none of those
 * who made the finding — its assignee, its checker, the reviewer who closed it — so the finding is looked at
 * by fresh eyes. The answer may name people: it is stored encrypted and shown to the holder and the
 * department only; the using unit's notice says the outcome, not the answer.
 */
@ApplicationScoped
public class ObjectionService {

    @Inject
    PledgeQueries pledges;

    @Inject
    PledgeViews views;

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

    /** The holder objects: only to a FALSE finding, once. */
    @Transactional
    public PledgeView object(String number, ObjectionInput in, Caller caller) {
        Pledge p = PledgeQueries.require(number);
        if (!pledges.isHolder(p, caller)) {
            throw ApiException.forbidden(Messages.OBJECTION_ONLY_HOLDER);
        }
        if (p.objectionStatus != null) {
            throw ApiException.conflict(Messages.OBJECTION_EXISTS.formatted(p.number, p.objectionStatus.chinese()));
        }
        if (p.status != PledgeStatus.FALSE) {
            throw ApiException.conflict(Messages.OBJECTION_NOT_FALSE.formatted(p.number, p.status.chinese()));
        }
        p.objectionStatus = ObjectionStatus.OPEN;
        p.objectionReasonEnc = protector.encrypt(in.reason().trim(), PledgeViews.OBJECTION_REASON);
        p.objectedAt = clock.instant();
        CheckService.flush();
        return views.view(p, PledgeQueries.task(p), documents.document(p.number, true));
    }

    /** Staff of the matter's department, other than the FALSE finding's reviewer, uphold or dismiss it. */
    @Transactional
    public PledgeView decide(String number, ObjectionDecisionInput in, Caller caller) {
        Pledge p = PledgeQueries.require(number);
        if (!caller.has(Role.ISSUER) || !caller.actsFor(p.departmentCode)) {
            throw ApiException.forbidden(Messages.OBJECTION_DECIDE_FORBIDDEN.formatted(p.departmentCode));
        }
        if (p.objectionStatus != ObjectionStatus.OPEN) {
            throw ApiException.conflict(Messages.OBJECTION_NOT_OPEN.formatted(p.number));
        }
        PledgeCheck task = PledgeQueries.task(p);
        if (task != null && (caller.subject().equals(task.reviewedBy) || caller.subject().equals(task.recordedBy)
                || caller.subject().equals(task.assignee))) {
            throw ApiException.forbidden(Messages.OBJECTION_DECIDE_OWN_FINDING);
        }
        Instant now = clock.instant();
        p.objectionStatus = in.uphold() ? ObjectionStatus.UPHELD : ObjectionStatus.DISMISSED;
        p.objectionAnswerEnc = protector.encrypt(in.answer().trim(), PledgeViews.OBJECTION_ANSWER);
        p.objectionDecidedBy = caller.subject();
        p.objectionDecidedAt = now;
        String dept = p.departmentCode;
        // the notice says the outcome, never the answer (it may name people)
        if (in.uphold()) {
            p.status = PledgeStatus.OVERTURNED;
            documents.withdrawFalseFinding(p.number, caller); // verifications and the status check stop calling it false
            notices.create(p, PledgeNotice.Kind.OBJECTION_UPHELD,
                    Messages.NOTICE_OBJECTION_UPHELD.formatted(p.number, notices.departmentName(dept)));
        } else {
            notices.create(p, PledgeNotice.Kind.OBJECTION_DISMISSED,
                    Messages.NOTICE_OBJECTION_DISMISSED.formatted(p.number, notices.departmentName(dept)));
        }
        CheckService.flush();
        accessLog.record(new HolderAccess(now, p.subjectIdIndex, AccessKind.PLEDGE_OBJECTION_DECIDED, dept, caller.actor(),
                p.number, null, null, null, Map.of("decision", p.objectionStatus.name())));
        staffActions.record(caller, "pledge-objection.decided", dept, "pledge", p.number, "decision", p.objectionStatus);
        // the decider sees the case and the reason; the document masked (no read of the holder's answers here)
        return views.view(p, task, documents.document(p.number, false));
    }
}
