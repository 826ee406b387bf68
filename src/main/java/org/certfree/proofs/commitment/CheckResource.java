package org.certfree.proofs.commitment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.certfree.proofs.commitment.dto.AssignInput;
import org.certfree.proofs.commitment.dto.CheckView;
import org.certfree.proofs.commitment.dto.FindingsInput;
import org.certfree.proofs.commitment.dto.ReviewInput;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 核查任务: the post-checks of pledges — assign, record a finding, review (never by the checker). */
@Path("/api/v1/commitment-checks")
@Tag(name = "commitments", description = "告知承诺 / Notify-and-commit pledges")
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {

    @Inject
    CheckQueries queries;

    @Inject
    CheckService checks;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.REVIEWER, Role.Names.ADMIN, Role.Names.VERIFIER, Role.Names.CITIZEN })
    @Operation(summary = "核查任务列表 / List check tasks",
            description = "部门看本部门事项的任务和本部门协查的任务；司法局和管理员看全部；其他身份 403。按核查期限升序（最紧迫的在前）。"
                    + "status=OVERDUE：已过期限且未办结。 / A department lists the tasks of its matters and those it checks for another"
                    + " (协查); the justice bureau and ADMIN all; others 403. Due date ascending (most urgent first). status=OVERDUE:"
                    + " past due and not closed.")
    @APIResponse(responseCode = "200", description = "一页任务 / a page of tasks")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<CheckView> list(
            @Parameter(description = "OPEN、ASSIGNED、RECORDED、CLOSED 或 OVERDUE") @QueryParam("status") String status,
            @QueryParam("matter") String matter, @QueryParam("department") String department,
            @QueryParam("result") CheckResult result, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.list(caller, new CheckQueries.Filter(status, matter, department, result), PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.REVIEWER, Role.Names.ADMIN, Role.Names.VERIFIER, Role.Names.CITIZEN })
    @Operation(summary = "读取核查任务 / Read a check task",
            description = "核查情况仅事项所属部门和核查部门的工作人员可见。 / The findings text is shown to staff of the two departments only.")
    @APIResponse(responseCode = "200", description = "任务 / the task")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public CheckView read(@PathParam("id") UUID id) {
        return queries.read(id, caller);
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @Operation(summary = "分派核查任务 / Assign a check task",
            description = "核查部门的工作人员把待分派或核查中的任务分派给核查人员（不填则为本人）。"
                    + " / Staff of the checking department assign an OPEN or ASSIGNED task (to themselves by default).")
    @APIResponse(responseCode = "200", description = "已分派 / assigned")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "状态不允许或并发修改 / wrong state or concurrent change")
    public Response assign(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("id") UUID id, @Valid AssignInput body) {
        return idempotency.execute(key, caller, "POST " + PledgeService.CHECKS_PATH + id + "/assign", body,
                () -> Response.ok(checks.assign(id, body, caller)).build());
    }

    @POST
    @Path("{id}/findings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @Operation(summary = "记录核查结论 / Record a finding",
            description = "被分派的核查人员记录结论、核查情况（加密保存）和证据附件哈希；任务转为待复核。"
                    + " / The assignee records the result, the findings (encrypted) and evidence hashes; the task awaits review.")
    @APIResponse(responseCode = "200", description = "已记录 / recorded")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "状态不允许或并发修改 / wrong state or concurrent change")
    public Response findings(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("id") UUID id, @NotNull(message = Messages.BODY_REQUIRED) @Valid FindingsInput body) {
        return idempotency.execute(key, caller, "POST " + PledgeService.CHECKS_PATH + id + "/findings", body,
                () -> Response.ok(checks.record(id, body, caller)).build());
    }

    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @Operation(summary = "复核核查结论 / Review a finding",
            description = "事项所属部门中核查人员以外的工作人员复核：确认则办结，承诺状态随结论变化；认定不实的，承诺书撤销（不实承诺）、"
                    + "记录格式文本载明的法律后果并通知用证单位。退回则回到核查中。 / Staff of the matter's department other than the"
                    + " checker review: approved, the task closes and the pledge follows the result; FALSE revokes the document"
                    + " (FALSE_PLEDGE), records the template's consequence and notifies the using unit. Sent back: ASSIGNED again.")
    @APIResponse(responseCode = "200", description = "已复核 / reviewed")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403", description = "非所属部门，或复核本人的结论（审核分离）/ other department, or own finding")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "状态不允许或并发修改 / wrong state or concurrent change")
    public Response review(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("id") UUID id, @NotNull(message = Messages.BODY_REQUIRED) @Valid ReviewInput body) {
        return idempotency.execute(key, caller, "POST " + PledgeService.CHECKS_PATH + id + "/review", body,
                () -> Response.ok(checks.review(id, body, caller)).build());
    }
}
