package org.certfree.proofs.dispute;

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
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.dispute.dto.DecisionInput;
import org.certfree.proofs.dispute.dto.DisputeInput;
import org.certfree.proofs.dispute.dto.DisputeView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 异议: disputes on proofs and pledge documents, which suspend them while open. */
@Path("/api/v1/disputes")
@Tag(name = "disputes", description = "异议处理 / Disputes on proofs and pledges")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeResource {

    @Inject
    DisputeService disputes;

    @Inject
    DisputeQueries queries;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Operation(summary = "提出异议 / Open a dispute",
            description = "持证人本人或用证单位的核验人员对有效的证明或告知承诺书提出异议；异议处理期间该文书暂停使用（核验答复"
                    + " INDETERMINATE/SUSPENDED，状态查询和状态列表的 suspension 位串同样显示），开具部门须在 10 个工作日内处理。"
                    + " / The holder or a using unit's VERIFIER disputes a VALID proof or pledge; while open it is suspended"
                    + " (verification INDETERMINATE/SUSPENDED, the status check and the status list's suspension bitstring say so);"
                    + " the issuing department decides within 10 working days.")
    @APIResponse(responseCode = "201", description = "已受理，附部门签名的受理记录 / opened, with the department's signed acknowledgement")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "已有待处理的异议（Location 指向它）或文书已非有效 / one is open already (see Location), or not VALID")
    public Response open(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid DisputeInput body) {
        return idempotency.execute(key, caller, "POST " + DisputeService.PATH, body, () -> {
            DisputeView v = disputes.open(body, caller);
            return Response.created(URI.create(DisputeService.PATH + v.id())).entity(v).build();
        });
    }

    @GET
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.REVIEWER, Role.Names.ADMIN })
    @Operation(summary = "异议列表 / Disputes",
            description = "持证人看本人的，开具部门看本部门的，用证单位看本单位提出的，司法局和管理员看全部；最新在前。"
                    + " / The holder's own, the issuing department's, the using unit's own, or all (justice bureau, ADMIN); newest first.")
    @APIResponse(responseCode = "200", description = "一页异议 / a page of disputes")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<DisputeView> list(@Parameter(description = "OPEN | UPHELD | DISMISSED | OVERDUE") @QueryParam("status") String status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.list(status, PageRequest.of(page, size), caller);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.REVIEWER, Role.Names.ADMIN })
    @Operation(summary = "一件异议 / One dispute",
            description = "持证人、提出异议的用证单位、开具部门、司法局和管理员可见；含部门签名的受理和处理记录。"
                    + " / For the holder, the opening using unit, the issuing department, the justice bureau and ADMIN;"
                    + " with the department's signed records of each step.")
    @APIResponse(responseCode = "200", description = "异议 / the dispute")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public DisputeView get(@PathParam("id") String id) {
        return queries.get(uuid(id), caller);
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @Operation(summary = "处理异议 / Decide a dispute",
            description = "开具部门的开具人员（非异议提出人）处理：DISMISSED 不成立，解除暂停；REISSUE 更正重开（原证明被替代）；"
                    + "REVOKE 撤销。答复附部门签名的处理记录。 / An ISSUER of the issuing department other than the opener:"
                    + " DISMISSED lifts the suspension; REISSUE issues a corrected proof (the old one SUPERSEDED); REVOKE revokes."
                    + " The answer carries the department's signed decision record.")
    @APIResponse(responseCode = "200", description = "已处理 / decided")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "已处理过 / decided already")
    @APIResponse(responseCode = "422")
    public Response decide(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("id") String id, @NotNull(message = Messages.BODY_REQUIRED) @Valid DecisionInput body) {
        UUID parsed = uuid(id);
        return idempotency.execute(key, caller, "POST " + DisputeService.PATH + parsed + "/decision", body,
                () -> Response.ok(disputes.decide(parsed, body, caller)).build());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("id", Messages.DISPUTE_ID_INVALID.formatted(id));
        }
    }
}
