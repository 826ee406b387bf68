package org.certfree.proofs.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/** Builds {@link PledgeView}s: the case from the pledge row and its task, the document from the proof feature. */
@ApplicationScoped
class PledgeViews {

    /** Encryption purpose of the holder's objection reason (keys stored data: never change it). */
    static final String OBJECTION_REASON = "commitment.objection.reason";

    @Inject
    PersonalDataProtector protector;

    /** {@code document} as the caller may see it; {@code private}: the objection's reason too (holder, department). */
    PledgeView view(Pledge p, PledgeCheck task, ProofView document) {
        return view(p, task, document, true);
    }

    PledgeView view(Pledge p, PledgeCheck task, ProofView document, boolean reasons) {
        String self = PledgeService.PATH + p.number;
        PledgeView.Draw draw = p.drawValue == null ? null
                : new PledgeView.Draw(p.drawTreeSize, p.drawRootHash, p.drawValue, p.drawn);
        PledgeView.Check check = new PledgeView.Check(p.checkMethod, p.checkMethod.chinese(), p.checkWithinDays,
                p.sampleRatioPercent, draw, p.drawn, task == null ? null : task.id, task == null ? null : task.status,
                task == null ? null : task.dueDate, task == null ? null : task.dueDateProvisional,
                task == null ? null : task.result);
        PledgeView.Finding finding = p.foundFalseAt == null ? null : new PledgeView.Finding(p.foundFalseAt, p.consequence);
        PledgeView.Objection objection = p.objectionStatus == null ? null
                : new PledgeView.Objection(p.objectionStatus, p.objectionStatus.chinese(),
                        reasons ? protector.decrypt(p.objectionReasonEnc, OBJECTION_REASON) : null, p.objectedAt,
                        p.objectionAnswer, p.objectionDecidedAt);
        boolean full = document != null && document.verificationCode() != null;
        return new PledgeView(p.number, p.status, p.status.uri(), p.status.chinese(), p.matterCode, p.matterVersion,
                p.matterName, p.departmentCode, new PledgeView.Template(p.templateBatch, p.templateHash, p.text, p.textHash),
                p.usingUnit, p.serviceMatter, p.pledgedAt, p.assistedBy == null ? "SELF" : "WINDOW",
                p.assistedBy == null ? null : new PledgeView.Window(p.assistedBy, p.identityCheck, p.evidenceSha256),
                check, finding, objection, document,
                new PledgeView.Links(self, full ? self + "/pdf" : null, full ? self + "/qr.png" : null,
                        "/api/v1/proofs/" + p.number + "/status", task == null ? null : PledgeService.CHECKS_PATH + task.id));
    }
}
