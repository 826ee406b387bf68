package org.certfree.proofs.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/** Builds {@link PledgeView}s: the case from the pledge row and its task, the document from the proof feature. */
@ApplicationScoped
class PledgeViews {

    /** Encryption purpose of the holder's objection reason (keys stored data: never change it). */
    static final String OBJECTION_REASON = "commitment.objection.reason";

    /** Encryption purpose of the department's answer to an objection (keys stored data: never change it). */
    static final String OBJECTION_ANSWER = "commitment.objection.answer";

    @Inject
    PersonalDataProtector protector;

    /** {@code document} as the caller may see it, with the objection's reason and answer (the holder, the department). */
    PledgeView view(Pledge p, PledgeCheck task, ProofView document) {
        return view(p, task, document, true);
    }

    /**
     * The pledge as served: what was signed (template, unit, service matter, channel, check terms, draw) from
     * the document's signed {@code pledge} block, the text only if its hash is the signed one (else a 500
     * integrity problem); the case's state (status, task, finding, objection) from the rows.
     */
    PledgeView view(Pledge p, PledgeCheck task, ProofView document, boolean reasons) {
        JsonNode b = document.pledge();
        if (b == null || !Templates.sha256(p.text).equals(b.path("textHash").asText())) {
            throw new ApiException(ProblemType.RECORD_INTEGRITY, Messages.PROOF_INTEGRITY.formatted(p.number));
        }
        String self = PledgeService.PATH + p.number;
        JsonNode terms = b.path("check");
        JsonNode sample = terms.path("sample");
        PledgeView.Draw draw = sample.isMissingNode() ? null : new PledgeView.Draw(sample.path("treeSize").asInt(),
                sample.path("rootHash").asText(), sample.path("value").asText(), sample.path("drawn").asBoolean());
        CheckMethod method = CheckMethod.valueOf(terms.path("method").asText());
        PledgeView.Check check = new PledgeView.Check(method, method.chinese(), terms.path("withinWorkingDays").asInt(),
                sample.isMissingNode() ? null : sample.path("ratioPercent").asInt(), draw, terms.path("required").asBoolean(),
                task == null ? null : task.id, task == null ? null : task.status, task == null ? null : task.dueDate,
                task == null ? null : task.dueDateProvisional, task == null ? null : task.result);
        PledgeView.Finding finding = p.foundFalseAt == null ? null : new PledgeView.Finding(p.foundFalseAt, p.consequence);
        PledgeView.Objection objection = p.objectionStatus == null ? null
                : new PledgeView.Objection(p.objectionStatus, p.objectionStatus.chinese(),
                        reasons ? protector.decrypt(p.objectionReasonEnc, OBJECTION_REASON) : null, p.objectedAt,
                        reasons ? protector.decrypt(p.objectionAnswerEnc, OBJECTION_ANSWER) : null, p.objectionDecidedAt);
        boolean full = document.verificationCode() != null;
        JsonNode template = b.path("template");
        String channel = b.path("channel").asText();
        return new PledgeView(document.number(), p.status, p.status.uri(), p.status.chinese(), document.matter().code(),
                document.matter().version(), document.matter().name(), document.issuer().code(),
                new PledgeView.Template(template.path("batch").asText(), template.path("hash").asText(), p.text,
                        b.path("textHash").asText()),
                b.path("usingUnit").asText(), document.purpose(), document.issuedAt(), channel,
                "WINDOW".equals(channel) ? new PledgeView.Window(p.assistedBy, p.identityCheck, p.evidenceSha256) : null,
                check, finding, objection, document,
                new PledgeView.Links(self, full ? self + "/pdf" : null, full ? self + "/qr.png" : null,
                        "/api/v1/proofs/" + p.number + "/status", task == null ? null : PledgeService.CHECKS_PATH + task.id));
    }
}
