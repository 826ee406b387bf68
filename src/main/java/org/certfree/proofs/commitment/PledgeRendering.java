package org.certfree.proofs.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certfree.proofs.catalog.dto.PledgeField;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.proof.ProofRendering;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.SubjectKind;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.proof.render.PledgePrint;
import org.certfree.proofs.proof.render.ProofDocument;

/** The QR code and the printable form of a pledge document (the full pledge text, the answers, number, code, QR). */
@ApplicationScoped
class PledgeRendering {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    ProofRendering proofs;

    @Inject
    Templates templates;

    @Inject
    DepartmentService departments;

    @Inject
    Clock clock;

    byte[] qrPng(PledgeView p) {
        return proofs.qrPng(p.document());
    }

    /** Only for a full view (holder, the matter's department): the code and the answers are printed. */
    byte[] pdf(PledgeView p) {
        ProofView d = p.document();
        PledgeView.Check c = p.check();
        StringBuilder check = new StringBuilder(c.methodText()).append("，承诺后 ").append(c.withinWorkingDays()).append(" 个工作日内");
        if (c.draw() != null) {
            check.append("；按 ").append(c.sampleRatioPercent()).append("% 比例抽查，本承诺").append(c.draw().drawn() ? "被抽中" : "未被抽中，不作核查");
        }
        String due = c.required() && c.dueDate() != null
                ? DAY.format(c.dueDate()) + (Boolean.TRUE.equals(c.dueDateProvisional()) ? "（暂定）" : "") : null;
        PledgePrint print = new PledgePrint(d.number(), d.verificationCode(), p.matterCode(), p.matterName(),
                p.matterVersion(), d.issuer().code(), d.issuer().name(), p.template().text(),
                d.subject().kind() == SubjectKind.PERSON ? ProofDocument.SubjectKind.PERSON : ProofDocument.SubjectKind.ENTERPRISE,
                d.subject().name(), ProofRendering.masked(d), answers(p), unit(p.usingUnit()), p.serviceMatter(), p.pledgedAt(),
                "WINDOW".equals(p.channel()) ? "窗口代为录入（本人到场）" : "本人在线作出", d.statusText(), warning(d), check.toString(),
                due, proofs.statusPageUrl(d), proofs.signingKeys(d));
        return proofs.pledgePdf(print);
    }

    /** The answers under the template's labels while that version is current, else under their field names. */
    private List<ProofDocument.Claim> answers(PledgeView p) {
        Optional<Templates.Template> t = templates.current(p.matterCode(), clock.instant())
                .filter(x -> x.hash().equals(p.template().hash()));
        List<PledgeField> fields = t.map(x -> x.terms().fieldsOrEmpty()).orElse(List.of());
        List<ProofDocument.Claim> out = new ArrayList<>();
        Map<String, String> claims = p.document().claims() == null ? Map.of() : p.document().claims();
        for (PledgeField f : fields) {
            if (claims.containsKey(f.name())) {
                out.add(new ProofDocument.Claim(f.label(), claims.get(f.name())));
            }
        }
        claims.forEach((name, value) -> {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                out.add(new ProofDocument.Claim(name, value));
            }
        });
        return out;
    }

    private String unit(String code) {
        return departments.find(code).map(DepartmentView::name).map(n -> n + "（" + code + "）").orElse(code);
    }

    private static String warning(ProofView d) {
        if (d.status() == ProofStatus.VALID) {
            return null;
        }
        String why = d.revocation() == null || d.revocation().reasonText() == null ? "" : "（" + d.revocation().reasonText() + "）";
        return "本告知承诺书已" + d.statusText() + why + "，不能作为办事依据。";
    }
}
