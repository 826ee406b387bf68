package org.certfree.proofs.audit.dto;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One staff action as the audit log shows it. */
@Schema(name = "AuditEvent", description = "审计日志中的一条工作人员操作 / one staff action in the audit log")
public record AuditEventView(
        @Schema(description = "记录编号 / record id") UUID id,
        @Schema(description = "操作时间 / when") Instant at,
        @Schema(description = "操作人：工作人员标识；群众为其证件号的盲索引 holder:…；服务自身为 system / who: the staff user id, "
                + "holder:<blind index> for a citizen, system for the service itself") String actor,
        @Schema(description = "操作人令牌所属部门 / the department the actor's token is scoped to") String actorDepartment,
        @Schema(description = "操作代码，如 department.created、key.rotated、matter.approved、batch.published、proof.issued / "
                + "what, as a stable code") String action,
        @Schema(description = "涉及的部门 / the department concerned") String department,
        @Schema(description = "操作对象类型 / kind of record acted on") String targetType,
        @Schema(description = "操作对象的编号、编码或证明编号 / its id, code or number") String targetId,
        @Schema(description = "结果 / outcome") String outcome,
        @Schema(description = "其他情况（不含个人信息）/ further facts, never personal data") Map<String, String> details,
        @Schema(description = "请求关联号（X-Request-Id）/ the request's correlation id") String correlationId) {
}
