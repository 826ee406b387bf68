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
import org.certfree.proofs.commitment.dto.NoticeView;
import org.certfree.proofs.commitment.dto.ObjectionDecisionInput;
import org.certfree.proofs.commitment.dto.ObjectionInput;
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

/** 异议与通知: the holder's objection to a FALSE finding, its decision, and the using units' notices. */
@Path("/api/v1")
@Tag(name = "commitments", description = "告知承诺 / Notify-and-commit pledges")
@Produces(MediaType.APPLICATION_JSON)
public class ObjectionResource {

    @Inject
    ObjectionService objections;

    @Inject
    Notices notices;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @POST
    @Path("commitments/{number}/objection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "对不实承诺认定提出异议 / Object to a FALSE finding",
            description = "仅承诺人本人，仅在承诺被认定不实且未提出过异议时。 / The holder only, once, while the pledge stands FALSE.")
    @APIResponse(responseCode = "200", description = "已提出 / filed")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "未被认定不实或已提出过 / not FALSE, or already objected")
    public Response object(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("number") String number, @NotNull(message = Messages.BODY_REQUIRED) @Valid ObjectionInput body) {
        return idempotency.execute(key, caller, "POST " + PledgeService.PATH + number + "/objection", body,
                () -> Response.ok(objections.object(number, body, caller)).build());
    }

    @POST
    @Path("commitments/{number}/objection/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @Operation(summary = "处理异议 / Decide an objection",
            description = "事项所属部门中未参与不实认定（核查、复核）的工作人员处理：成立则撤销不实认定（承诺书仍为已撤销），不成立则维持；"
                    + "答复加密保存，仅承诺人和事项所属部门可见；通知用证单位处理结果（不含答复）。"
                    + " / Staff of the matter's department who took no part in the FALSE finding (its assignee, checker, reviewer):"
                    + " upheld, the finding is withdrawn (the document stays revoked); dismissed, it stands. The answer is stored"
                    + " encrypted and shown to the holder and the department only; the using unit is told the outcome, not the answer.")
    @APIResponse(responseCode = "200", description = "已处理 / decided")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "没有待处理的异议 / no open objection")
    public Response decide(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("number") String number, @NotNull(message = Messages.BODY_REQUIRED) @Valid ObjectionDecisionInput body) {
        return idempotency.execute(key, caller, "POST " + PledgeService.PATH + number + "/objection/decision", body,
                () -> Response.ok(objections.decide(number, body, caller)).build());
    }

    @GET
    @Path("commitment-notices")
    @RolesAllowed({ Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.REVIEWER, Role.Names.ADMIN, Role.Names.CITIZEN })
    @Operation(summary = "告知承诺通知 / The using unit's pledge notices",
            description = "用证单位看向本单位作出的承诺的通知（不实认定、异议结果），最新在前；其他身份 403。"
                    + " / A using unit's notices about pledges made to it, newest first; others 403.")
    @APIResponse(responseCode = "200", description = "一页通知 / a page of notices")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<NoticeView> notices(@Parameter(description = "true：仅未读 / unread only") @QueryParam("unread") boolean unread,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return notices.list(caller, unread, PageRequest.of(page, size));
    }

    @POST
    @Path("commitment-notices/{id}/read")
    @RolesAllowed({ Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.REVIEWER, Role.Names.ADMIN, Role.Names.CITIZEN })
    @Operation(summary = "标记通知已读 / Mark a notice read",
            description = "仅通知所属用证单位；首次阅读的时间和人员保留。 / The notice's own unit only; the first read is kept.")
    @APIResponse(responseCode = "200", description = "已读 / read")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public NoticeView read(@PathParam("id") UUID id) {
        return notices.read(id, caller);
    }
}
