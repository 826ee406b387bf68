package org.certfree.proofs.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.Uscc;
import org.certfree.proofs.consent.ConsentService;
import org.certfree.proofs.consent.UsageListService;
import org.certfree.proofs.consent.dto.ConsentInput;
import org.certfree.proofs.consent.dto.UsageEntryInput;
import org.certfree.proofs.proof.DirectIssuance;
import org.certfree.proofs.proof.IssuanceService;
import org.certfree.proofs.proof.ProofQueries;
import org.certfree.proofs.proof.ProofRequestService;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.RevocationReason;
import org.certfree.proofs.proof.SubjectKind;
import org.certfree.proofs.proof.SubjectRecords;
import org.certfree.proofs.proof.dto.CreateProofRequest;
import org.certfree.proofs.proof.dto.IssueProofRequest;
import org.certfree.proofs.proof.dto.ProofRequestView;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.proof.dto.ReissueRequest;
import org.certfree.proofs.proof.dto.RevokeRequest;
import org.certfree.proofs.proof.dto.SubjectInput;
import org.certfree.proofs.proof.dto.SubjectRecordInput;
import org.certfree.proofs.publication.PublishedLists;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.certfree.proofs.verification.VerificationService;
import org.certfree.proofs.verification.dto.VerifyRequest;
import org.jboss.logging.Logger;

/**
 * Demo proofs on the published demo lists: valid, revoked, corrected (superseded) and immediate
 * proofs, requests waiting for an issuer (one of them overdue), the 用证清单 of the two service
 * windows, a holder's consent, and window verifications in the holders' access logs.
 *
 * <p>Everything goes through the real services with the demo departments' staff as callers. Seeded
 * once: when any proof issued by a demo user exists, nothing is added.
 */
@ApplicationScoped
public class ProofDemoData {

    private static final Logger LOG = Logger.getLogger(ProofDemoData.class);

    static final String KORLA_WINDOW = "KELSZWZX";
    static final String LUNTAI_WINDOW = "LTXZWZX";

    /** Demo holders: resident IDs with valid check characters (Korla / Luntai division codes). */
    static final SubjectInput ZHANG = person("张伟", "65280119900315123");
    static final SubjectInput LI = person("李娜", "65280119850722242");
    static final SubjectInput WANG = person("王芳", "65282219950108306");
    static final SubjectInput AHMAT = person("艾合买提·买买提", "65280119780930451");
    static final SubjectInput COMPANY = new SubjectInput(SubjectKind.ENTERPRISE, "巴州孔雀河商贸有限公司",
            Uscc.complete("91652801MA7XQ3L2"));

    /** The demo holders who are persons (README lists them): whose data must never be stored or logged in clear. */
    public static List<SubjectInput> personHolders() {
        return List.of(ZHANG, LI, WANG, AHMAT);
    }

    @Inject
    IssuanceService proofs;

    @Inject
    DirectIssuance direct;

    @Inject
    ProofRequestService requests;

    @Inject
    ProofQueries queries;

    @Inject
    SubjectRecords records;

    @Inject
    PublishedLists lists;

    @Inject
    EntityManager em;

    @Inject
    UsageListService usage;

    @Inject
    ConsentService consents;

    @Inject
    VerificationService verifications;

    @Inject
    Clock clock;

    /** Seeds the demo proofs once; a failure is logged, never fatal. Returns how many proofs were issued. */
    @ActivateRequestContext
    public int seed() {
        try {
            // All or nothing, in one transaction: after a failure the next start tries again.
            return QuarkusTransaction.requiringNew().call(() -> queries.anyIssuedBy("demo-") ? 0 : seedProofs());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Demo proofs could not be seeded: %s", e.getMessage());
            return 0;
        }
    }

    /**
     * The citizen-page address of the demo household proof under {@code baseUrl} ("" gives the path), for the
     * start-up message. Read as its holder: the issuer's list shows codes masked, and a read by the issuer
     * would be in the holder's access log.
     */
    @ActivateRequestContext
    public Optional<String> statusPageOfADemoProof(String baseUrl) {
        return QuarkusTransaction.requiringNew().call(() -> queries.list(Caller.acting(ZHANG.id(), null, Role.CITIZEN),
                "BZGAJ-R001", ProofStatus.VALID, null, null, PageRequest.of(0, 1)).items().stream().findFirst())
                .map(p -> baseUrl.replaceAll("/+$", "") + "/verify?n=" + p.number() + "&c=" + p.verificationCode());
    }

    private int seedProofs() {
        usageList();
        int issued = 0;

        // 户籍证明, valid, verified by the Korla window (with the holder's consent to retrieve it).
        ProofView household = issue("BZGAJ", "BZGAJ-R001", ZHANG, claims("户籍地址", "新疆库尔勒市人民东路街道团结社区 12 栋 2 单元 301 室",
                "户主姓名", "张伟", "与户主关系", "户主", "民族", "汉族"), "办理子女义务教育入学");
        issued++;
        // (the holder lets the window see their name and address only: not the ID, nor the other claims)
        consents.grant(new ConsentInput(KORLA_WINDOW, "BZGAJ-R001", "办理子女义务教育入学", clock.instant().plus(Duration.ofDays(90)),
                List.of("subject.name", "claims.户籍地址")), citizen(ZHANG));
        // (the purpose the holder consented to: only that purpose may retrieve)
        verify(KORLA_WINDOW, new VerifyRequest(household.jwsCompact(), null, null, null, "办理子女义务教育入学", "义务教育入学登记",
                ZHANG.id(), true));

        // 无犯罪记录证明, issued at once from the department's own data when the citizen asks.
        Caller gaj = issuer("BZGAJ");
        records.put("BZGAJ-R002", new SubjectRecordInput(ZHANG, claims("查询结果", "未发现有犯罪记录", "查询范围", "全国违法犯罪人员信息资源库")), gaj);
        ProofRequestView immediate = requests.request(new CreateProofRequest("BZGAJ-R002", ZHANG, "应聘教师岗位", null), citizen(ZHANG));
        if (immediate.proofNumber() != null) {
            issued++;
        }

        // 社会保险参保缴费证明, revoked after the contribution record was corrected.
        ProofView insurance = issue("BZRSJ", "BZRSJ-R001", LI, claims("参保险种", "企业职工基本养老保险、职工基本医疗保险、失业保险",
                "参保单位", "巴州孔雀河商贸有限公司", "累计缴费月数", "156"), "办理购房资格审核");
        issued++;
        verify(KORLA_WINDOW, new VerifyRequest(null, null, insurance.number(), insurance.verificationCode(), "核验参保情况",
                "商品房购房资格审核", null, false));
        proofs.revoke(insurance.number(), new RevokeRequest(RevocationReason.DATA_CHANGED, "2026 年补缴记录入账后累计缴费月数变化"),
                issuer("BZRSJ"));
        verify(KORLA_WINDOW, new VerifyRequest(null, null, insurance.number(), insurance.verificationCode(), "核验参保情况",
                "商品房购房资格审核", null, false));

        // 婚姻登记记录证明, corrected by a re-issue: the first one is superseded by the second.
        ProofView marriage = issue("BZMZJ", "BZMZJ-R001", LI, claims("婚姻登记记录", "2012年5月20日在库尔勒市民政局登记结婚",
                "配偶姓名", "刘强"), "办理不动产登记");
        issued++;
        proofs.reissue(marriage.number(), new ReissueRequest(null, claims("婚姻登记记录", "2012年5月20日在库尔勒市民政局登记结婚",
                "配偶姓名", "刘强", "登记证字号", "J652801-2012-001234"), "补充登记证字号", null), issuer("BZMZJ"));
        issued++;

        // 离退休人员身份证明 and an enterprise's 纳税证明.
        issue("BZRSJ", "BZRSJ-R002", AHMAT, claims("退休时间", "2023年10月", "原工作单位", "巴州农业机械公司", "养老金发放状态", "正常发放"),
                "办理老年人优待证");
        issued++;
        ProofView tax = issue("BZSWJ", "BZSWJ-R001", COMPANY, claims("所属期间", "2025年1月至2025年12月", "已缴税款合计", "386,420.15 元",
                "欠税情况", "无"), "参加政府采购投标");
        issued++;
        verify(LUNTAI_WINDOW, new VerifyRequest(tax.jwsCompact(), null, null, null, "核验纳税情况", "政府采购供应商资格审查", null, false));

        // Requests waiting for an issuer: 居住证 asked 25 days ago (overdue by now, when the lists were
        // published back then) and one asked today.
        Instant weeksAgo = clock.instant().minus(Duration.ofDays(25));
        requests.request(new CreateProofRequest("BZGAJ-R003", WANG, "办理居住证（随迁子女入学）", null), citizen(WANG),
                lists.retained("BZGAJ-R003", weeksAgo) ? weeksAgo : clock.instant());
        requests.request(new CreateProofRequest("BZWJW-R001", WANG, "办理新生儿出生登记", null), citizen(WANG));

        // never the holders' identifiers or names: README lists them for whoever wants to log in as one
        LOG.infof("Demo proofs: %d issued (valid, revoked, superseded, immediate), 2 requests pending, for %d demo holders"
                + " (README lists them)", issued, personHolders().size());
        return issued;
    }

    private void usageList() {
        List<UsageEntryInput> entries = List.of(
                new UsageEntryInput(KORLA_WINDOW, "义务教育入学登记", "巴州义务教育招生入学服务平台", "BZGAJ-R001"),
                new UsageEntryInput(KORLA_WINDOW, "就业登记", "新疆公共就业服务平台", "BZGAJ-R002"),
                new UsageEntryInput(KORLA_WINDOW, "商品房购房资格审核", "巴州房地产交易管理系统", "BZRSJ-R001"),
                new UsageEntryInput(KORLA_WINDOW, "不动产登记", "巴州不动产登记信息管理平台", "BZMZJ-R001"),
                new UsageEntryInput(KORLA_WINDOW, "老年人优待证办理", "巴州民政综合业务系统", "BZRSJ-R002"),
                new UsageEntryInput(LUNTAI_WINDOW, "义务教育入学登记", "巴州义务教育招生入学服务平台", "BZGAJ-R001"),
                new UsageEntryInput(LUNTAI_WINDOW, "政府采购供应商资格审查", "新疆政府采购网", "BZSWJ-R001"));
        for (UsageEntryInput e : entries) {
            if (!usage.allowed(e.unit(), e.proofMatterCode())) {
                usage.add(e, "demo-admin");
            }
        }
    }

    private ProofView issue(String dept, String matter, SubjectInput subject, Map<String, String> claims, String purpose) {
        return direct.issue(new IssueProofRequest(matter, subject, claims, purpose, null), issuer(dept));
    }

    private void verify(String unit, VerifyRequest request) {
        em.flush(); // verification reads with plain JDBC in this transaction: it must see what was issued so far
        verifications.verify(request, Caller.acting("demo-verifier-" + unit.toLowerCase(), unit, Role.VERIFIER));
    }

    private static Caller issuer(String dept) {
        return Caller.acting("demo-issuer-" + dept.toLowerCase(), dept, Role.ISSUER);
    }

    private static Caller citizen(SubjectInput holder) {
        return Caller.acting(holder.id(), null, Role.CITIZEN);
    }

    private static SubjectInput person(String name, String first17) {
        return new SubjectInput(SubjectKind.PERSON, name, first17 + ResidentId.checkCharacter(first17));
    }

    private static Map<String, String> claims(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
