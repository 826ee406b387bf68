package org.certfree.proofs.supervision;

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
import java.net.URI;
import java.util.UUID;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.supervision.dto.DisputeCloseInput;
import org.certfree.proofs.supervision.dto.DisputeInput;
import org.certfree.proofs.supervision.dto.DisputeView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 清单异议: disputes on published list entries, handled by the justice bureau. */
@Path("/api/v1/list-disputes")
@Tag(name = "supervision", description = "监督：清单异议与违规索要证明投诉 / Supervision: list disputes and complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ListDisputeResource {

    @Inject
    ListDisputeService disputes;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.REVIEWER,
            Role.Names.ADMIN })
    @Operation(summary = "对清单条目提出异议 / Dispute a published list entry",
            description = "任何登录用户可对现行清单上的事项提出异议（应予取消、设定依据已废止、其他）；内容加密保存。"
                    + " / Anyone signed in disputes a matter on a current list; the text is stored encrypted.")
    @APIResponse(responseCode = "201", description = "已提出 / opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisputeView.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "422", description = "事项不在现行清单上 / the matter is on no current list")
    public Response open(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid DisputeInput body) {
        return idempotency.execute(key, caller, "POST " + ListDisputeService.PATH, body, () -> {
            DisputeView v = disputes.open(body, caller);
            return Response.created(URI.create(ListDisputeService.PATH + v.id())).entity(v).build();
        });
    }

    @GET
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.REVIEWER,
            Role.Names.ADMIN })
    @Operation(summary = "清单异议列表 / List disputes",
            description = "司法局和管理员看全部；其他人按 matter 看某事项的异议，不指定 matter 时看本人提出的。异议内容只给提出人。"
                    + " / The justice bureau and ADMIN see all; others a matter's disputes or their own. The text only for the opener.")
    @APIResponse(responseCode = "200", description = "一页异议 / a page of disputes")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    public Page<DisputeView> list(@Parameter(description = "事项编码 / matter code") @QueryParam("matter") String matter,
            @Parameter(description = "状态 / status") @QueryParam("status") DisputeStatus status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return disputes.list(matter == null || matter.isBlank() ? null : matter.trim(), status, caller, PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.REVIEWER,
            Role.Names.ADMIN })
    @Operation(summary = "一条清单异议 / One dispute",
            description = "提出人、司法局和管理员；他人查看群众的异议内容记入提出人的访问记录。 / The opener, the justice bureau and"
                    + " ADMIN; their reads of a citizen's dispute are in the citizen's access log.")
    @APIResponse(responseCode = "200", description = "异议 / the dispute")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public DisputeView get(@PathParam("id") UUID id) {
        return disputes.get(id, caller);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    @Operation(summary = "办结清单异议 / Close a dispute",
            description = "司法局审核人员（司法局自己的事项由管理员，回避；提出人不能办结自己的异议）：不成立须答复；成立须关联为下一批次起草的"
                    + "目录变更（该事项在被异议版本之后、未被驳回的版本）。 / The justice bureau (ADMIN for the bureau's own matters;"
                    + " never the opener): DISMISSED with an answer, or UPHELD with the catalogue version drafted for the next"
                    + " batch (later than the disputed one, not rejected).")
    @APIResponse(responseCode = "200", description = "已办结 / closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisputeView.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "已办结或版本过期 / closed already, or a stale version")
    @APIResponse(responseCode = "422", description = "关联的目录变更不存在 / no such catalogue change")
    public Response close(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("id") UUID id, @NotNull(message = Messages.BODY_REQUIRED) @Valid DisputeCloseInput body) {
        return idempotency.execute(key, caller, "POST " + ListDisputeService.PATH + id + "/close", body,
                () -> Response.ok(disputes.close(id, body, caller)).build());
    }
}
