package org.certfree.proofs.verification.dto;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.verification.Indication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One access to a holder's data by someone else: who (unit, staff id), what ({@code kind}; a
 * verification's result), when, and for which purpose, consent or request. The first eight fields are
 * the log's original ones, unchanged for existing clients.
 */
@Schema(name = "AccessLogEntry", description = "一条访问记录：谁、做了什么、何时、为何 / One access: who, what, when, why")
public record AccessLogEntry(
        @Schema(description = "时间 / when") Instant at,
        @Schema(description = "单位代码（核验、调取、查看的单位或开具部门）/ the unit or department that acted") String unit,
        @Schema(description = "单位名称 / its name") String unitName,
        @Schema(description = "涉及的证明编号 / the proof concerned, if any") String proofNumber,
        @Schema(description = "用途：核验或调取时用证单位填写的用途，查看时工作人员说明的理由；未说明时为空 / purpose as the unit or staff member stated it; null when none was given") String purpose,
        @Schema(description = "办理事项（核验时）/ the service matter (verifications)") String serviceMatter,
        @Schema(description = "核验结论（仅核验和核验调取）/ the verification's result (verifications only)") Indication result,
        @Schema(description = "是否取得了证明内容 / whether the proof's content was handed over") boolean retrieved,
        @Schema(description = "做了什么 / what was done") AccessKind kind,
        @Schema(description = "做了什么（中文）/ what was done, in Chinese", example = "查看证明") String kindText,
        @Schema(description = "工作人员账号；代办人为 holder:<索引>；系统自动处理为 system / the staff id, holder:<index> for an agent, system for the service") String actor,
        @Schema(description = "涉及的开具申请 / the proof request concerned, if any") UUID requestId,
        @Schema(description = "所依据的授权 / the consent it was done under, if any") UUID consentId,
        @Schema(description = "补充信息（如下载格式、核验身份的方式），不含个人信息 / a few more facts (a format, how identity was checked), never personal data") Map<String, String> details) {
}
