package org.certfree.proofs.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.commitment.CheckResult;
import org.certfree.proofs.commitment.CheckService;
import org.certfree.proofs.commitment.ObjectionService;
import org.certfree.proofs.commitment.PledgeQueries;
import org.certfree.proofs.commitment.dto.AssignInput;
import org.certfree.proofs.commitment.dto.Evidence;
import org.certfree.proofs.commitment.dto.FindingsInput;
import org.certfree.proofs.commitment.dto.ObjectionInput;
import org.certfree.proofs.commitment.dto.ReviewInput;
import org.certfree.proofs.commitment.PledgeService;
import org.certfree.proofs.commitment.dto.PledgeInput;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.commitment.dto.TemplateView;
import org.certfree.proofs.consent.IdentityCheck;
import org.certfree.proofs.consent.dto.AssistanceInput;
import org.certfree.proofs.proof.dto.SubjectInput;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.jboss.logging.Logger;

/**
 * Demo pledges (告知承诺) on the demo notify-and-commit matters, one per state of the loop: a fresh one, one
 * checked and CONFIRMED, one found FALSE (the holder objects), one whose check is overdue (taken down at a
 * window for an older holder, checked with another department's help), and pledges on a sampled matter,
 * drawn and not drawn. Through the real services; seeded once, when no pledge exists.
 */
@ApplicationScoped
public class CommitmentDemoData {

    private static final Logger LOG = Logger.getLogger(CommitmentDemoData.class);

    @Inject
    PledgeService pledges;

    @Inject
    PledgeQueries queries;

    @Inject
    CheckService checks;

    @Inject
    ObjectionService objections;

    @Inject
    Clock clock;

    /** Seeds the demo pledges once; a failure is logged, never fatal. Returns how many pledges were made. */
    @ActivateRequestContext
    public int seed() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> queries.any() ? 0 : seedPledges());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Demo pledges could not be seeded: %s", e.getMessage());
            return 0;
        }
    }

    private int seedPledges() {
        Instant now = clock.instant();
        int made = 0;
        // fresh: a citizen pledges online for a business licence, the check is on its way
        pledge(ProofDemoData.ZHANG, "BZSCJGJ-N001", ProofDemoData.KORLA_WINDOW, "个体工商户设立登记",
                answers("address", "库尔勒市人民东路 8 号 1 层商铺", "useRight", "租赁"), null, now);
        made++;
        // overdue: taken down at the Korla window for an older holder 35 days ago; 民政局 assists the check (协查)
        pledge(ProofDemoData.AHMAT, "BZGAJ-N001", ProofDemoData.KORLA_WINDOW, "投靠子女落户",
                answers("relative", "买买提·艾合买提", "relationship", "父子"), ProofDemoData.KORLA_WINDOW, now.minus(Duration.ofDays(35)));
        made++;
        // checked and CONFIRMED: the 医保局 queried shared residence data; one staff member checked, another reviewed
        PledgeView confirmed = pledge(ProofDemoData.LI, "BZYBJ-N001", ProofDemoData.KORLA_WINDOW, "异地长期居住人员备案",
                answers("residence", "海南省三亚市吉阳区迎宾路 66 号", "since", "2024年3月"), null, now.minus(Duration.ofDays(12)));
        close(confirmed, "BZYBJ", CheckResult.CONFIRMED, "经全国医保信息平台共享的居住登记信息核查，备案地居住情况属实。");
        made++;
        // found FALSE: the household income was understated; the document is revoked, the window notified, the holder objects
        PledgeView falsePledge = pledge(ProofDemoData.WANG, "BZRSJ-N001", ProofDemoData.KORLA_WINDOW, "就业困难人员认定",
                answers("householdSize", "3", "monthlyIncome", "600"), null, now.minus(Duration.ofDays(20)));
        close(falsePledge, "BZRSJ", CheckResult.FALSE, "经税务、社保数据共享核查，申请人配偶 2026 年月均工资收入 6,800 元，家庭月人均收入"
                + "约 2,470 元，高于认定标准。");
        objections.object(falsePledge.number(), new ObjectionInput("配偶已于 2026 年 9 月离职，现无工资收入，请重新核查。"),
                Caller.acting(ProofDemoData.WANG.id(), null, Role.CITIZEN));
        made++;
        // 抽查 (50 %): holders pledge until one pledge is drawn and one is not
        boolean drawn = false;
        boolean passed = false;
        // (one standing pledge per holder, matter and unit: each try is another holder or another unit)
        SubjectInput[] who = { ProofDemoData.COMPANY, ProofDemoData.LI, ProofDemoData.WANG, ProofDemoData.ZHANG, ProofDemoData.AHMAT };
        String[] units = { ProofDemoData.LUNTAI_WINDOW, ProofDemoData.KORLA_WINDOW, "BZZWZX" };
        for (int i = 0; i < who.length * units.length && !(drawn && passed); i++) {
            PledgeView v = pledge(who[i % who.length], "BZWJW-N001", units[i / who.length], "医疗机构执业登记",
                    answers("address", "轮台县团结路 " + (20 + i) + " 号", "area", "320"), null, now.minus(Duration.ofDays(3)));
            drawn |= v.check().required();
            passed |= !v.check().required();
            made++;
        }
        LOG.infof("Demo pledges: %d made (fresh, checked CONFIRMED, found FALSE with an objection, overdue check, drawn and"
                + " not drawn for 抽查)", made);
        return made;
    }

    /** One staff member of {@code dept} checks and records, another reviews and closes (four eyes). */
    private void close(PledgeView pledge, String dept, CheckResult result, String findings) {
        UUID task = pledge.check().taskId();
        Caller checker = Caller.acting("demo-checker-" + dept.toLowerCase(), dept, Role.ISSUER);
        checks.assign(task, new AssignInput(null), checker);
        checks.record(task, new FindingsInput(result, findings, List.of(new Evidence("数据共享核查回执.pdf",
                sha256("demo evidence " + pledge.number())))), checker);
        checks.review(task, new ReviewInput(true, "核查过程和结论清楚，同意。"),
                Caller.acting("demo-reviewer-" + dept.toLowerCase(), dept, Role.ISSUER));
    }

    private PledgeView pledge(SubjectInput holder, String matter, String unit, String serviceMatter, Map<String, String> answers,
            String window, Instant at) {
        TemplateView template = queries.template(matter);
        AssistanceInput assistance = window == null ? null
                : new AssistanceInput(IdentityCheck.ID_CARD_READER, sha256("demo window form " + matter));
        Caller caller = window == null ? Caller.acting(holder.id(), null, Role.CITIZEN)
                : Caller.acting("demo-verifier-" + window.toLowerCase(), window, Role.VERIFIER);
        return pledges.pledge(new PledgeInput(matter, template.hash(), template.textHash(), unit, serviceMatter, holder, answers, true,
                assistance), caller, at);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
