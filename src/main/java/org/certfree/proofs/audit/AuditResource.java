package org.certfree.proofs.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.certfree.proofs.audit.dto.AuditEventView;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log of staff actions: read by ADMIN and the justice bureau's staff. */
@Path("/api/v1/audit-events")
@Tag(name = AuditResource.TAG, description = "审计日志（工作人员操作）/ Audit log of staff actions")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final String TAG = "audit";

    static final String ACTOR = "操作人（令牌的 sub）/ actor (the token's subject)";
    static final String ACTION = "操作代码，如 proof.issued / action code";
    static final String DEPARTMENT = "部门编码：涉及的部门或操作人所属部门 / department code: the one concerned or the actor's";
    static final String FROM = "起始时间（含），ISO-8601 带时区 / from (inclusive), ISO-8601 with offset";
    static final String TO = "截止时间（不含），ISO-8601 带时区 / to (exclusive), ISO-8601 with offset";

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER, Role.Names.VERIFIER })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "审计日志 / The audit log",
            description = "工作人员的每项操作（部门与密钥变更、目录编辑与审核、批次发布、开具、决定、撤销、授权、用证清单变更、个人信息导出）各记一条，只增不改，"
                    + "并按秒封存于司法局签名的检查点（/api/v1/transparency/verify 核对）。可按操作人、操作、部门和时间段筛选，最新的在前，分页返回。"
                    + "仅限管理员和司法局（审核单位）的工作人员。"
                    + " / Every staff action (department and key changes, catalogue edits and reviews, batch publication, issuance,"
                    + " decisions, revocation, consents, 用证 list changes, exports of personal data) is one append-only record,"
                    + " sealed every second in checkpoints signed by the justice bureau (checked by /api/v1/transparency/verify)."
                    + " Filter by actor, action, department and time range; newest first, a page at a time."
                    + " ADMIN and staff of the justice bureau (a REVIEWER department) only.")
    @APIResponse(responseCode = "200", description = "一页审计记录 / a page of audit events")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<AuditEventView> list(@Parameter(description = ACTOR) @QueryParam("actor") String actor,
            @Parameter(description = ACTION) @QueryParam("action") String action,
            @Parameter(description = DEPARTMENT) @QueryParam("department") String department,
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        audit.requireReader(caller);
        return audit.list(caller, AuditFilter.of(actor, action, department, from, to), PageRequest.of(page, size));
    }
}
