package org.certfree.proofs.stats;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.stats.dto.DrawInput;
import org.certfree.proofs.stats.dto.DrawView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 随机抽查 draws, made by the justice bureau, reproducible from the publication log's tree head. */
@Path("/api/v1/inspection-draws")
@Tag(name = StatisticsResource.TAG)
@Produces(MediaType.APPLICATION_JSON)
public class InspectionDrawResource {

    @Inject
    InspectionDrawService draws;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.VERIFIER,
            Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "随机抽查 / Draw items for inspection",
            description = "按公示日志最新签名树头的根哈希排序候选项（SHA-256(\"certfree-inspection-draw:v1|\" + rootHash + \"|\" + 编号)），"
                    + "取前 size 项；仅司法局与管理员。 / Orders the candidates by SHA-256(\"certfree-inspection-draw:v1|\" + rootHash"
                    + " + \"|\" + id) with the latest signed tree head of the publication log and takes the first size;"
                    + " justice bureau and ADMIN only.")
    @APIResponse(responseCode = "201", description = "抽查结果 / the draw")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response draw(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @Valid @NotNull(message = Messages.BODY_REQUIRED) DrawInput in) {
        return idempotency.execute(key, caller, "POST " + InspectionDrawService.PATH, in, () -> {
            DrawView d = draws.draw(in, caller);
            return Response.created(URI.create(InspectionDrawService.PATH + d.id())).entity(d).build();
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.VERIFIER,
            Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "一次抽查 / One inspection draw",
            description = "抽查记录：种子（树头大小和根哈希）、规则、候选数和抽中的编号，任何人可按规则复算。司法局、管理员和被抽查部门可查看。"
                    + " / The draw as stored: its seed (tree size and root hash), rule, candidate count and the items drawn, so anyone"
                    + " can recompute it. The justice bureau, ADMIN and the department inspected may read it.")
    @APIResponse(responseCode = "200", description = "抽查结果 / the draw")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public DrawView get(@PathParam("id") UUID id) {
        return draws.find(id, caller);
    }
}
