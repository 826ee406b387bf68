package org.certfree.proofs.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.consent.UsageListService;
import org.certfree.proofs.consent.dto.UsageEntryInput;
import org.certfree.proofs.dispute.DisputeOutcome;
import org.certfree.proofs.dispute.DisputeService;
import org.certfree.proofs.dispute.dto.DecisionInput;
import org.certfree.proofs.dispute.dto.DisputeView;
import org.certfree.proofs.proof.ProofQueries;
import org.certfree.proofs.proof.ProofRequestService;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.dto.CreateProofRequest;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.proof.dto.SubjectInput;
import org.certfree.proofs.supervision.ComplaintGround;
import org.certfree.proofs.supervision.ComplaintService;
import org.certfree.proofs.supervision.ComplaintStatus;
import org.certfree.proofs.supervision.DisputeClaim;
import org.certfree.proofs.supervision.ListDisputeService;
import org.certfree.proofs.supervision.dto.ComplaintCloseInput;
import org.certfree.proofs.supervision.dto.ComplaintInput;
import org.certfree.proofs.supervision.dto.ComplaintView;
import org.certfree.proofs.supervision.dto.DisputeInput;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.jboss.logging.Logger;

/**
 * What the supervision dashboard shows on a first start: a holder's dispute on a demo proof (open) and one
 * decided (dismissed), a dispute on a list entry (open), complaints against a demo window (one open, one
 * FOUNDED), and supervision signals (windows putting a cancelled matter on their 用证 list, or asking an issuer
 * for one: refused, the signal stays). Through the real services; seeded once (when the demo complainant has no
 * complaint yet); a failure is logged, never fatal. No holder's name goes into any text: the reasons and
 * complaint texts are encrypted anyway, but they need none.
 */
@ApplicationScoped
public class SupervisionDemoData {

    private static final Logger LOG = Logger.getLogger(SupervisionDemoData.class);

    /** The justice bureau's demo reviewer. */
    static final Caller BUREAU = Caller.acting("demo-reviewer-bzsfj", "BZSFJ", Role.REVIEWER);

    @Inject
    DisputeService disputes;

    @Inject
    ListDisputeService listDisputes;

    @Inject
    ComplaintService complaints;

    @Inject
    UsageListService usage;

    @Inject
    ProofRequestService requests;

    @Inject
    ProofQueries proofs;

    @Inject
    Clock clock;

    /** Seeds once; returns how many records were made (refused attempts behind a signal count as one each). */
    @ActivateRequestContext
    public int seed() {
        try {
            if (QuarkusTransaction.requiringNew().call(() -> complaints.list(null, null, citizen(ProofDemoData.WANG),
                    PageRequest.of(0, 1)).total() > 0)) {
                return 0;
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Demo supervision data could not be seeded: %s", e.getMessage());
            return 0;
        }
        int made = signals() + step("proof disputes", this::proofDisputes) + step("list dispute and complaints", this::complaints);
        LOG.infof("Demo supervision data: %d records (proof disputes open and dismissed, a list dispute, complaints open and"
                + " founded, supervision signals)", made);
        return made;
    }

    /** Each attempt in its own transaction: the service refuses it (and rolls back), the signal is kept apart. */
    private int signals() {
        int made = 0;
        made += refused(() -> usage.add(new UsageEntryInput(ProofDemoData.LUNTAI_WINDOW, "城乡居民养老保险待遇领取",
                "新疆社会保险业务系统", "BZRSJ-C003"), "demo-verifier-ltxzwzx"));
        made += refused(() -> usage.add(new UsageEntryInput(ProofDemoData.KORLA_WINDOW, "婚姻登记", "巴州民政综合业务系统",
                "BZMZJ-C001"), "demo-verifier-kelszwzx"));
        Caller korla = Caller.acting("demo-verifier-kelszwzx", ProofDemoData.KORLA_WINDOW, Role.VERIFIER);
        made += refused(() -> requests.request(new CreateProofRequest("BZRSJ-C001", ProofDemoData.WANG, "办理就业登记", null), korla));
        made += refused(() -> requests.request(new CreateProofRequest("BZGAJ-C001", ProofDemoData.AHMAT, "办理投靠子女落户", null), korla));
        Caller zwzx = Caller.acting("demo-verifier-bzzwzx", "BZZWZX", Role.VERIFIER);
        made += refused(() -> requests.request(new CreateProofRequest("BZSWJ-C001", ProofDemoData.COMPANY, "办理政府采购投标", null), zwzx));
        return made;
    }

    private int refused(Supplier<?> attempt) {
        try {
            QuarkusTransaction.requiringNew().call(attempt::get);
            LOG.warnf("Demo supervision data: an attempt meant to be refused was accepted");
            return 0;
        } catch (ApiException expected) {
            return 1;
        }
    }

    private int proofDisputes() {
        int made = 0;
        // open: the retired holder disputes the pension status on their proof; suspended until 人社局 decides
        Optional<ProofView> retirement = validProof(ProofDemoData.AHMAT, "BZRSJ-R002");
        if (retirement.isPresent()) {
            disputes.open(new org.certfree.proofs.dispute.dto.DisputeInput(retirement.get().number(),
                    "原工作单位名称有误，应为改制后的单位名称，请核实更正。"), citizen(ProofDemoData.AHMAT));
            made++;
        }
        // decided: a holder disputes the record query's scope; 公安局 checks and dismisses, the suspension is lifted
        Optional<ProofView> record = validProof(ProofDemoData.ZHANG, "BZGAJ-R002");
        if (record.isPresent()) {
            DisputeView d = disputes.open(new org.certfree.proofs.dispute.dto.DisputeInput(record.get().number(),
                    "证明未写明查询日期，用人单位不予认可，请核实。"), citizen(ProofDemoData.ZHANG));
            disputes.decide(d.id(), new DecisionInput(DisputeOutcome.DISMISSED, "经核查，查询日期即开具日期，已在证明中载明，异议不成立。",
                    null, null, null), Caller.acting("demo-issuer-bzgaj", "BZGAJ", Role.ISSUER));
            made++;
        }
        return made;
    }

    private int complaints() {
        LocalDate today = LocalDate.now(clock.withZone(ControllableClock.ZONE));
        // a dispute on a list entry, for the justice bureau
        listDisputes.open(new DisputeInput("BZRSJ-R002", DisputeClaim.SHOULD_BE_CANCELLED,
                "离退休人员身份信息可通过社会保险信息系统在线查询，建议取消该证明事项。"), citizen(ProofDemoData.LI));
        // open: the Korla window asked for a cancelled 亲属关系证明
        complaints.file(new ComplaintInput(ProofDemoData.KORLA_WINDOW, "BZGAJ-C001", null, ComplaintGround.CANCELLED,
                today.minusDays(6), "办理社会救助时，窗口要求提供派出所出具的亲属关系证明，否则不予受理。"), citizen(ProofDemoData.WANG));
        // FOUNDED: the Luntai window asked for a cancelled 无欠税证明, the bureau finds against it
        ComplaintView founded = complaints.file(new ComplaintInput(ProofDemoData.LUNTAI_WINDOW, "BZSWJ-C001", null,
                ComplaintGround.CANCELLED, today.minusDays(20), "办理政府采购供应商资格审查时，窗口要求提供税务局开具的无欠税证明。"),
                citizen(ProofDemoData.WANG));
        complaints.investigate(founded.id(), null, BUREAU);
        complaints.close(founded.id(), new ComplaintCloseInput(ComplaintStatus.FOUNDED, "经调查，该窗口仍索要已取消的无欠税证明，投诉成立；"
                + "已责令改正，并计入年度证明事项清理工作考核。", null), BUREAU);
        return 4;
    }

    private int step(String what, Supplier<Integer> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Demo supervision data (%s) could not be seeded: %s", what, e.getMessage());
            return 0;
        }
    }

    private Optional<ProofView> validProof(SubjectInput holder, String matter) {
        return proofs.list(citizen(holder), matter, ProofStatus.VALID, null, null, PageRequest.of(0, 1)).items().stream().findFirst();
    }

    private static Caller citizen(SubjectInput holder) {
        return Caller.acting(holder.id(), null, Role.CITIZEN);
    }
}
