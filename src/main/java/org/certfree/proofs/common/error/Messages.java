package org.certfree.proofs.common.error;

import java.util.List;

/**
 * Every client-facing text, in Chinese, in one place (English titles live in {@link ProblemType}).
 *
 * <p>One file on purpose, although it is long: reviewers and translators read every text a client
 * can see side by side — the same wording for the same thing, the same tone, nothing missed — and a
 * change of wording never needs a search through the code (sigstore/rekor keeps its client-facing
 * errors in one file for the same reason). Constants are grouped by feature; a text used by several
 * features is under "fields several requests share". Bean Validation messages are these constants
 * too ({@code @NotNull(message = Messages.BODY_REQUIRED)}): annotation attributes accept them.
 */
public final class Messages {

    private Messages() {
    }

    // --- every request
    public static final String VALIDATION_FAILED = "请求内容有误，请按 errors 中的说明逐项修改后重试。";
    public static final String MALFORMED_JSON = "请求体不是有效的 JSON：%s。请检查括号、引号和逗号后重试。";
    public static final String WRONG_JSON_FIELD = "字段 %s 的值类型不正确：%s。";
    public static final String NUL_IN_TEXT = "字段 %s 含有空字符（U+0000），无法保存；请去掉后重试。";
    public static final String LONE_SURROGATE_IN_TEXT = "字段 %s 含有无法保存的字符（不成对的 UTF-16 代理项），请检查文字的编码后重试。";
    public static final String TIME_OUT_OF_RANGE = "字段 %s 的时间须在公元 1 年到 9999 年之间。";
    public static final String PARAMETER_UNSTORABLE_TEXT = "参数 %s 含有空字符（U+0000）或不成对的 UTF-16 代理项，请去掉后重试。";
    public static final String PARAMETER_TIME_OUT_OF_RANGE = "参数 %s 的日期须在公元 1 年到 9999 年之间。";
    public static final String PAGE_TOO_FAR = "page × size 不能超过 %d，请缩小查询范围。";
    public static final String UNKNOWN_JSON_FIELD = "请求中含有不认识的字段 %s，请删除后重试。";
    public static final String BODY_REQUIRED = "缺少请求体：请以 JSON 提交内容。";
    public static final String UNAUTHENTICATED = "需要登录：请在 Authorization 头中提供有效的 Bearer 令牌。";
    public static final String TOKEN_INVALID = "令牌无效或已过期，请重新获取令牌。";
    public static final String FORBIDDEN_ROLE = "当前身份无权执行此操作。";
    public static final String FORBIDDEN_DEPARTMENT = "只能处理本部门（%s）的数据，无权操作部门 %s 的数据。";
    public static final String NO_SUCH_PATH = "没有这个地址：%s。请对照 /q/swagger-ui 中的接口说明。";
    public static final String METHOD_NOT_ALLOWED = "该地址不支持 %s 方法。";
    public static final String NOT_ACCEPTABLE = "无法按所要求的格式（Accept）返回，请接受 application/json。";
    public static final String UNSUPPORTED_MEDIA_TYPE = "不支持的内容类型 %s，请以 application/json 提交。";
    public static final String PAYLOAD_TOO_LARGE = "请求体过大（%d 字节），上限为 %d 字节。";
    public static final String CHUNKED_TOO_LARGE = "请求体过大：分块发送的请求体超过了上限 %d 字节。";
    public static final String URI_TOO_LONG = "请求地址过长（%d 个字符），上限为 %d 个字符；请减少查询参数，或改用请求体提交。";
    public static final String HEADERS_TOO_LARGE = "请求头过大（%d 字节），上限为 %d 字节；请删除多余的请求头或缩短 Cookie。";
    public static final String STALE_VERSION = "该记录已被他人修改（您提交的版本 %d，当前版本 %d）。请重新读取后再修改。";
    public static final String CONCURRENT_MODIFICATION = "该记录刚被他人修改，请重新读取后再提交。";
    public static final String IMMUTABLE_ROW = "该记录已定稿，不能修改或删除：已开具证明的签名内容、已审核的事项版本、已发布的批次和核验记录都不可改动。"
            + "如需更正，请撤销或更正证明、起草事项的新版本，或在新的批次中发布。";
    public static final String DB_CONSTRAINT = "与现有记录冲突（可能刚被他人同时创建或修改），请重新读取后再试。";
    public static final String RECEIPT_SIGNER_BUSY = "核验请求过多，回执暂时无法签发，请 1 秒后重试（可带同一 Idempotency-Key）。";
    public static final String INTERNAL = "服务内部错误，请稍后重试；如仍失败，请把关联编号 %s 告知运维人员。";
    public static final String IDEMPOTENCY_KEY_INVALID = "Idempotency-Key 须为 1 到 100 个字母、数字或 - _ . : 字符。";
    public static final String IDEMPOTENCY_KEY_REUSED = "该 Idempotency-Key 已用于另一个不同的请求；新请求请使用新的键。";
    public static final String PARAMETER_UNREADABLE = "参数格式不正确（%s），请对照接口说明填写。";
    public static final String PARAMETER_NOT_ALLOWED = "参数值 %s 不在允许范围内，可选：%s。";
    public static final String PAGE_INVALID = "page 须为不小于 0 的整数。";
    public static final String SIZE_INVALID = "size 须为 1 到 %d 之间的整数。";

    // --- fields several requests share
    public static final String NAME_TOO_LONG = "名称最长 100 字";
    public static final String PURPOSE_REQUIRED = "须填写用途 purpose";
    public static final String PURPOSE_TOO_LONG = "用途最长 200 字";
    public static final String SERVICE_MATTER_TOO_LONG = "办理事项最长 200 字";
    public static final String MATTER_CODE_REQUIRED = "须填写证明事项编码 matterCode";
    public static final String MATTER_CODE_TOO_LONG = "matterCode 最长 64 位";
    public static final String UNIT_REQUIRED = "须填写用证单位 unit";
    public static final String UNIT_TOO_LONG = "unit 最长 32 位";

    // --- department
    public static final String DEPARTMENT_NOT_FOUND = "找不到编码为 %s 的部门或单位。";
    public static final String DEPARTMENT_CODE_TAKEN = "部门编码 %s 已被使用。";
    public static final String DEPARTMENT_USCC_TAKEN = "统一社会信用代码 %s 已登记给部门 %s。";
    public static final String DEPARTMENT_PARENT_UNKNOWN = "上级部门 %s 不存在。";
    public static final String DEPARTMENT_PARENT_SELF = "部门不能以自己为上级部门。";
    public static final String DEPARTMENT_PARENT_CYCLE = "上级部门 %s 是本部门的下级，不能形成循环。";
    public static final String DEPARTMENT_ROLES_EMPTY = "至少选择一种职能：ISSUER（开具单位）、USING_UNIT（用证单位）或 REVIEWER（审核单位）。";
    public static final String DEPARTMENT_BODY_REQUIRED = "缺少请求体：请以 JSON 提交部门信息";
    public static final String DEPARTMENT_CODE_REQUIRED = "须填写部门编码 code";
    public static final String DEPARTMENT_CODE_FORMAT = "编码须以大写字母开头，由大写字母、数字和连字符组成，长 2 到 32 位";
    public static final String DEPARTMENT_CODE_FIXED = "部门编码不能修改（路径中为 %s）";
    public static final String DEPARTMENT_VERSION_REQUIRED = "替换时须带上读取到的版本号 version";
    public static final String DEPARTMENT_NAME_REQUIRED = "名称不能为空";
    public static final String DEPARTMENT_KIND_REQUIRED = "须指定类别 kind";
    public static final String DEPARTMENT_REGION_REQUIRED = "须填写 6 位行政区划代码 regionCode";
    public static final String DEPARTMENT_REGION_FORMAT = "行政区划代码须为 6 位数字";
    public static final String DEPARTMENT_ROLE_NULL = "职能不能为 null";
    public static final String DEPARTMENT_ADDRESS_TOO_LONG = "地址最长 200 字";
    public static final String DEPARTMENT_PHONE_TOO_LONG = "电话最长 40 字";
    public static final String DEPARTMENT_PHONE_FORMAT = "电话只能包含数字、空格和 + - ( )";

    // --- identifiers (GB 32100 credit codes, GB 11643 resident ids)
    public static final String USCC_INVALID = "统一社会信用代码不符合 GB 32100：%s";
    public static final String RESIDENT_ID_INVALID = "公民身份号码不符合 GB 11643：%s";
    public static final String ID_LENGTH_18 = "须为 18 位";
    public static final String ID_CHECK_CHARACTER = "校验码应为 %s";
    public static final String RESIDENT_ID_DIGITS = "前 17 位须为数字";
    public static final String RESIDENT_ID_BIRTH_UNLIKELY = "出生日期 %s 不合理";
    public static final String RESIDENT_ID_BIRTH_INVALID = "第 7 至 14 位不是有效的出生日期";
    public static final String USCC_CHARACTER = "第 %d 位字符 '%s' 不允许（只能是数字和除 I、O、S、V、Z 外的大写字母）";
    public static final String USCC_REGION = "第 3 至 8 位须为行政区划代码（数字）";

    // --- demo (bench floor, development tokens)
    public static final String BENCH_DISABLED = "生产模式下没有基准测试接口。";
    public static final String DEV_TOKENS_DISABLED = "生产模式下没有开发令牌接口，请使用身份认证系统签发的令牌。";
    public static final String DEV_TOKEN_DEPT_REQUIRED = "角色 %s 须指定所属部门 dept。";
    public static final String DEV_TOKEN_DEPT_ROLE = "部门 %s 没有 %s 职能，不能签发角色 %s 的令牌。";
    public static final String DEV_TOKEN_DEPT_INACTIVE = "部门 %s 已停用。";
    public static final String DEV_TOKEN_CITIZEN_NO_DEPT = "CITIZEN（群众/企业）令牌不属于任何部门，请去掉 dept。";
    public static final String DEV_TOKEN_SUBJECT_REQUIRED = "CITIZEN 令牌须提供 subject：公民身份号码或统一社会信用代码。";
    public static final String DEV_TOKEN_SUBJECT_INVALID = "subject 既不是有效的公民身份号码（GB 11643），也不是有效的统一社会信用代码（GB 32100）。";
    public static final String DEV_TOKEN_BODY_REQUIRED = "缺少请求体，例如 {\"role\":\"ISSUER\",\"dept\":\"BZGAJ\"}";
    public static final String DEV_TOKEN_ROLE_REQUIRED = "须指定角色 role：ADMIN、REVIEWER、LIST_EDITOR、ISSUER、VERIFIER 或 CITIZEN";
    public static final String DEV_TOKEN_DEPT_TOO_LONG = "部门编码最长 32 位";
    public static final String DEV_TOKEN_SUBJECT_TOO_LONG = "subject 最长 64 位";
    public static final String DEV_TOKEN_NAME_TOO_LONG = "name 最长 50 字";

    // --- calendar
    public static final String CALENDAR_DAY_NOT_FOUND = "%s 不是日历中登记的节假日或调休日。";
    public static final String CALENDAR_YEAR_INVALID = "请用 year 指定 2000 到 2100 之间的年份，例如 ?year=2025。";
    public static final String CALENDAR_KIND_REQUIRED = "须指定 kind：HOLIDAY 或 WORKDAY";
    public static final String CALENDAR_NAME_REQUIRED = "须填写名称 name";
    public static final String CALENDAR_NAME_TOO_LONG = "名称最长 50 字";
    public static final String CALENDAR_SOURCE_REQUIRED = "须填写依据 source（如国务院办公厅通知文号）";
    public static final String CALENDAR_SOURCE_TOO_LONG = "依据最长 100 字";

    // --- proof
    public static final String MATTER_NOT_ISSUABLE = "证明事项 %s 不在现行保留清单上，不能开具电子证明。";
    public static final String MATTER_NOT_ELECTRONIC = "证明事项“%s”不出具电子证明，请到窗口办理。";
    public static final String MATTER_OF_OTHER_DEPARTMENT = "证明事项“%s”由部门 %s 开具，本部门（%s）无权开具。";
    public static final String ISSUER_INACTIVE = "开具部门 %s 已停用或不是开具单位。";
    public static final String REQUEST_SUBJECT_MISMATCH = "申请中的主体姓名（名称）与开具部门登记的不一致，不能据此开具；请按证件上的姓名（名称）重新申请，或到窗口办理。";
    public static final String REQUEST_ONLY_FOR_SELF = "群众只能为本人申请证明；为他人申请请由用证单位在取得授权后提出。";
    public static final String NOT_A_USING_UNIT = "部门 %s 不是用证单位，不能代为申请证明。";
    public static final String CONSENT_REQUIRED = "用证单位申请证明须提供持证人的授权编号 consentRef。";
    public static final String REQUEST_NOT_FOUND = "找不到开具申请 %s。";
    public static final String REQUEST_FORBIDDEN = "无权查看该开具申请。";
    public static final String REQUEST_ALREADY_DECIDED = "该申请已处理（%s），不能再次处理。";
    public static final String REJECT_REASON_REQUIRED = "不予开具须说明理由 reason。";
    public static final String CONSENT_DISCLOSE_COUNT = "授权的披露项 disclose 须有 1 到 52 项；不填表示全部";
    public static final String CONSENT_DISCLOSE_INVALID = "披露项须为 subject.name（姓名）、subject.id（证件号）或 claims.<证明内容名称>";
    public static final String DUE_DATE_PROVISIONAL = "截止日 %s 为暂定：期间跨入尚未录入节假日安排的年份，只扣除了周末；管理员录入该年安排后，以实际工作日为准。";
    public static final String CLAIMS_REQUIRED = "开具证明须填写证明内容 claims。";
    public static final String VALID_UNTIL_TOO_LATE = "有效期不得超过该事项的默认有效期（%s）。";
    // 统计 (statistics), 监督信号 (signals), 抽查 (inspection draws)
    public static final String STATS_BAD_DATE = "日期 %s 格式不正确，应为 YYYY-MM-DD。";
    public static final String STATS_FROM_AFTER_TO = "起始日期 %s 晚于截止日期 %s。";
    public static final String STATS_PERIOD_TOO_LONG = "统计期间最长 %d 天。";
    public static final String STATS_UNKNOWN_DEPARTMENT = "部门 %s 不存在。";
    public static final String STATS_OWN_DEPARTMENT_ONLY = "开具单位只能查看本部门的统计。";
    public static final String STATS_JUSTICE_ONLY = "只有司法局（审核部门）或管理员可以查看。";
    public static final String DRAW_SIZE_RANGE = "抽查数量须在 %d 到 %d 之间。";
    public static final String DRAW_KIND_REQUIRED = "抽查对象须为 PROOF、PLEDGE 或 VERIFICATION。";
    public static final String DRAW_NOT_FOUND = "抽查记录 %s 不存在。";
    public static final String DRAW_PERIOD_OPEN = "只能抽查已结束的期间：截止日期 to 最晚为 %s（昨天）。";
    public static final String DRAW_NO_SEED = "公示日志尚无签名树头，无法抽查。";
    public static final String VALID_UNTIL_PAST = "有效期须晚于现在。";
    // 批量开具 (bulk issuance jobs)
    public static final String BULK_ISSUE_NDJSON_ONLY = "批量开具作业的请求体须为 NDJSON（Content-Type: application/x-ndjson，每行一个条目），收到的是 %s。";
    public static final String BULK_ISSUE_EMPTY = "作业没有任何条目：请每行提交一条证明的 JSON 对象（NDJSON，Content-Type: application/x-ndjson）。";
    public static final String BULK_ISSUE_TOO_MANY_ITEMS = "一个作业最多 %d 条，本次提交超过上限；本次未保存任何条目，请拆分为多个作业提交。";
    public static final String BULK_ISSUE_BODY_TOO_LARGE = "作业请求体超过 %d 字节上限；本次未保存任何条目，请拆分为多个作业提交。";
    public static final String BULK_ISSUE_LINE_TOO_LONG = "第 %d 行超过 %d 字节：每行只能是一条证明的 JSON 对象。本次未保存任何条目。";
    public static final String BULK_ISSUE_MALFORMED = "作业中有无法读取的行（见 errors，最多列出 %d 行）；本次未保存任何条目，请改正后重新提交整个作业。";
    public static final String BULK_ISSUE_LINE_NOT_JSON = "不是一个 JSON 对象：%s";
    public static final String BULK_ISSUE_ITEM_ID_INVALID = "缺少 itemId 或格式不正确：须为 1 到 100 个字母、数字或 _.:/#- 组成的字符串（本部门系统中的条目编号，不得含姓名、证件号等个人信息）。";
    public static final String BULK_ISSUE_ITEM_ID_REUSED = "itemId %s 已由作业 %s 第 %d 行以不同内容提交；同一 itemId 只对应一份证明。如需更正，请换用新的 itemId（原证明有误的请撤销或更正重开）。";
    public static final String BULK_ISSUE_JOB_NOT_FOUND = "开具作业 %s 不存在，或不属于本部门。";
    public static final String BULK_ISSUE_JOB_ID_INVALID = "开具作业编号 %s 格式不正确，应为 UUID。";
    public static final String BULK_ISSUE_NOT_CANCELLABLE = "开具作业 %s 已%s，不能取消。";
    public static final String BULK_ISSUE_INTERNAL = "开具本条时发生内部错误（已记录）；请以相同 itemId 重新提交本条。";
    public static final String BULK_ISSUE_FIELD_TYPE = "字段 %s 的值类型不正确：请按单份开具（POST /api/v1/proofs）的请求格式填写。";
    public static final String BULK_ISSUE_LINE_UNREADABLE = "本条无法读取：请按单份开具（POST /api/v1/proofs）的请求格式填写。";
    public static final String BULK_ISSUE_BAD_AFTER = "after 须为非负整数：上一次读到的最后一行的 line。";
    public static final String PROOF_NUMBER_INVALID = "证明编号 %s 格式不正确：%s。";
    // 异议 (dispute)
    public static final String DISPUTE_REASON_REQUIRED = "请说明异议理由。";
    public static final String DISPUTE_REASON_TOO_LONG = "异议理由不得超过 2000 个字符。";
    public static final String DISPUTE_NUMBER_REQUIRED = "请填写有异议的证明或告知承诺书编号（proofNumber）。";
    public static final String DISPUTE_DOCUMENT_NOT_FOUND = "找不到编号为 %s 的证明或告知承诺书。";
    public static final String DISPUTE_NOT_VALID = "编号 %s 的文书当前为“%s”，只能对有效的证明或告知承诺书提出异议。";
    public static final String DISPUTE_OPEN_EXISTS = "编号 %s 已有一件待处理的异议，请勿重复提出。";
    public static final String DISPUTE_UPHELD_PROOF_NOTE = "异议 %s 成立（处理说明见该异议）";
    public static final String DISPUTE_UNIT_DISMISSED_BEFORE = "本单位对编号 %s 提出的异议已于 %s 处理完毕（异议不成立），不能再次提出；如仍有异议，请向司法局投诉或申请监督。";
    public static final String DISPUTE_OPEN_FORBIDDEN = "只有证明的持证人本人或用证单位的核验人员可以提出异议。";
    public static final String DISPUTE_NOT_FOUND = "找不到异议 %s。";
    public static final String DISPUTE_ID_INVALID = "异议编号 %s 格式不正确。";
    public static final String DISPUTE_READ_FORBIDDEN = "无权查看此异议。";
    public static final String DISPUTE_LIST_FORBIDDEN = "无权查看异议列表。";
    public static final String DISPUTE_STATUS_INVALID = "异议状态 %s 无效，可选 OPEN、UPHELD、DISMISSED、OVERDUE。";
    public static final String DISPUTE_DECIDE_FORBIDDEN = "只有开具部门（%s）的开具人员可以处理此异议。";
    public static final String DISPUTE_DECIDE_OWN = "提出异议的人不能处理自己的异议。";
    public static final String DISPUTE_NOT_OPEN = "异议 %s 已处理（%s），不能再次处理。";
    public static final String DISPUTE_OUTCOME_REQUIRED = "请选择处理结果（outcome）：DISMISSED、REISSUE 或 REVOKE。";
    public static final String DISPUTE_NOTE_REQUIRED = "请填写处理说明（note）。";
    public static final String DISPUTE_NOTE_TOO_LONG = "处理说明不得超过 2000 个字符。";
    public static final String DISPUTE_REISSUE_CLAIMS = "更正重开（REISSUE）须提供更正后的证明内容（claims）。";
    public static final String DISPUTE_REVOKE_REASON = "撤销（REVOKE）须提供撤销原因（revocationReason）。";
    public static final String DISPUTE_PLEDGE_NO_REISSUE = "告知承诺书是承诺人本人作出的，不能更正重开；异议成立时请选择撤销（REVOKE）。";
    public static final String VERDICT_SUSPENDED = "该证明自 %s 起因异议暂停使用，开具部门处理前不能确认其有效：请稍后再核验或请持证人另行提供。";
    public static final String STATUS_SUSPENDED = "异议处理中，暂停使用";

    public static final String PROOF_NOT_FOUND = "找不到编号为 %s 的证明。";
    public static final String PROOF_IS_A_PLEDGE = "编号 %1$s 是告知承诺书，不是证明：请到 /api/v1/commitments/%1$s 查看。";
    public static final String PLEDGE_NOT_FOUND = "找不到编号为 %s 的告知承诺书。";
    public static final String PROOF_UNDER_DISPUTE = "证明 %s 正在异议处理中（异议 %s）：请通过处理该异议（POST /api/v1/disputes/%2$s/decision）撤销或更正。";
    public static final String COMPLAINT_OWN_DEPARTMENT = "针对本部门的投诉不能由本部门处理（回避）：请由管理员或上级机关处理。";

    // 告知承诺 (commitment): pledges
    public static final String PLEDGE_MATTER_REQUIRED = "须提供告知承诺清单上的证明事项编码 matterCode（最长 48 个字符）";
    public static final String PLEDGE_TEMPLATE_HASH_INVALID = "须提供所阅读的格式文本哈希 templateHash（64 位小写十六进制，见 GET /api/v1/commitment-templates/{matterCode}）";
    public static final String PLEDGE_UNIT_REQUIRED = "须提供接受承诺的用证单位编码 usingUnit（最长 32 个字符）";
    public static final String PLEDGE_SERVICE_MATTER_REQUIRED = "须提供办理事项 serviceMatter";
    public static final String PLEDGE_SERVICE_MATTER_TOO_LONG = "办理事项 serviceMatter 最长 200 字";
    public static final String PLEDGE_PLEDGER_REQUIRED = "须提供承诺人 pledger（类型、姓名或名称、证件号码）";
    public static final String PLEDGE_ACCEPT_REQUIRED = "须确认已阅读格式文本并愿意承担不实承诺的法律后果（accept 为 true）";
    public static final String PLEDGE_WINDOW_NEEDS_ASSISTANCE = "只有群众本人，或用证单位窗口为到场的本人（填写 assistance 身份核验记录）可以作出告知承诺。";
    public static final String PLEDGE_ONLY_AS_ONESELF = "只能以本人（本单位）名义作出告知承诺：pledger.id 须与登录身份一致。";
    public static final String PLEDGE_WINDOW_OTHER_UNIT = "窗口只能为本单位（%s）接受告知承诺：usingUnit 须为本单位。";
    public static final String PLEDGE_MATTER_NOT_LISTED = "证明事项 %s 现不在告知承诺清单上，不能以承诺替代证明：请查看现行清单（GET /api/v1/lists/notify-commit）。";
    public static final String PLEDGE_TEMPLATE_SUPERSEDED = "所阅读的格式文本不是现行版本（可能已更新）：“%s”现行为第 %d 版（批次 %s，哈希 %s，承诺书全文哈希 %s）。请让承诺人阅读现行格式文本后，以其哈希重新提交。";
    public static final String PLEDGE_TEXT_HASH_INVALID = "须提供所阅读的承诺书全文哈希 textHash（64 位小写十六进制，见 GET /api/v1/commitment-templates/{matterCode}）";
    public static final String PLEDGE_REPEATED = "已就“%s”向 %s 作出告知承诺（编号 %s，%s），该承诺仍然有效，无需也不能重复承诺：请出示该承诺书。";
    public static final String PLEDGE_ANSWER_UNKNOWN = "格式文本没有填报项 %s；可填报项：%s";
    public static final String PLEDGE_ANSWER_TOO_LONG = "填报项“%s”最长 500 字";
    public static final String PLEDGE_ANSWER_REQUIRED = "须填报“%s”";
    public static final String VERDICT_PLEDGE_PASSED = "告知承诺书真实有效：由事项所属部门签发，未被认定为不实承诺。";
    public static final String PLEDGE_CHECK_NOT_A_PLEDGE = "告知承诺记录对应的签名文书不是告知承诺书（没有签名的承诺块）";
    public static final String VERDICT_PLEDGE_FALSE = "告知承诺书已撤销：事项所属部门经核查认定为不实承诺，不能再作为办事依据。";
    public static final String VERDICT_PLEDGE_FINDING_WITHDRAWN = "告知承诺书已撤销；其不实承诺认定已经承诺人异议由事项所属部门撤销，不再视为不实承诺。如需办事，请承诺人重新作出承诺。";
    public static final String STATUS_FALSE_FINDING_WITHDRAWN = "不实承诺认定已经异议撤销";
    public static final String DOCUMENT_PLEDGE = "告知承诺书";
    public static final String DOCUMENT_PROOF = "电子证明";
    public static final String PLEDGE_OTHER_UNIT = "该告知承诺书不是向本单位（%s）作出的，只能由接受承诺的用证单位核验。";
    public static final String REVOKE_FALSE_PLEDGE_REASON = "撤销原因 FALSE_PLEDGE（不实承诺）只用于经核查认定不实的告知承诺书，不能用于撤销证明。";
    public static final String BULK_REVOKE_ONE_SELECTOR = "请用且只用一种方式选择要撤销的证明：numbers（证明编号清单）、matter（证明事项和开具日期范围）或 key（签名密钥和起始时间），本次填写了 %d 种。";
    public static final String BULK_REVOKE_NUMBERS_EMPTY = "证明编号清单 numbers 为空：请至少填写一个证明编号。";
    public static final String BULK_REVOKE_TOO_MANY_NUMBERS = "一次最多撤销 %d 个证明编号，本次提交了 %d 个：请分批提交。";
    public static final String BULK_REVOKE_NUMBER_INVALID = "证明编号“%s”不正确：%s";
    public static final String BULK_REVOKE_NUMBERS_INVALID = "有 %d 个证明编号不正确（前 %d 个见 errors），未撤销任何证明：请更正后重新提交。";
    public static final String BULK_REVOKE_OTHER_DEPARTMENT = "清单中有 %d 份证明不是本部门（%s）开具的（如 %s），本部门无权撤销，未撤销任何证明：请从清单中删去这些编号后重新提交。";
    public static final String BULK_REVOKE_MATTER_CODE_REQUIRED = "须填写证明事项编码 matter.code。";
    public static final String BULK_REVOKE_DATES_REQUIRED = "须填写开具日期范围 matter.issuedFrom 和 matter.issuedTo（北京时间的日期，如 2025-01-01，含首尾两天）。";
    public static final String BULK_REVOKE_DATES_INVERTED = "开具日期范围颠倒：issuedFrom（%s）晚于 issuedTo（%s）。";
    public static final String BULK_REVOKE_MATTER_UNKNOWN = "证明事项 %s 不存在：请核对事项编码。";
    public static final String BULK_REVOKE_MATTER_OTHER_DEPARTMENT = "证明事项“%s”由部门 %s 开具，本部门（%s）无权撤销其证明。";
    public static final String BULK_REVOKE_KID_REQUIRED = "须填写签名密钥标识 key.kid（见 GET /api/v1/departments/{code}/keys）。";
    public static final String BULK_REVOKE_KID_UNKNOWN = "签名密钥 %s 不存在：请核对 kid（见 GET /api/v1/departments/{code}/keys）。";
    public static final String BULK_REVOKE_KID_OTHER_DEPARTMENT = "签名密钥 %s 属于部门 %s，本部门（%s）无权撤销其签发的证明。";
    public static final String BULK_REVOKE_FROM_REQUIRED = "须填写起始时刻 key.from（ISO-8601，如 2025-03-01T08:00:00+08:00）：撤销该密钥自此时刻起签发的证明。";
    public static final String BULK_REVOKE_FROM_FUTURE = "起始时刻 key.from（%s）晚于现在（%s），没有可撤销的证明：请核对时间。";
    public static final String BULK_REVOKE_TOO_MANY_PROOFS = "所选范围内的证明超过一次批量撤销的上限 %d 份，未撤销任何证明：请缩小开具日期范围后分批撤销（可先用 preview=true 预览数量）；签名密钥泄露时请由管理员登记泄露（POST /api/v1/departments/{code}/keys/{kid}/compromise），它撤销该密钥此后签发的全部证明。";
    public static final String BULK_REVOKE_NOTE_REQUIRED = "批量撤销须填写说明 note（如撤销依据的文件名称和文号），最长 500 字。";
    public static final String BULK_REVOKE_PREVIEW_INVALID = "preview 只能是 true 或 false。";
    public static final String BULK_REVOKE_NO_DEPARTMENT = "令牌没有限定部门（dept），不能撤销证明：请使用本部门开具人员的令牌。";
    public static final String PLEDGE_NOT_A_USING_UNIT = "%s 不是用证单位，不能接受告知承诺。";
    public static final String PLEDGE_PERIOD_REVERSED = "结束日期 to 不能早于开始日期 from";
    public static final String PLEDGE_FORBIDDEN = "无权查看该告知承诺：仅承诺人本人、事项所属部门（及协查部门）、接受承诺的用证单位、司法局和管理员可以查看。";
    public static final String PLEDGE_RENDERING_FORBIDDEN = "告知承诺书文件和二维码含核验码，仅承诺人本人和事项所属部门（及协查部门）可以下载。";
    public static final String EVIDENCE_NAME_REQUIRED = "须提供证据附件名称 name（最长 100 字）";
    public static final String EVIDENCE_SHA256_INVALID = "证据附件 sha256 须为 64 位小写十六进制";

    // 告知承诺 (commitment): checks, findings, objections
    public static final String CHECK_NOT_FOUND = "核查任务 %s 不存在。";
    public static final String CHECK_LIST_FORBIDDEN = "无权查看核查任务：仅事项所属部门、协查部门、司法局和管理员可以查看。";
    public static final String CHECK_STATUS_INVALID = "status 须为 OPEN、ASSIGNED、RECORDED、CLOSED 或 OVERDUE：%s";
    public static final String CHECK_ASSIGN_FORBIDDEN = "仅核查部门 %s 的工作人员可以分派该核查任务。";
    public static final String CHECK_RECORD_FORBIDDEN = "仅核查部门 %s 的工作人员可以记录核查结论。";
    public static final String CHECK_NOT_ASSIGNEE = "仅被分派的核查人员 %s 可以记录核查结论。";
    public static final String CHECK_REVIEW_FORBIDDEN = "仅事项所属部门 %s 的工作人员可以复核核查结论。";
    public static final String CHECK_REVIEW_OWN_FINDING = "核查人员不得复核本人记录的核查结论（审核分离），请由本部门其他工作人员复核。";
    public static final String CHECK_WRONG_STATE = "核查任务当前状态为%s，不能%s。";
    public static final String CHECK_ASSIGNEE_TOO_LONG = "assignee 最长 128 字";
    public static final String CHECK_RESULT_REQUIRED = "result 须为 CONFIRMED、FALSE 或 NOT_VERIFIABLE";
    public static final String CHECK_FINDINGS_REQUIRED = "findings（核查情况）必填，最长 2000 字";
    public static final String CHECK_EVIDENCE_TOO_MANY = "evidence 最多 20 个附件";
    public static final String CHECK_APPROVE_REQUIRED = "approve 必填（true 确认结论，false 退回重新核查）";
    public static final String CHECK_COMMENT_TOO_LONG = "comment 最长 500 字";
    public static final String CHECK_FALSE_NOTE = "核查认定不实承诺（核查任务 %s）";
    public static final String NOTICE_FOUND_FALSE = "告知承诺 %s（%s，办理事项：%s）经%s核查认定为不实承诺，承诺书已撤销。法律后果：%s";
    public static final String NOTICE_OBJECTION_UPHELD = "告知承诺 %s 的不实承诺认定经承诺人异议已由%s撤销；承诺书仍为已撤销状态。";
    public static final String NOTICE_OBJECTION_DISMISSED = "告知承诺 %s 的承诺人异议经%s审查不成立，不实承诺认定维持。";
    public static final String NOTICE_NOT_FOUND = "通知 %s 不存在。";
    public static final String NOTICE_FORBIDDEN = "仅接受承诺的用证单位可以查看其通知。";
    public static final String OBJECTION_ONLY_HOLDER = "仅承诺人本人可以对不实承诺认定提出异议。";
    public static final String OBJECTION_NOT_FALSE = "告知承诺 %s 当前状态为%s，仅被认定为不实承诺时可以提出异议。";
    public static final String OBJECTION_EXISTS = "告知承诺 %s 已提出过异议（%s），不能重复提出。";
    public static final String OBJECTION_REASON_REQUIRED = "reason（异议理由）必填，最长 500 字";
    public static final String OBJECTION_NOT_OPEN = "告知承诺 %s 没有待处理的异议。";
    public static final String OBJECTION_DECIDE_FORBIDDEN = "仅事项所属部门 %s 的工作人员可以处理异议。";
    public static final String OBJECTION_DECIDE_OWN_FINDING = "参与作出不实认定的人员（被分派的核查人员、记录核查结论的人员、复核人员）不得处理针对该认定的异议（审核分离），请由本部门其他工作人员处理。";
    public static final String OBJECTION_UPHOLD_REQUIRED = "uphold 必填（true 异议成立，false 异议不成立）";
    public static final String OBJECTION_ANSWER_REQUIRED = "answer（答复）必填，最长 500 字";
    public static final String NOTIFY_ASSISTING_DEPARTMENT_TOO_LONG = "协查部门编码 assistingDepartment 最长 32 个字符";

    public static final String PROOF_FORBIDDEN_UNIT = "用证单位 %s 无权查看该证明：只有凭持证人授权（consentRef）申请开具该证明的单位，才能在授权有效期内调取授权范围内的内容。";
    public static final String PROOF_CONSENT_ENDED = "不能调取该证明：%s";
    public static final String PROOF_FORBIDDEN = "无权查看该证明：只有开具部门和证明主体本人可以查看。";
    public static final String PROOF_NOT_REVOCABLE = "证明 %s 当前状态为“%s”，不能撤销或更正。";
    public static final String PROOF_NUMBER_FORMAT = "格式应为 ZM-年份-XXXX-XXXX-XXXX-X";
    public static final String PROOF_NUMBER_CHECK = "校验位不符，请核对是否抄错";
    public static final String SUBJECT_REQUIRED = "须填写证明主体 subject";
    public static final String SUBJECT_KIND_REQUIRED = "须指定主体类别 kind：PERSON 或 ENTERPRISE";
    public static final String SUBJECT_NAME_REQUIRED = "须填写主体姓名或名称 name";
    public static final String SUBJECT_ID_REQUIRED = "须填写证件号码 id：个人为公民身份号码，企业为统一社会信用代码";
    public static final String CLAIMS_FIELD_REQUIRED = "须填写证明内容 claims";
    public static final String CLAIMS_COUNT = "证明内容 claims 须有 1 到 50 项";
    public static final String CLAIMS_TOO_MANY = "证明内容 claims 最多 50 项";
    public static final String CLAIM_NAME_REQUIRED = "字段名不能为空";
    public static final String CLAIM_NAME_TOO_LONG = "字段名最长 64 字";
    public static final String CLAIM_VALUE_REQUIRED = "字段值不能为空";
    public static final String CLAIM_VALUE_TOO_LONG = "字段值最长 1000 字";
    public static final String CONSENT_REF_TOO_LONG = "consentRef 最长 100 位";
    public static final String DECISION_REQUIRED = "须指定 decision：ISSUE 或 REJECT";
    public static final String REJECT_REASON_TOO_LONG = "理由最长 500 字";
    public static final String REVOKE_REASON_REQUIRED = "须指定撤销原因 reason";
    public static final String PROOF_NOTE_TOO_LONG = "说明最长 500 字";
    public static final String REISSUE_CLAIMS_REQUIRED = "须填写更正后的证明内容 claims";
    public static final String REISSUE_NOTE_REQUIRED = "须说明更正原因 note";

    // --- verification
    public static final String STATUS_CHECK_TOO_MANY = "查询过于频繁，请 %d 秒后再试。";
    public static final String STATUS_CODE_LOCKED = "该证明编号的核验码已被输错 %d 次，%d 分钟内不再受理查询；持证人本人可登录查看，或请办事单位核验签名证明文件。";
    public static final String STATUS_CODE_FORMAT = "核验码为 6 位数字，请查看证明上的“核验码”。";
    public static final String STATUS_NO_MATCH = "没有找到与该证明编号和核验码相符的证明，请核对后重试。";
    public static final String VERIFY_ONE_INPUT = "请提供且只提供一种证明形式：jws（签名证明）、qr（二维码内容）或 number + code（编号和核验码）。";
    public static final String UNIT_NOT_ON_USAGE_LIST = "本单位（%s）未列入证明事项“%s”的用证清单，不能核验、申请或调取该证明。";
    public static final String VERDICT_PASSED = "证明真实有效。";
    public static final String VERDICT_DISCLOSURE = "核验未通过：出示的披露项不是开具部门签名的内容（可能被篡改），请持证人重新出示。";
    public static final String VERDICT_FORMAT = "无法识别的证明格式。";
    public static final String VERDICT_SIGNATURE = "签名验证失败：证明内容或签名已被篡改。";
    public static final String VERDICT_UNKNOWN_KEY = "签名密钥不是任何部门公布的密钥。";
    public static final String VERDICT_KEY_COMPROMISED = "签名密钥已在签发前失效（泄露），证明不可信。";
    public static final String VERDICT_NOT_ISSUED = "开具部门没有开具过该证明。";
    public static final String VERDICT_NUMBER_OR_CODE = "编号或核验码不正确，请核对证明上的编号和 6 位核验码。";
    public static final String VERDICT_REVOKED = "证明已被开具部门撤销：%s。";
    public static final String VERDICT_EXPIRED = "证明已过有效期。";
    public static final String VERDICT_SUPERSEDED = "证明已被更正后的证明 %s 替代。";
    public static final String VERDICT_SUBJECT = "证明所载主体与持证人不符。";
    public static final String VERIFY_CODE_LOCKED = "该证明编号的核验码已被输错 %d 次，%d 分钟内不再受理按编号和核验码（含二维码）的核验；请稍后再试，或提交签名证明文件核验。";
    public static final String CONTENT_OTHER_PURPOSE = "持证人授权本单位调取的用途是「%s」，与本次用途「%s」不符，只返回核验结论。";
    public static final String CONTENT_NO_CONSENT = "未取得持证人对本单位调取该证明的有效授权，只返回核验结论。";
    public static final String CONTENT_NOT_PASSED = "证明未通过核验，不调取证明内容：%s";
    public static final String STATUS_LIST_UNKNOWN = "部门 %s 不是开具单位，没有状态列表。";
    public static final String VERIFY_JWS_TOO_LONG = "jws 过长";
    public static final String VERIFY_QR_TOO_LONG = "qr 过长";
    public static final String VERIFY_NUMBER_TOO_LONG = "number 过长";
    public static final String VERIFY_CODE_TOO_LONG = "code 过长";
    public static final String VERIFY_HOLDER_ID_TOO_LONG = "证件号最长 18 位";

    // --- consent (holders' consents, the 用证 list)
    public static final String USAGE_ENTRY_EXISTS = "用证清单中已有这一条（同一单位、同一办理事项、同一证明事项）。";
    public static final String USAGE_MATTER_NOT_RETAINED = "证明事项 %s 不在现行保留清单上：已取消或告知承诺的证明不得再向群众索要，不能列入用证清单。";
    public static final String USAGE_ENTRY_NOT_FOUND = "用证清单中没有编号为 %s 的条目。";
    public static final String CONSENT_NOT_FOUND = "找不到您的授权 %s。";
    public static final String CONSENT_REF_UNKNOWN = "授权编号 %s 不是持证人授予本单位的授权；请持证人在“我的授权”中授权本单位后，使用其授权编号。";
    public static final String CONSENT_OTHER_HOLDER = "授权 %s 不是该证明主体本人授予的，不能用于为其申请证明。";
    public static final String CONSENT_OTHER_MATTER = "授权 %s 针对证明事项 %s，不包括本次申请的事项 %s。";
    public static final String CONSENT_REVOKED = "授权 %s 已于 %s 被持证人撤回。";
    public static final String CONSENT_EXPIRED = "授权 %s 已于 %s 到期。";
    public static final String CONSENT_MATTER_UNKNOWN = "证明事项 %s 不在现行保留清单上，无需也无法授权调取。";
    public static final String CONSENT_EXPIRES_REQUIRED = "须填写授权截止时间 expiresAt";
    public static final String CONSENT_EXPIRES_PAST = "授权截止时间须晚于现在";
    public static final String USAGE_SERVICE_MATTER_REQUIRED = "须填写办理事项 serviceMatter";
    public static final String USAGE_BUSINESS_SYSTEM_REQUIRED = "须填写业务系统 businessSystem";
    public static final String USAGE_BUSINESS_SYSTEM_TOO_LONG = "业务系统最长 200 字";
    public static final String USAGE_PROOF_MATTER_REQUIRED = "须填写所用证明事项 proofMatterCode";
    public static final String USAGE_PROOF_MATTER_TOO_LONG = "proofMatterCode 最长 64 位";

    // --- consent: 代办 (window-assisted service and authorised agents)
    public static final String ASSIST_IDENTITY_CHECK_REQUIRED = "须填写身份核验方式 identityCheck（ID_CARD_READER、FACE_CHECK 或 DOCUMENT）";
    public static final String ASSIST_FORM_REQUIRED = "须填写已签字纸质申请表扫描件的 SHA-256 值 formSha256";
    public static final String ASSIST_FORM_NOT_SHA256 = "formSha256 须为 64 位十六进制的 SHA-256 值";
    public static final String ASSIST_FORM_EMPTY = "formSha256 是空文件的 SHA-256 值：请重新扫描已签字的纸质表格后计算。";
    public static final String ASSIST_ONLY_AT_WINDOW = "只有用证单位办事窗口的工作人员可以代办（填写 assistance）。";
    public static final String ASSIST_REQUIRED = "代持证人办理须填写窗口身份核验信息 assistance（核验方式和已签字表格的 SHA-256 值）。";
    public static final String ASSIST_HOLDER_REQUIRED = "窗口代办授权须在 onBehalfOf 中填写持证人的公民身份号码。";
    public static final String ASSIST_HOLDER_MISMATCH = "onBehalfOf 与证明主体的身份号码不一致：代办只能为所代办的持证人本人申请证明。";
    public static final String ASSIST_CONSENT_OWN_UNIT = "窗口代办只能授权本单位（%s）调取，不能代持证人授权其他单位 %s。";
    public static final String ASSIST_UNIT_REQUIRED = "代办窗口须属于用证单位：%s 不是用证单位。";
    public static final String UNIT_CONSENT_NEEDS_ASSISTANCE = "用证单位不能自行取得授权：持证人本人授权，或在窗口代办时填写 assistance。";
    public static final String AGENT_NOT_AUTHORISED = "您没有持证人 %s 的有效代办授权：请持证人到办事窗口办理代办授权登记。";
    public static final String AGENT_NOT_COVERED = "您的代办授权 %s 不包括“%s”。";
    public static final String AGENT_AUTHORISATION_REVOKED = "代办授权 %s 已于 %s 撤销。";
    public static final String AGENT_AUTHORISATION_EXPIRED = "代办授权 %s 已于 %s 到期。";
    public static final String AGENT_AUTHORISATION_NOT_FOUND = "找不到代办授权 %s。";
    public static final String AGENT_AUTHORISATION_EXISTS = "该持证人对该代理人已有有效的代办授权；如需改变范围或期限，请持证人先撤销原授权。";
    public static final String AGENT_IS_HOLDER = "代理人与持证人不能是同一人。";
    public static final String AGENT_HOLDER_REQUIRED = "须填写持证人 holder（姓名和公民身份号码）";
    public static final String AGENT_AGENT_REQUIRED = "须填写代理人 agent（姓名和公民身份号码）";
    public static final String AGENT_PERSON_NAME_REQUIRED = "须填写姓名 name";
    public static final String AGENT_PERSON_ID_REQUIRED = "须填写公民身份号码 id";
    public static final String AGENT_RELATIONSHIP_REQUIRED = "须填写代理人与持证人的关系 relationship";
    public static final String AGENT_BASIS_REQUIRED = "须填写授权依据 basis（HOLDER_PRESENT、SIGNED_FORM 或 NOTARISED_FORM）";
    public static final String AGENT_COVERS_REQUIRED = "须填写授权范围 covers（REQUESTS 和/或 CONSENTS）";
    public static final String AGENT_VALID_UNTIL_REQUIRED = "须填写授权截止时间 validUntil";
    public static final String AGENT_VALID_UNTIL_PAST = "授权截止时间须晚于现在";
    public static final String ON_BEHALF_OF_INVALID = "onBehalfOf 须为持证人的公民身份号码：%s";
    public static final String ON_BEHALF_OF_TOO_LONG = "onBehalfOf 最长 18 位";

    // --- catalog
    public static final String SEARCH_TOO_LONG = "搜索文字 q 最长 %d 字。";
    public static final String SEARCH_TOO_MANY_TERMS = "搜索文字 q 最多包含 %d 个以空格分隔的词。";
    public static final String MATTER_NOT_FOUND = "找不到编码为 %s 的证明事项。";
    public static final String MATTER_VERSION_NOT_FOUND = "证明事项 %s 没有第 %d 版。";
    public static final String MATTER_CODE_TAKEN = "事项编码 %s 已被使用。";
    public static final String MATTER_KIND_REQUIRED = "须指定所属清单 kind：RETAINED（保留）、CANCELLED（取消）或 NOTIFY_COMMIT（告知承诺）。";
    public static final String MATTER_KIND_FIXED = "证明事项 %s 属于%s，所属清单不能修改；如需改列其他清单，请新建事项并申请将本事项移出清单。";
    public static final String MATTER_CODE_FIXED = "事项编码不能修改（路径中为 %s）。";
    public static final String MATTER_DEPARTMENT_FIXED = "证明事项 %s 的开具部门为 %s，不能修改。";
    public static final String MATTER_BLOCK_REQUIRED = "%s的事项须填写 %s。";
    public static final String MATTER_BLOCK_NOT_APPLICABLE = "字段 %s 不适用于%s，请删除。";
    public static final String MATTER_WORKING_DAYS_REQUIRED = "时限为 WORKING_DAYS 时须填写工作日数 workingDays（1–60）。";
    public static final String MATTER_WORKING_DAYS_FORBIDDEN = "时限为 IMMEDIATE（即时开具）时不能填写工作日数 workingDays。";
    public static final String MATTER_SHARED_SOURCE_REQUIRED = "替代方式为 DATA_SHARING（数据共享）时须写明共享数据来源 sharedDataSource。";
    public static final String MATTER_DUPLICATE_LEGAL_BASIS = "设定依据 %s%s 重复。";
    public static final String MATTER_DEPARTMENT_UNKNOWN = "开具部门 %s 不存在或已停用。";
    public static final String MATTER_DEPARTMENT_NOT_ISSUER = "部门 %s 不是开具单位，不能登记证明事项。";
    public static final String MATTER_OPEN_VERSION_EXISTS = "证明事项 %s 已有未完成的第 %d 版（%s），请先修改、提交或撤回该版本，再起草新版本。";
    public static final String MATTER_NOT_EDITABLE = "证明事项 %s 第 %d 版状态为 %s，只有草稿（DRAFT）可以修改；已审核的版本不会被改动，修改请起草新版本。";
    public static final String MATTER_NOT_DRAFT = "证明事项 %s 第 %d 版状态为 %s，只有草稿（DRAFT）可以提交审核。";
    public static final String MATTER_NOT_SUBMITTED = "证明事项 %s 第 %d 版状态为 %s，只有已提交（SUBMITTED）的版本可以%s。";
    public static final String MATTER_VERSION_REQUIRED = "修改草稿须带上读取到的版本号：请求体中的 version 或 If-Match 头。";
    public static final String MATTER_IF_MATCH_INVALID = "If-Match 头须为读取到的版本号，如 \"3\"。";
    public static final String MATTER_REJECT_REASON_REQUIRED = "驳回须说明理由 reason。";
    public static final String MATTER_FOUR_EYES = "证明事项 %s 第 %d 版由您起草或提交，不能由您本人审核；请由司法局的其他审核人员审核（双人复核）。";
    public static final String BATCH_FOUR_EYES = "批次 %s 由您组建或加入了条目，不能由您本人发布；请由司法局的其他审核人员发布（双人复核）。";
    public static final String MATTER_NOT_REVIEWER = "部门 %s 不是审核单位（司法局），不能审核证明事项。";
    public static final String MATTER_REMOVAL_NOTHING_APPROVED = "证明事项 %s 还没有审核通过的版本，无需申请移出；未发布的草稿直接放弃即可。";
    public static final String MATTER_BODY_REQUIRED = "缺少请求体：请以 JSON 提交证明事项内容";
    public static final String MATTER_REMOVAL_BODY_REQUIRED = "缺少请求体：请说明移出理由 reason";
    public static final String MATTER_CODE_FORMAT = "事项编码须以大写字母开头，由大写字母、数字和连字符组成，长 3 到 48 位";
    public static final String MATTER_NAME_REQUIRED = "证明事项名称不能为空";
    public static final String MATTER_NAME_TOO_LONG = "证明事项名称最长 100 字";
    public static final String MATTER_DESCRIPTION_TOO_LONG = "说明最长 1000 字";
    public static final String MATTER_SCENARIOS_REQUIRED = "至少选择一个使用场景 scenarios";
    public static final String MATTER_SCENARIOS_TOO_MANY = "使用场景最多 10 个";
    public static final String MATTER_SCENARIO_NULL = "使用场景不能为 null";
    public static final String MATTER_LEGAL_BASES_REQUIRED = "保留的证明事项须至少有一条设定依据（法律法规及条款）";
    public static final String MATTER_LEGAL_BASES_TOO_MANY = "设定依据最多 10 条";
    public static final String MATTER_LEGAL_BASIS_NULL = "设定依据不能为 null";
    public static final String MATTER_LAW_REQUIRED = "须填写法律法规名称 law";
    public static final String MATTER_LAW_TOO_LONG = "法律法规名称最长 100 字";
    public static final String MATTER_LAW_FORMAT = "法律法规名称须用书名号，如《中华人民共和国户口登记条例》";
    public static final String MATTER_ARTICLE_REQUIRED = "须填写条款 article，如“第十五条”";
    public static final String MATTER_ARTICLE_TOO_LONG = "条款最长 60 字";
    public static final String MATTER_ARTICLE_FORMAT = "条款须以“第…条”开头，如“第十五条第二款”";
    public static final String MATTER_CHANNEL_REQUIRED = "须指定开具渠道 channel：ONLINE、WINDOW 或 ONLINE_AND_WINDOW";
    public static final String MATTER_TIME_LIMIT_REQUIRED = "须填写法定开具时限 timeLimit";
    public static final String MATTER_TIME_LIMIT_KIND_REQUIRED = "须指定时限类型 kind：IMMEDIATE 或 WORKING_DAYS";
    public static final String MATTER_WORKING_DAYS_RANGE = "工作日数须在 1 到 60 之间";
    public static final String MATTER_VALIDITY_REQUIRED = "须填写默认有效期 validityDays（天）";
    public static final String MATTER_VALIDITY_RANGE = "有效期须在 1 到 3650 天之间";
    public static final String MATTER_ELECTRONIC_REQUIRED = "须说明是否开具电子证明 electronic";
    public static final String MATTER_REPLACEMENT_REQUIRED = "须指定替代方式 replacement";
    public static final String MATTER_HANDLING_INSTEAD_REQUIRED = "须说明取消后办理单位如何办理 handlingInstead";
    public static final String MATTER_HANDLING_INSTEAD_LENGTH = "取消后的办理方式须为 5 到 500 字";
    public static final String MATTER_SHARED_SOURCE_TOO_LONG = "共享数据来源最长 200 字";
    public static final String MATTER_COMMITMENT_REQUIRED = "须提供告知承诺书格式文本 commitment";
    public static final String MATTER_PROOF_OBLIGATION_REQUIRED = "须写明证明义务 proofObligation";
    public static final String MATTER_PROOF_OBLIGATION_TOO_LONG = "证明义务最长 500 字";
    public static final String MATTER_PROOF_CONTENT_REQUIRED = "须写明证明内容 proofContent";
    public static final String MATTER_PROOF_CONTENT_TOO_LONG = "证明内容最长 500 字";
    public static final String MATTER_LEGAL_LIABILITY_REQUIRED = "须写明不实承诺的法律责任 legalLiability";
    public static final String MATTER_LEGAL_LIABILITY_TOO_LONG = "法律责任最长 500 字";
    public static final String MATTER_CHECK_METHOD_REQUIRED = "须指定核查方式 checkMethod";
    public static final String MATTER_CHECK_WITHIN_REQUIRED = "须填写核查期限 checkWithinDays（工作日）";
    public static final String MATTER_CHECK_WITHIN_RANGE = "核查期限须在 1 到 365 个工作日之间";
    // 监督 (supervision): list disputes, complaints
    public static final String REQUIREMENT_MATTER_REQUIRED = "须指定事项编码 matter。";
    public static final String REQUIREMENT_DATE_INVALID = "date 须为日期，如 2024-03-01（表示当日结束时，北京时间）。";
    public static final String REQUIREMENT_AT_INVALID = "时刻 at 须为带时区的 ISO-8601 时间，如 2024-03-01T10:00:00+08:00。";
    public static final String REQUIREMENT_DATE_OR_AT = "date 与 at 只能填写一个。";
    public static final String REQUIREMENT_NEVER_PUBLISHED = "事项 %s 从未在已发布的清单上出现过。";
    public static final String SUPERVISION_NOT_JUSTICE_BUREAU = "只有审核单位（司法局）的审核人员才能处理异议和投诉；部门 %s 不是审核单位。";
    public static final String SUPERVISION_STALE_VERSION = "该记录已被他人修改（您提交的版本 %d，当前版本 %d）。请重新读取后再处理。";
    public static final String DISPUTE_MATTER_REQUIRED = "须填写事项编码 matterCode。";
    public static final String DISPUTE_CLAIM_REQUIRED = "须选择异议类型 claim：SHOULD_BE_CANCELLED（应予取消）、LEGAL_BASIS_REPEALED（设定依据已废止）或 OTHER（其他）。";
    public static final String DISPUTE_TEXT_REQUIRED = "须填写异议内容 text（1 到 1000 字）。";
    public static final String DISPUTE_NOT_LISTED = "事项 %s 目前不在任何已发布的清单上，不能对清单条目提出异议。";
    public static final String LIST_DISPUTE_NOT_FOUND = "没有编号为 %s 的清单异议。";
    public static final String DISPUTE_NOT_YOURS = "只能查看本人提出的异议。";
    public static final String LIST_DISPUTE_NOT_OPEN = "异议 %s 已办结（%s），不能再处理。";
    public static final String LIST_DISPUTE_OUTCOME_REQUIRED = "须选择处理结果 outcome：UPHELD（成立）或 DISMISSED（不成立）。";
    public static final String DISPUTE_ANSWER_REQUIRED = "不成立的异议须填写答复 answer（1 到 1000 字）。";
    public static final String DISPUTE_ANSWER_TOO_LONG = "答复 answer 最长 1000 字。";
    public static final String DISPUTE_CHANGE_REQUIRED = "成立的异议须关联目录变更 changeRef（事项编码 matterCode 和版本号 version）。";
    public static final String DISPUTE_CHANGE_OTHER_MATTER = "关联的目录变更须是被异议事项 %s 的版本，而不是 %s。";
    public static final String DISPUTE_CHANGE_NOT_FOUND = "目录中没有事项 %s 的第 %d 版：请先起草修改或移出申请。";
    public static final String DISPUTE_CHANGE_NOT_NEWER = "关联的目录变更须是被异议的第 %d 版之后起草的版本（修改或移出申请），第 %d 版不是。";
    public static final String COMPLAINT_UNIT_REQUIRED = "须填写被投诉单位编码 departmentCode。";
    public static final String COMPLAINT_UNIT_UNKNOWN = "没有编码为 %s 的单位。";
    public static final String COMPLAINT_MATTER_REQUIRED = "须填写事项编码 matterCode，或在目录中没有该事项时填写证明名称 matterName。";
    public static final String COMPLAINT_MATTER_UNKNOWN = "目录中没有事项 %s；不在目录中的证明请填写证明名称 matterName。";
    public static final String COMPLAINT_MATTER_NAME_TOO_LONG = "证明名称 matterName 最长 200 字。";
    public static final String COMPLAINT_GROUND_REQUIRED = "须选择投诉理由 ground：CANCELLED（已取消）、NOT_RETAINED（不在保留清单上）或 VERIFIABLE_ONLINE（可在线核验）。";
    public static final String COMPLAINT_DATE_REQUIRED = "须填写索要证明的日期 demandedOn，如 2024-03-01。";
    public static final String COMPLAINT_DATE_FUTURE = "索要证明的日期 demandedOn 不能晚于今天。";
    public static final String COMPLAINT_DESCRIPTION_REQUIRED = "须填写投诉内容 description（1 到 1000 字）。";
    public static final String COMPLAINT_NOT_FOUND = "没有编号为 %s 的投诉。";
    public static final String COMPLAINT_NOT_VISIBLE = "无权查看该投诉：投诉人本人、司法局、管理员和办结后的被投诉单位可以查看。";
    public static final String SUPERVISION_ADMIN_NOT_RECUSED = "管理员只办理司法局须回避的投诉和清单异议（针对司法局本身或司法局的事项）；此件请由司法局审核人员办理。";
    public static final String LIST_DISPUTE_OWN_DEPARTMENT = "事项 %s 属于本部门，针对它的清单异议不能由本部门办结（回避）：请由系统管理员办理。";
    public static final String LIST_DISPUTE_CLOSE_OWN = "提出异议的人不能办结自己的异议：请由司法局其他审核人员办理。";
    public static final String DISPUTE_CHANGE_REJECTED = "事项 %s 第 %d 版已被驳回（REJECTED），不能作为异议成立的目录变更：请关联草稿、待审核或已批准的版本。";
    public static final String DRAW_DEPARTMENT_REQUIRED = "须填写被抽查部门编码 department，如 BZGAJ。";
    public static final String DRAW_FROM_REQUIRED = "须填写抽查期间起始日 from（YYYY-MM-DD，如 2026-01-01）。";
    public static final String DRAW_TO_REQUIRED = "须填写抽查期间截止日 to（YYYY-MM-DD，含当日）。";
    public static final String DRAW_SIZE_REQUIRED = "须填写抽查数量 size（1 到 500）。";
    public static final String COMPLAINT_WRONG_STATE = "投诉当前为“%s”，不能%s。";
    public static final String COMPLAINT_OUTCOME_REQUIRED = "须选择办结结果 outcome：FOUNDED（投诉属实）或 DISMISSED（不属实）。";
    public static final String COMPLAINT_TEXT_REQUIRED = "须填写认定或答复 text（1 到 1000 字）。";
    public static final String COMPLAINT_PERIOD_REQUIRED = "须填写统计期间 from 和 to（日期，如 2024-01-01），且 from 不晚于 to。";

    public static final String MATTER_CHECK_DESCRIPTION_TOO_LONG = "核查说明最长 500 字";
    public static final String PLEDGE_FIELD_NAME_INVALID = "填报项字段名须以英文字母开头，由字母、数字、下划线组成，最长 32 个字符";
    public static final String PLEDGE_FIELD_LABEL_REQUIRED = "须提供填报项中文标签 label（最长 50 字）";
    public static final String PLEDGE_FIELDS_TOO_MANY = "填报项最多 20 项";
    public static final String PLEDGE_FIELD_DUPLICATE = "填报项字段名 %s 重复";
    public static final String PLEDGE_SAMPLE_RATIO_RANGE = "抽查比例须在 1 到 100 之间（百分比）";
    public static final String PLEDGE_SAMPLE_RATIO_REQUIRED = "核查方式为随机抽查时，须提供抽查比例 sampleRatioPercent";
    public static final String PLEDGE_ASSISTING_DEPARTMENT_REQUIRED = "核查方式为部门协查时，须提供协查部门编码 assistingDepartment";
    public static final String PLEDGE_ASSISTING_DEPARTMENT_UNKNOWN = "协查部门 %s 不存在、已停用或就是本部门：请填写另一个在用部门的编码";
    public static final String PLEDGE_ASSISTING_DEPARTMENT_FORBIDDEN = "仅核查方式为部门协查（ASSISTED）时填写协查部门 assistingDepartment";
    public static final String MATTER_REVIEW_COMMENT_TOO_LONG = "审核意见最长 500 字";
    public static final String MATTER_REMOVAL_REASON_REQUIRED = "须说明移出理由 reason";
    public static final String MATTER_REMOVAL_REASON_LENGTH = "移出理由须为 5 到 500 字";
    public static final String MATTER_ACTION_WITHDRAW = "撤回";
    public static final String MATTER_ACTION_APPROVE = "审核通过";
    public static final String MATTER_ACTION_REJECT = "驳回";

    // --- publication
    public static final String BATCH_NOT_FOUND = "找不到编号为 %s 的发布批次。";
    public static final String BATCH_NUMBER_TAKEN = "批次编号 %s 已被使用。";
    public static final String BATCH_NOT_DRAFT = "批次 %s 已发布，已发布的批次不能再修改。";
    public static final String BATCH_OTHER_AUTHORITY = "批次 %s 由 %s 组建，只能由该部门的审核人员修改或发布。";
    public static final String BATCH_EMPTY = "批次 %s 中没有任何条目，不能发布空批次。请先加入审核通过的事项。";
    public static final String BATCH_NOT_PUBLISHED = "批次 %s 尚未发布，还没有发布清单（manifest）。";
    public static final String BATCH_ENTRY_NOT_FOUND = "批次 %s 中没有序号为 %d 的条目。";
    public static final String BATCH_ENTRY_DUPLICATE = "事项 %s 已在批次 %s 中（序号 %d），同一批次中每个事项只能出现一次。";
    public static final String BATCH_ENTRY_NOT_APPROVED = "证明事项 %s 第 %d 版的状态为 %s，只有审核通过（APPROVED）的版本才能加入发布批次。";
    public static final String BATCH_ENTRY_NO_APPROVED = "证明事项 %s 还没有审核通过的版本，不能加入发布批次。";
    public static final String BATCH_ENTRY_ACTION_MISMATCH = "事项 %s 第 %d 版应以 %s 发布，而不是 %s：%s";
    public static final String BATCH_ENTRY_ALREADY_LISTED = "事项 %s 已在%s上，应以 AMEND（修改）发布。";
    public static final String BATCH_ENTRY_NOT_LISTED = "事项 %s 不在%s上，应以 ADD（新增）发布。";
    public static final String BATCH_ENTRY_REMOVAL = "该版本是移出申请，应以 REMOVE（移出）发布。";
    public static final String BATCH_ENTRY_REMOVE_NOT_LISTED = "事项 %s 不在%s上，无法移出。";
    public static final String BATCH_ENTRY_STALE_VERSION = "事项 %s 在清单上已是第 %d 版，不能以第 %d 版修改。";
    public static final String BATCH_PUBLISH_STALE = "批次 %s 的条目已与现行清单不符（可能另一批次刚刚发布）：%s 请调整后再发布。";
    public static final String BATCH_CLOCK_BEHIND = "系统时间 %s 早于上一批次的发布时间 %s，为保证清单历史的先后顺序，暂不能发布。请检查服务器时间。";
    public static final String LIST_KIND_UNKNOWN = "没有清单 %s：可选 retained（保留）、cancelled（取消）、notify-commit（告知承诺）。";
    public static final String LIST_ENTRY_NOT_FOUND = "事项 %s 在 %s 时不在%s上。";
    public static final String AS_OF_INVALID = "asOf 须为日期（如 2024-03-01，表示当日结束时）或带时区的时间（如 2024-03-01T10:00:00+08:00）。";
    public static final String EXPORT_FORMAT_INVALID = "format 须为 json 或 csv。";
    public static final String DIFF_PARAMS_REQUIRED = "须同时指定 from 和 to（已发布批次的编号 id）。";
    public static final String TRANSPARENCY_EMPTY = "尚未发布任何批次，日志为空。";
    public static final String TRANSPARENCY_TREE_SIZE = "treeSize 须在 1 到当前日志大小 %d 之间。";
    public static final String TRANSPARENCY_LEAF_OUTSIDE = "批次 %s 的日志序号为 %d，不在大小为 %d 的树中；treeSize 须大于 %d。";
    public static final String TRANSPARENCY_CONSISTENCY_RANGE = "须满足 1 ≤ first ≤ second ≤ 当前日志大小 %d。";
    public static final String TRANSPARENCY_BATCH_REQUIRED = "须指定批次 batch（已发布批次的编号 id）。";
    public static final String BATCH_BODY_REQUIRED = "缺少请求体：请以 JSON 提交，如 {\"number\":\"2024年第1批\"}";
    public static final String BATCH_NUMBER_FORMAT = "批次编号须形如“2024年第1批”";
    public static final String BATCH_TITLE_TOO_LONG = "标题最长 200 字";
    public static final String BATCH_ENTRY_BODY_REQUIRED = "缺少请求体：请以 JSON 提交，如 {\"matterCode\":\"BZGAJ-R000001\"}";
    public static final String BATCH_ENTRY_MATTER_TOO_LONG = "事项编码最长 48 位";
    public static final String BATCH_ENTRY_VERSION_MIN = "版本号从 1 开始";
    public static final String AS_OF_NOW = "现在";
    public static final String TRANSPARENCY_CHECK_LOG_INDEX = "日志序号应为 %d，实际为 %s";
    public static final String TRANSPARENCY_CHECK_MANIFEST_HASH = "发布清单的哈希应为 %s，存储的是 %s";
    public static final String TRANSPARENCY_CHECK_MANIFEST_CONTENT = "按存储的批次及其 %d 个条目重新生成的发布清单与已发布的清单不一致";
    public static final String TRANSPARENCY_CHECK_CHAIN = "上一批次的清单哈希应为 %s，本批次记录的是 %s";
    public static final String TRANSPARENCY_CHECK_BATCH_SIGNATURE = "批次声明（含发布清单哈希）的签名无效";
    public static final String TRANSPARENCY_CHECK_HEAD_TOO_LARGE = "树头记录的大小 %d 超过已发布批次数 %d";
    public static final String TRANSPARENCY_CHECK_ROOT = "按各批次清单重新计算的根哈希为 %s，树头记录的是 %s";
    public static final String TRANSPARENCY_CHECK_HEAD_PAYLOAD = "树头的签名内容与其字段不一致";
    public static final String TRANSPARENCY_CHECK_HEAD_SIGNATURE = "树头的签名无效";
    public static final String TRANSPARENCY_CHECK_BATCH_UNSIGNED = "批次声明没有签名（发布时必有签名：记录被改动过）";
    public static final String TRANSPARENCY_CHECK_HEAD_UNSIGNED = "树头没有签名（存储时必有签名：记录被改动过）";
    public static final String TRANSPARENCY_CHECK_HEAD_MISSING = "缺少大小为 %d 的树头";
    public static final String TRANSPARENCY_CHECK_LIST_MISSING = "已发布的事项不在现行清单中";
    public static final String TRANSPARENCY_CHECK_LIST_EXTRA = "现行清单中有未经发布的事项";
    public static final String PROOF_INTEGRITY = "证明 %s 的存储记录与开具部门的签名不一致，暂不能提供；已记录并通知运维人员核查。";
    public static final String PROOF_CHECK_SIGNATURE = "存储的证明与其签名不一致：%s";
    public static final String PROOF_CHECK_COLUMNS = "下列字段与已签名的内容不一致：%s";
    public static final String ACCESS_LOG_CHECK_NO_RECEIPT = "该核验记录识别出了证明，却没有开具部门签名的核验回执（可能是直接写入数据库的伪造记录）";
    public static final String ACCESS_LOG_CHECK_RECEIPT_SIGNATURE = "该核验记录的回执不在开具部门签名的回执批次中";
    public static final String ACCESS_LOG_CHECK_RECEIPT_BODY = "该核验记录与其已签名的回执内容不一致";
    public static final String PROOF_CHECK_STATUS_AUDIT = "审计日志记载该证明已被撤销，但记录中为有效";
    public static final String STATUS_LIST_CHECK_SIGNATURE = "存储的状态列表与开具部门的签名不一致";
    public static final String PROOF_CHECK_STATUS_LIST = "已签名的状态列表 %s 第 %d 号将该证明列为已撤销或已被替代，但记录中为有效";
    public static final String TRANSPARENCY_CHECK_ENTRY_FIELDS = "已发布条目的下列字段与其已签名的内容不一致：%s";
    public static final String TRANSPARENCY_CHECK_LIST_DIFFERENT = "现行清单中的内容与已发布的内容不一致";

    // --- exports (CSV column headings and cell words; the word for an enum value stays in the switch over its enum)
    public static final List<String> EXPORT_MATTER_COLUMNS =
            List.of("事项编码", "证明事项名称", "所属清单", "开具部门编码", "开具部门", "使用场景", "版本", "说明");
    public static final List<String> EXPORT_RETAINED_COLUMNS =
            List.of("设定依据", "开具渠道", "法定时限", "默认有效期（天）", "是否开具电子证明");
    public static final List<String> EXPORT_CANCELLED_COLUMNS = List.of("替代方式", "取消后办理方式", "共享数据来源");
    public static final List<String> EXPORT_NOTIFY_COMMIT_COLUMNS =
            List.of("证明义务", "证明内容", "不实承诺的法律责任", "核查方式", "核查期限（天）", "核查说明");
    public static final List<String> EXPORT_LIST_COLUMNS = List.of("生效时间", "发布批次");
    public static final List<String> EXPORT_BATCH_COLUMNS = List.of("批次", "序号", "变更", "理由");
    public static final String EXPORT_CONTENT_COLUMN = "全部内容（JSON）";
    public static final String EXPORT_IMMEDIATE = "即时开具";
    public static final String EXPORT_WORKING_DAYS = "%s个工作日";
    public static final String EXPORT_YES = "是";
    public static final String EXPORT_NO = "否";

    // --- audit log and sealed logs (scopes audit-log, access-log of /api/v1/transparency/verify)
    public static final String AUDIT_NOT_JUSTICE = "只有管理员和司法局（审核单位）的工作人员可以查阅审计日志；部门 %s 不是审核单位。";
    public static final String AUDIT_BAD_INSTANT = "参数 %s 须为带时区的时间（ISO-8601，例如 2024-05-01T08:00:00Z 或 2024-05-01T16:00:00+08:00）。";
    public static final String AUDIT_RANGE = "参数 from 须早于 to。";
    public static final String AUDIT_EXPORT_TOO_LARGE = "符合条件的审计记录有 %d 条，超过一次导出的上限 %d 条；请缩小时间范围或增加筛选条件。";
    public static final List<String> AUDIT_EXPORT_COLUMNS =
            List.of("时间", "操作人", "操作人部门", "操作", "涉及部门", "对象类型", "对象", "结果", "详情", "关联号", "记录编号");
    public static final String SEAL_CHECK_SEQ = "缺少检查点 %d 至 %d：检查点被删除过";
    public static final String SEAL_CHECK_RANGE = "检查点 %d 应从事务号 %d 起封存，记录的是 %d：封存范围有缺口或重叠";
    public static final String SEAL_CHECK_CHAIN = "检查点 %d 记录的上一检查点哈希为 %s，应为 %s";
    public static final String SEAL_CHECK_PAYLOAD = "检查点 %d 的签名内容与其字段不一致";
    public static final String SEAL_CHECK_SIGNATURE = "检查点 %d 的签名无效（签名方应为 %s）";
    public static final String SEAL_CHECK_LOST = "本服务写入的检查点 %d（哈希 %s）已不在或被改动：检查点被删除过";
    public static final String SEAL_CHECK_COUNT = "检查点 %d（事务号 %s）封存了 %d 条记录，现存 %d 条：记录被删除或插入过";
    public static final String SEAL_CHECK_ROOT = "检查点 %d（事务号 %s）：按现存记录重新计算的默克尔根为 %s，签名的是 %s：记录被改动、删除或插入过";
    public static final String SEAL_CHECK_OUTSIDE = "%d 条记录的事务号不在任何检查点的范围内";
    public static final String SEAL_CHECK_ROW_MAC = "记录时间 %s、事务号 %d 的记录的校验码（MAC）不符：它不是本服务写入的，或写入后被改动过";
    public static final String SEAL_CHECK_UNSEALED = "记录时间 %s、事务号 %d 的记录在封存边界 %d 之后，超过 %d 秒仍未封存：它是绕过服务写入的，或封存已停止";

    // --- keys
    public static final String KEYS_DEPARTMENT_INACTIVE = "部门 %s 已停用，不能生成或使用签名密钥。";
    public static final String KEYS_DEPARTMENT_CANNOT_SIGN = "部门 %s 既不是开具单位（ISSUER）也不是审核单位（REVIEWER），没有签名密钥。";
    public static final String KEYS_KEY_NOT_FOUND = "部门 %s 没有标识为 %s 的签名密钥。";
    public static final String KEYS_COMPROMISED_AT_FUTURE = "泄露时间 compromisedAt 不能晚于当前时间（%s）。";
    public static final String KEYS_ALREADY_COMPROMISED = "密钥 %s 已于 %s 标记为泄露；只能把泄露时间提前，不能推后。";
    public static final String KEYS_COMPROMISED_AT_REQUIRED = "须填写泄露时间 compromisedAt（ISO-8601，例如 2024-05-01T08:00:00Z）。";
    public static final String KEYS_REASON_REQUIRED = "须填写泄露原因 reason（1 到 500 个字符）。";
    public static final String KEYS_BODY_REQUIRED = "缺少请求体：请以 JSON 提交 compromisedAt 和 reason";

    // #16 single-request perf
    public static final String ISSUANCE_BUSY = "开具请求过多，请 1 秒后重试（可带同一 Idempotency-Key，避免重复开具）。";

    // #17 copies (加注件: purpose-bound copies of a proof, their signed tokens and checks)
    public static final String COPY_NUMBER_REQUIRED = "须填写证明编号 proofNumber。";
    public static final String COPY_NUMBER_TOO_LONG = "证明编号 proofNumber 最长 32 个字符。";
    public static final String COPY_PURPOSE_CONTROL = "用途 purpose 不能包含换行、制表等控制字符。";
    public static final String COPY_EXPIRES_PAST = "加注件的有效期 expiresAt 须晚于当前时间。";
    public static final String COPY_EXPIRES_TOO_LATE = "加注件的有效期最长 %d 天，即不晚于 %s。";
    public static final String COPY_EXPIRES_AFTER_PROOF = "加注件的有效期不能晚于证明本身的有效期 %s。";
    public static final String COPY_DISCLOSE_UNKNOWN = "该证明没有披露项 %s（可选 subject.name、subject.id、claims.<证明内容名称>）。";
    public static final String COPY_PROOF_NOT_FOUND = "找不到编号为 %s 的证明，或它不是您本人的证明。";
    public static final String COPY_ONLY_PROOFS = "只有证明可以制作加注件，告知承诺书不能。";
    public static final String COPY_PROOF_NOT_USABLE = "该证明%s，不能制作加注件。";
    public static final String COPY_PROOF_REVOKED = "已被开具部门撤销";
    public static final String COPY_PROOF_SUPERSEDED = "已被更正后的证明替代";
    public static final String COPY_PROOF_EXPIRED = "已过有效期";
    public static final String COPY_PROOF_SUSPENDED = "因异议暂停使用";
    public static final String COPY_NOT_A_USING_UNIT = "%s 不是用证单位，不能为其制作加注件。";
    public static final String COPY_OWN_UNIT = "用证单位只能为本单位制作加注件：当前为 %s，申请的是 %s。";
    public static final String COPY_NO_CONSENT = "持证人没有授权本单位为“%s”调取该事项的证明（或授权已过期、撤回），不能制作加注件。";
    public static final String COPY_CONSENT_DISCLOSE = "持证人的授权不包括披露项 %s。";
    public static final String COPY_CONSENT_EXPIRY = "加注件的有效期不能晚于持证人授权的截止时间 %s。";
    public static final String COPY_LIMIT = "该证明在 %d 天内制作的有效加注件已有 %d 份，达到上限；请先撤回一份，或待其过期（最早 %s）后再制作。";
    public static final String COPY_NOT_FOUND = "找不到加注件 %s。";
    public static final String COPY_TOKEN_REQUIRED = "须提交加注件令牌 token。";
    public static final String COPY_TOKEN_TOO_LONG = "加注件令牌 token 过长。";
    public static final String VERDICT_COPY_PASSED = "加注件真实有效：由开具部门签发，限本单位用于“%s”，有效期至 %s。";
    public static final String VERDICT_COPY_FORMAT = "无法识别的加注件格式。";
    public static final String VERDICT_COPY_NOT_ISSUED = "开具部门没有签发过该加注件。";
    public static final String VERDICT_COPY_OTHER_UNIT = "该加注件只能由用证单位 %s 使用，不能在本单位使用。";
    public static final String VERDICT_COPY_EXPIRED = "加注件已于 %s 过期。";
    public static final String VERDICT_COPY_WITHDRAWN = "持证人已于 %s 撤回该加注件。";
    public static final String VERDICT_COPY_PROOF = "加注件所附证明与开具部门的记录不符（可能被篡改）。";
    public static final String COPY_OFD_WITHDRAWN = "该加注件已于 %s 撤回，不再生成版式文件。";
    public static final String COPY_OFD_EXPIRED = "该加注件已于 %s 过期，不再生成版式文件；如仍需使用，请重新制作。";
    public static final String COPY_OFD_PROOF_NOT_VALID = "加注件所附证明已不是有效状态（已撤销、被替代、过期或因异议暂停），不生成版式文件。";

    // #17 OFD: refusals of an uploaded OFD proof (ofd.OfdRefusal), one per failed check
    public static final String OFD_UNSAFE_PACKAGE = "上传的 OFD 文件包结构不安全，已拒绝：%s。";
    public static final String OFD_TOO_LARGE = "上传的 OFD 文件解压后过大或压缩比异常，已拒绝：%s。";
    public static final String OFD_NOT_OFD = "上传的文件不是可读的 OFD 文档：%s。";
    public static final String OFD_NOT_SEALED = "该 OFD 文档没有本服务可核验的电子签章（须有且只有一个整文档电子签章）：%s。";
    public static final String OFD_INTEGRITY = "OFD 文档内容与电子签章不符，文件在签章后被改动过或签章值无效：%s。";
    public static final String OFD_SEAL_INVALID = "电子印章无效：%s。";
    public static final String OFD_SEAL_MAKER_UNTRUSTED = "电子印章的制章者证书不受信任：%s。";
    public static final String OFD_SIGNER_UNTRUSTED = "签章人证书不能链接到受信任的根证书：%s。";
    public static final String OFD_SIGNER_NOT_IN_SEAL = "签章人证书不在电子印章的授权证书列表中。";
    public static final String OFD_NOT_VALID_AT_SIGNING = "签章时间 %s 不在%s的有效期内。";
    public static final String OFD_KEY_USAGE = "签章人证书的密钥用途不允许数字签名。";
    public static final String OFD_REVOKED = "%s已被吊销（%s）。";
    public static final String OFD_METADATA = "OFD 文档缺少电子证照元数据：%s。";

    // #17 certificates (department certificates, trust roots, CRLs)
    public static final String PKI_NOT_SM2 = "密钥 %s 不是 SM2 密钥：只有 SM2 签名密钥有证书。";
    public static final String PKI_KEY_COMPROMISED = "密钥 %s 已标记为泄露，不能再为它生成证书请求或导入证书。";
    public static final String PKI_NOT_PEM = "请求体须为 PEM 格式的 X.509 证书（部门证书在前，其后为中间 CA 证书），未能读到证书。";
    public static final String PKI_WRONG_KEY = "证书中的公钥不是密钥 %s 的公钥。";
    public static final String PKI_KEY_USAGE = "证书的密钥用法（keyUsage）须包含数字签名（digitalSignature）。";
    public static final String PKI_NOT_VALID_NOW = "证书（或其证书链）当前不在有效期内（有效期 %s 至 %s）。";
    public static final String PKI_UNTRUSTED = "证书不能链接到已配置的根证书（签发者：%s）。";
    public static final String PKI_CRL_NOT_CRL = "请求体须为 PEM 或 DER 格式的证书撤销列表（X.509 CRL）。";
    public static final String PKI_CRL_UNTRUSTED = "该 CRL 不是由已配置的根证书签发的，或其签名无效。";
    public static final String PKI_CRL_DEMO = "演示根证书的 CRL 由本服务自行签发，不能上传。";
    public static final String PKI_CRL_FUTURE = "CRL 的生效时间（thisUpdate）晚于当前时间。";
    public static final String PKI_CRL_STALE = "已保存同一签发者编号相同或更新的 CRL。";
    public static final String PKI_NO_CERTIFICATE = "部门 %s 的 SM2 签名密钥 %s 没有有效的证书，暂不能签名：请管理员导入 CA 为其签发的证书。";

    // #17 seals (department seals, GET /api/v1/proofs/{number}/ofd)
    public static final String SEAL_NOT_ESL = "上传的内容不是可读的 GB/T 38540 电子印章（.esl）：%s。请上传电子印章系统签发的印章文件本身（DER 编码）。";
    public static final String SEAL_EMPTY = "请在请求体中上传电子印章文件（.esl，application/octet-stream，最大 1 MB）。";
    public static final String SEAL_TOO_LARGE = "电子印章文件不能超过 1 MB。";
    public static final String SEAL_MAKER_UNTRUSTED = "该印章的制章者证书（%s）不能链接到受信任的制章根证书：请确认印章来自正式的电子印章系统，"
            + "或由运维在 certfree.ofd.seal-maker-roots-file 中配置该系统的根证书。";
    public static final String SEAL_MAKER_REVOKED = "该印章的制章者证书已被吊销（%s），不能加载。";
    public static final String SEAL_NOT_VALID_NOW = "该印章不在有效期内（%s 至 %s），不能加载：请向电子印章系统申领有效的印章。";
    public static final String SEAL_WRONG_CERTIFICATE = "该印章的证书列表中没有部门 %s 当前 SM2 签名密钥 %s 的证书（序列号 %s，颁发者 %s，"
            + "SHA-256 指纹 %s）：请向电子印章系统申领列有此证书的印章后再加载。";
    public static final String SEAL_KEY_UNCERTIFIED = "部门 %s 当前的 SM2 签名密钥 %s 还没有有效的证书：请先导入 CA 为其签发的证书，再加载列有该证书的电子印章。";
    public static final String SEAL_NONE = "部门 %s 还没有电子印章。";
    public static final String SEAL_MISSING_FOR_KEY = "部门 %s 没有列出其当前 SM2 签名证书（密钥 %s，序列号 %s，SHA-256 指纹 %s）的有效电子印章，"
            + "暂不能生成 OFD 证明：请管理员从电子印章系统申领列有该证书的印章，并通过 PUT /api/v1/departments/%s/seal 加载。";

    // #17 OFD trust fixes (who may make seals, intermediate CAs, revoked seal makers)
    public static final String OFD_SEAL_MAKER_NOT_DEMO = "演示模式下只有本服务的演示制章者可以制作印章，部门签名证书等其他证书不能作为制章者；"
            + "正式印章须由电子印章系统制作，并由运维在 certfree.ofd.seal-maker-roots-file 中配置该系统的根证书";
    public static final String OFD_SEAL_MAKER_NO_ROOTS = "未配置电子印章系统的根证书（certfree.ofd.seal-maker-roots-file），"
            + "本服务不认可任何制章者";
    public static final String SEAL_MAKER_NOT_ALLOWED = "该印章的制章者证书（%s）不能用于制作印章：%s。";
    public static final String SEAL_MAKER_REVOKED_RELOAD = "部门 %s 当前电子印章 %s 的制章者证书（%s）已被吊销（%s），暂不能生成 OFD 证明："
            + "请管理员从电子印章系统申领由有效制章者制作、列有该部门当前签名证书的新印章，并通过 PUT /api/v1/departments/%s/seal 加载。";

    // #17 OFD verification (a using unit uploads a sealed OFD proof: POST /api/v1/verifications/ofd)
    public static final String OFD_UPLOAD_EMPTY = "请求体为空：请上传 OFD 文件本身（Content-Type: application/ofd）。";
    public static final String OFD_UPLOAD_TOO_LARGE = "上传的 OFD 文件超过 %d 字节的上限，已拒绝。";
    public static final String OFD_SIGNER_NOT_ISSUER = "签章人证书不属于开具该证明的部门（%s）的签名密钥：该文件不是开具部门签章的证明，已拒绝。";
    public static final String OFD_SIGNER_KEY_COMPROMISED = "签章人证书的密钥已于 %s 被报告泄露，不能据此核验，已拒绝。";
    public static final String VERDICT_OFD_METADATA = "OFD 文件中的%s（%s）与开具部门签名的证明记录（%s）不一致：该文件不是所开具的证明。";
    public static final String OFD_FIELD_NUMBER = "证照编号";
    public static final String OFD_FIELD_TYPE_CODE = "证照类型代码";
    public static final String OFD_FIELD_ISSUER = "证照颁发机构代码";
    public static final String OFD_FIELD_ISSUE_DATE = "证照颁发日期";
    public static final String KEYS_CHANGED_WHILE_SIGNING = "部门 %s 的签名密钥刚刚轮换或被报告泄露，本次未签章：请重试。";
    public static final String OFD_BUSY = "OFD 文件的生成或核验正忙，请 1 秒后重试。";
    public static final String OFD_IS_A_COPY = "该 OFD 是加注件（限用证单位 %s 使用），不是证明原件：请取出其元数据“加注件令牌”，"
            + "用 POST /api/v1/copy-verifications 核验（核对使用单位、用途、有效期和撤回）。";
}
