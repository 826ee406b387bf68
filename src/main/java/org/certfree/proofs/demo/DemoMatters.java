package org.certfree.proofs.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.catalog.IssuanceChannel;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.ReplacementWay;
import org.certfree.proofs.catalog.Scenario;
import org.certfree.proofs.catalog.TimeLimitKind;
import org.certfree.proofs.catalog.dto.CancelledFields;
import org.certfree.proofs.catalog.dto.CommitmentTemplate;
import org.certfree.proofs.catalog.dto.LegalBasis;
import org.certfree.proofs.catalog.dto.MatterInput;
import org.certfree.proofs.catalog.dto.NotifyCommitFields;
import org.certfree.proofs.catalog.dto.PledgeField;
import org.certfree.proofs.catalog.dto.RetainedFields;
import org.certfree.proofs.catalog.dto.TimeLimit;
import org.certfree.proofs.common.Uscc;
import org.certfree.proofs.department.DepartmentKind;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.dto.DepartmentInput;

/**
 * The demo lists' content: the departments they need beyond the core demo departments, and 35 proof
 * matters of the kinds the seed names (身份、资产、工作证明; 出生、教育、工作、养老、就医; 企业开办、经营) —
 * retained, cancelled and notify-and-commit — with their legal bases. Data only; {@link ListDemoData}
 * drafts, reviews and publishes them.
 */
final class DemoMatters {

    private DemoMatters() {
    }

    // --- the departments the lists need beyond the core demo departments

    static final List<DepartmentInput> EXTRA_DEPARTMENTS = List.of(
            extra("BZWJW", "巴音郭楞蒙古自治州卫生健康委员会", "MB1A0011", "库尔勒市人民东路", "0996-2023120"),
            extra("BZJYJ", "巴音郭楞蒙古自治州教育局", "MB1A0012", "库尔勒市建国北路", "0996-2025678"),
            extra("BZYBJ", "巴音郭楞蒙古自治州医疗保障局", "MB1A0013", "库尔勒市石化大道", "0996-12393"));

    private static DepartmentInput extra(String code, String name, String orgBody, String address, String phone) {
        return new DepartmentInput(code, name, DepartmentKind.GOVERNMENT_DEPARTMENT, Uscc.complete("11652800" + orgBody),
                DemoData.BAZHOU, null, new TreeSet<>(EnumSet.of(DepartmentRole.ISSUER, DepartmentRole.USING_UNIT)),
                address, phone, true, null);
    }

    // --- the matters

    static final List<MatterInput> MATTERS = new ArrayList<>();

    static {
        // 保留: 法有规定, issued and verified online by the department
        retained("BZGAJ-R001", "BZGAJ", "户籍证明", "证明户籍登记事项（姓名、出生日期、户籍地址等）及户籍变动情况。",
                List.of(Scenario.BIRTH, Scenario.SCHOOL_ENROLMENT, Scenario.HOUSEHOLD_REGISTRATION, Scenario.HOUSING),
                List.of(law("《中华人民共和国户口登记条例》", "第三条"), law("《中华人民共和国户口登记条例》", "第十七条")),
                IssuanceChannel.ONLINE_AND_WINDOW, null, 90, true);
        retained("BZGAJ-R002", "BZGAJ", "无犯罪记录证明", "用于就业、招聘、出国（境）等需证明本人无犯罪记录的情形。",
                List.of(Scenario.EMPLOYMENT, Scenario.RECRUITMENT, Scenario.EDUCATION),
                List.of(law("《公安机关办理犯罪记录查询工作规定》", "第二条"), law("《公安机关办理犯罪记录查询工作规定》", "第九条")),
                IssuanceChannel.ONLINE_AND_WINDOW, 3, 90, true);
        retained("BZGAJ-R003", "BZGAJ", "居住证", "证明在居住地居住满半年并符合有合法稳定就业、合法稳定住所或连续就读条件之一。",
                List.of(Scenario.HOUSING, Scenario.SCHOOL_ENROLMENT, Scenario.EMPLOYMENT),
                List.of(law("《居住证暂行条例》", "第二条"), law("《居住证暂行条例》", "第九条")),
                IssuanceChannel.WINDOW, 15, 365, true);
        retained("BZMZJ-R001", "BZMZJ", "婚姻登记记录证明", "证明当事人在婚姻登记机关的结婚、离婚登记记录。",
                List.of(Scenario.MARRIAGE_FAMILY, Scenario.HOUSING),
                List.of(law("《婚姻登记条例》", "第二条"), law("《婚姻登记档案管理办法》", "第十八条")),
                IssuanceChannel.ONLINE_AND_WINDOW, null, 90, true);
        retained("BZMZJ-R002", "BZMZJ", "最低生活保障家庭证明", "证明申请人家庭已纳入城乡居民最低生活保障范围。",
                List.of(Scenario.SOCIAL_ASSISTANCE, Scenario.SCHOOL_ENROLMENT, Scenario.MEDICAL_CARE),
                List.of(law("《社会救助暂行办法》", "第九条"), law("《社会救助暂行办法》", "第十一条")),
                IssuanceChannel.ONLINE, null, 180, true);
        retained("BZRSJ-R001", "BZRSJ", "社会保险参保缴费证明", "证明参保人参加基本养老、医疗、失业等社会保险及缴费记录。",
                List.of(Scenario.EMPLOYMENT, Scenario.HOUSING, Scenario.SCHOOL_ENROLMENT, Scenario.ELDERLY_CARE),
                List.of(law("《中华人民共和国社会保险法》", "第七十四条")),
                IssuanceChannel.ONLINE, null, 30, true);
        retained("BZRSJ-R002", "BZRSJ", "离退休人员身份证明", "证明当事人已办理退休手续并按月领取基本养老金。",
                List.of(Scenario.RETIREMENT, Scenario.ELDERLY_CARE, Scenario.TRANSPORT),
                List.of(law("《国务院关于工人退休、退职的暂行办法》", "第一条"), law("《中华人民共和国社会保险法》", "第十六条")),
                IssuanceChannel.ONLINE_AND_WINDOW, null, 365, true);
        retained("BZSWJ-R001", "BZSWJ", "纳税证明", "证明纳税人在一定期间内已缴纳的税款情况（完税证明）。",
                List.of(Scenario.BUSINESS_OPERATION, Scenario.HOUSING, Scenario.INVESTMENT),
                List.of(law("《中华人民共和国税收征收管理法》", "第三十四条"), law("《中华人民共和国税收征收管理法实施细则》", "第四十五条")),
                IssuanceChannel.ONLINE, null, 90, true);
        retained("BZSCJGJ-R001", "BZSCJGJ", "市场主体登记档案查询证明", "证明企业等市场主体的登记事项及变更、注销记录。",
                List.of(Scenario.BUSINESS_OPERATION, Scenario.CONTRACT, Scenario.INVESTMENT, Scenario.BUSINESS_EXIT),
                List.of(law("《中华人民共和国市场主体登记管理条例》", "第三十五条")),
                IssuanceChannel.ONLINE_AND_WINDOW, null, 90, true);
        retained("BZZJJ-R001", "BZZJJ", "房屋租赁登记备案证明", "证明房屋租赁合同已办理登记备案。",
                List.of(Scenario.HOUSING, Scenario.SCHOOL_ENROLMENT, Scenario.HOUSEHOLD_REGISTRATION),
                List.of(law("《商品房屋租赁管理办法》", "第十四条"), law("《商品房屋租赁管理办法》", "第十九条")),
                IssuanceChannel.WINDOW, 3, 180, false);
        retained("BZWJW-R001", "BZWJW", "出生医学证明", "证明新生儿出生时间、地点、父母等信息，用于办理出生登记（落户）。",
                List.of(Scenario.BIRTH, Scenario.HOUSEHOLD_REGISTRATION, Scenario.SCHOOL_ENROLMENT, Scenario.MEDICAL_CARE),
                List.of(law("《中华人民共和国母婴保健法》", "第二十三条"), law("《中华人民共和国母婴保健法实施办法》", "第三十二条")),
                IssuanceChannel.WINDOW, 5, 3650, true);
        retained("BZJYJ-R001", "BZJYJ", "学籍证明", "证明学生在校学籍及就读年级。",
                List.of(Scenario.EDUCATION, Scenario.SCHOOL_ENROLMENT),
                List.of(law("《中华人民共和国义务教育法》", "第十二条"), law("《中小学生学籍管理办法》", "第四条")),
                IssuanceChannel.ONLINE_AND_WINDOW, null, 180, true);

        // 取消: 法无规定一律取消
        cancelled("BZGAJ-C001", "BZGAJ", "亲属关系证明", List.of(Scenario.MARRIAGE_FAMILY, Scenario.SOCIAL_ASSISTANCE, Scenario.ELDERLY_CARE),
                ReplacementWay.DATA_SHARING, "办理单位通过人口信息共享查询申请人与亲属的关系，不再要求申请人到派出所开具证明。", "全国人口基础信息库");
        cancelled("BZGAJ-C002", "BZGAJ", "居民身份证遗失证明", List.of(Scenario.CONTRACT, Scenario.TRANSPORT),
                ReplacementWay.DIRECT_CANCELLATION, "直接取消。申请人办理临时身份证或补领居民身份证即可，办理单位不再索要遗失证明。", null);
        cancelled("BZGAJ-C003", "BZGAJ", "户口迁移证明（准予迁入证明）", List.of(Scenario.HOUSEHOLD_REGISTRATION, Scenario.EMPLOYMENT),
                ReplacementWay.ONLINE_VERIFICATION, "实行户口迁移“一站式”办理，迁入地公安机关在线核验迁出地信息，申请人无需往返开具证明。", null);
        cancelled("BZMZJ-C001", "BZMZJ", "未婚证明（无婚姻登记记录证明）", List.of(Scenario.EMPLOYMENT, Scenario.HOUSING, Scenario.BIRTH),
                ReplacementWay.DATA_SHARING, "办理单位通过婚姻登记信息共享核查申请人婚姻状况。", "全国婚姻登记信息系统");
        cancelled("BZRSJ-C001", "BZRSJ", "工作经历证明", List.of(Scenario.EMPLOYMENT, Scenario.RECRUITMENT, Scenario.RETIREMENT),
                ReplacementWay.DATA_SHARING, "办理单位依据社会保险参保缴费记录和劳动用工备案信息核实工作经历。", "社会保险参保缴费信息及劳动用工备案信息");
        cancelled("BZRSJ-C002", "BZRSJ", "失业证明", List.of(Scenario.EMPLOYMENT, Scenario.SOCIAL_ASSISTANCE),
                ReplacementWay.DATA_SHARING, "办理单位通过就业失业登记信息系统查询申请人失业登记状态。", "就业失业登记信息系统");
        cancelled("BZRSJ-C003", "BZRSJ", "生存证明（养老金领取资格认证）", List.of(Scenario.RETIREMENT, Scenario.ELDERLY_CARE),
                ReplacementWay.ONLINE_VERIFICATION, "养老金领取资格通过手机人脸识别认证或大数据比对完成，不再要求退休人员提交生存证明。", null);
        cancelled("BZSCJGJ-C001", "BZSCJGJ", "企业名称预先核准证明", List.of(Scenario.BUSINESS_STARTUP),
                ReplacementWay.DIRECT_CANCELLATION, "实行企业名称自主申报，登记机关在线比对，不再出具名称预先核准证明。", null);
        cancelled("BZSWJ-C001", "BZSWJ", "无欠税证明", List.of(Scenario.BUSINESS_OPERATION, Scenario.INVESTMENT, Scenario.BUSINESS_EXIT),
                ReplacementWay.DATA_SHARING, "办理单位通过税务信息共享查询纳税人欠税情况。", "金税工程涉税信息共享平台");
        cancelled("BZZJJ-C001", "BZZJJ", "无房证明", List.of(Scenario.HOUSING, Scenario.SOCIAL_ASSISTANCE),
                ReplacementWay.DATA_SHARING, "办理单位通过不动产登记信息共享查询申请人及家庭成员名下住房情况。", "不动产登记信息管理基础平台");
        cancelled("BZJYJ-C001", "BZJYJ", "在校学生证明", List.of(Scenario.EDUCATION, Scenario.MEDICAL_CARE, Scenario.TRANSPORT),
                ReplacementWay.DATA_SHARING, "办理单位通过学籍信息共享核验学生在读状态。", "全国中小学生学籍信息管理系统");
        cancelled("BZYBJ-C001", "BZYBJ", "异地就医备案证明", List.of(Scenario.MEDICAL_CARE, Scenario.ELDERLY_CARE),
                ReplacementWay.ONLINE_VERIFICATION, "参保人通过国家医保服务平台线上备案，就医地医疗机构在线核验备案信息。", null);

        // 告知承诺: the pledge replaces the proof
        notifyCommit("BZSCJGJ-N001", "BZSCJGJ", "住所（经营场所）使用证明", List.of(Scenario.BUSINESS_STARTUP, Scenario.BUSINESS_OPERATION),
                "申请人应当对其住所（经营场所）享有合法使用权。", "本人（本单位）承诺：所申报的住所（经营场所）真实存在，已依法取得使用权，且符合规划和安全要求。",
                "承诺不实的，登记机关依照《中华人民共和国市场主体登记管理条例》第四十四条予以处罚，并将失信信息记入信用记录。",
                CheckMethod.ON_SITE_INSPECTION, 30, fields(f("address", "住所（经营场所）地址", true), f("useRight", "使用权类型（自有、租赁或无偿使用）", true)), null, null);
        notifyCommit("BZSCJGJ-N002", "BZSCJGJ", "食品经营场所周边环境证明", List.of(Scenario.BUSINESS_OPERATION),
                "申请人经营场所应当距离粪坑、污水池、垃圾场等污染源25米以上。", "本人承诺经营场所周边无污染源，符合食品安全要求。",
                "承诺不实的，依法撤销食品经营许可，五年内不受理其许可申请，并依法追究责任。", CheckMethod.ON_SITE_INSPECTION, 20, fields(f("address", "经营场所地址", true)), 30, null);
        notifyCommit("BZGAJ-N001", "BZGAJ", "投靠落户亲属关系证明", List.of(Scenario.HOUSEHOLD_REGISTRATION, Scenario.ELDERLY_CARE),
                "申请投靠落户的，申请人与被投靠人应当具有夫妻、父母子女等亲属关系。", "本人承诺与被投靠人的亲属关系真实。",
                "承诺不实的，撤销户口登记，并依照《中华人民共和国治安管理处罚法》予以处罚。", CheckMethod.ASSISTED, 15, fields(f("relative", "被投靠人姓名", true), f("relationship", "与被投靠人的关系", true)), null, "BZMZJ");
        notifyCommit("BZRSJ-N001", "BZRSJ", "就业困难人员家庭收入证明", List.of(Scenario.EMPLOYMENT, Scenario.SOCIAL_ASSISTANCE),
                "申请认定就业困难人员的，家庭人均收入应当低于当地规定标准。", "本人承诺家庭成员及收入情况申报真实完整。",
                "承诺不实的，取消认定，追回已享受的补贴，并记入个人信用记录。", CheckMethod.DATA_SHARING, 30, fields(f("householdSize", "家庭人口数", true), f("monthlyIncome", "家庭月人均收入（元）", true)), null, null);
        notifyCommit("BZSFJ-N001", "BZSFJ", "法律援助经济困难证明", List.of(Scenario.SOCIAL_ASSISTANCE),
                "申请法律援助的，申请人应当符合经济困难标准（《中华人民共和国法律援助法》第四十一条）。",
                "本人承诺家庭经济状况符合法律援助经济困难标准，所填信息真实。",
                "承诺不实的，终止法律援助，由受援人支付已发生的费用，并依法追究责任。", CheckMethod.WRITTEN_INQUIRY, 30, fields(f("monthlyIncome", "家庭月人均收入（元）", true)), null, null);
        notifyCommit("BZJYJ-N001", "BZJYJ", "教师资格认定思想品德鉴定证明", List.of(Scenario.EDUCATION, Scenario.RECRUITMENT),
                "申请认定教师资格的，申请人应当遵守宪法和法律，具有良好的思想品德。", "本人承诺遵守宪法和法律，无违法犯罪记录，品行良好。",
                "承诺不实的，撤销教师资格，五年内不得重新申请认定。", CheckMethod.ONLINE_VERIFICATION, 30, fields(), null, null);
        notifyCommit("BZZJJ-N001", "BZZJJ", "建筑业企业技术负责人业绩证明", List.of(Scenario.BUSINESS_OPERATION, Scenario.INVESTMENT),
                "申请建筑业企业资质的，技术负责人应当具有相应工程业绩。", "本企业承诺所申报的技术负责人工程业绩真实。",
                "承诺不实的，撤销资质，一年内不得再次申请，并记入建筑市场信用记录。", CheckMethod.RANDOM_SAMPLING, 60, fields(f("engineer", "技术负责人姓名", true), f("projects", "代表工程业绩", true)), 10, null);
        notifyCommit("BZMZJ-N001", "BZMZJ", "社会组织住所使用证明", List.of(Scenario.BUSINESS_STARTUP),
                "申请登记社会组织的，应当有固定的住所。", "本组织承诺所申报的住所真实、合法，已取得使用权。",
                "承诺不实的，依照《社会团体登记管理条例》撤销登记。", CheckMethod.ON_SITE_INSPECTION, 30, fields(f("address", "住所地址", true)), null, null);
        notifyCommit("BZYBJ-N001", "BZYBJ", "异地长期居住证明", List.of(Scenario.MEDICAL_CARE, Scenario.ELDERLY_CARE, Scenario.RETIREMENT),
                "办理异地长期居住人员备案的，参保人应当在备案地长期居住。", "本人承诺在备案地长期居住，所报信息真实。",
                "承诺不实的，撤销备案，追回违规报销的医疗费用。", CheckMethod.DATA_SHARING, 30, fields(f("residence", "长期居住地址", true), f("since", "居住起始年月", false)), null, null);
        notifyCommit("BZWJW-N001", "BZWJW", "医疗机构执业登记房屋产权证明", List.of(Scenario.BUSINESS_STARTUP, Scenario.MEDICAL_CARE),
                "申请医疗机构执业登记的，应当具有与执业相适应的业务用房。", "本单位承诺业务用房产权清晰或已依法租用，符合医疗机构基本标准。",
                "承诺不实的，不予登记或撤销登记，并依法予以处罚。", CheckMethod.ON_SITE_INSPECTION, 30, fields(f("address", "业务用房地址", true), f("area", "建筑面积（平方米）", false)), 50, null);
        retained("BZSWJ-R002", "BZSWJ", "个人所得税纳税记录", "证明个人在一定期间内的收入及个人所得税缴纳情况。",
                List.of(Scenario.HOUSING, Scenario.SCHOOL_ENROLMENT, Scenario.EMPLOYMENT),
                List.of(law("《中华人民共和国个人所得税法》", "第十条"), law("《中华人民共和国税收征收管理法》", "第三十四条")),
                IssuanceChannel.ONLINE, null, 90, true);
    }

    private static LegalBasis law(String law, String article) {
        return new LegalBasis(law, article);
    }

    private static TreeSet<Scenario> scenarios(List<Scenario> list) {
        return new TreeSet<>(list);
    }

    private static void retained(String code, String dept, String name, String description, List<Scenario> scenarios,
            List<LegalBasis> bases, IssuanceChannel channel, Integer workingDays, int validityDays, boolean electronic) {
        TimeLimit limit = workingDays == null ? new TimeLimit(TimeLimitKind.IMMEDIATE, null)
                : new TimeLimit(TimeLimitKind.WORKING_DAYS, workingDays);
        MATTERS.add(new MatterInput(code, ListKind.RETAINED, dept, name, description, scenarios(scenarios),
                new RetainedFields(bases, channel, limit, validityDays, electronic), null, null, null));
    }

    private static void cancelled(String code, String dept, String name, List<Scenario> scenarios, ReplacementWay way,
            String instead, String source) {
        MATTERS.add(new MatterInput(code, ListKind.CANCELLED, dept, name, null, scenarios(scenarios), null,
                new CancelledFields(way, instead, source), null, null));
    }

    private static void notifyCommit(String code, String dept, String name, List<Scenario> scenarios, String obligation,
            String content, String liability, CheckMethod method, int days, List<PledgeField> fields, Integer ratio,
            String assisting) {
        MATTERS.add(new MatterInput(code, ListKind.NOTIFY_COMMIT, dept, name, null, scenarios(scenarios), null, null,
                new NotifyCommitFields(new CommitmentTemplate(obligation, content, liability), method, days, null, fields, ratio,
                        assisting), null));
    }

    private static List<PledgeField> fields(PledgeField... fields) {
        return List.of(fields);
    }

    private static PledgeField f(String name, String label, boolean required) {
        return new PledgeField(name, label, required);
    }

    /** Codes of every demo matter, for tests. */
    static List<String> codes() {
        return MATTERS.stream().map(MatterInput::code).collect(Collectors.toList());
    }
}
