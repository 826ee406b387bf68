package org.certfree.proofs.consent;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.certfree.proofs.consent.dto.UsageEntryInput;
import org.certfree.proofs.consent.dto.UsageEntryView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published 用证清单 (seed 四.(一).2): read by everyone, kept by ADMIN. */
@Path("/api/v1/using-units")
@Tag(name = "using-units", description = "用证清单 / Which using unit may use which proof")
@Produces(MediaType.APPLICATION_JSON)
public class UsageListResource {

    @Inject
    UsageListService usage;

    @Inject
    Caller caller;

    @Inject
    IdempotencyService idempotency;

    @GET
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "用证清单 / The 用证 list",
            description = "用证清单：哪个用证单位在办理哪个事项时使用哪项证明，可按单位和证明事项筛选，分页返回。无需登录。只有清单上的单位可以核验、申请或调取相应的证明。"
                    + " / The 用证 list: which using unit uses which proof when handling which matter, filterable by unit and proof matter, a page at a time. No login needed. Only units on it may verify, request or retrieve that proof.")
    @APIResponse(responseCode = "200", description = "一页条目 / a page of entries")
    @APIResponse(responseCode = "400")
    public Page<UsageEntryView> list(@QueryParam("unit") String unit, @QueryParam("matter") String matter,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return usage.list(unit, matter, PageRequest.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "增加用证清单条目 / Add an entry",
            description = "管理员增加一条用证清单：单位须为用证单位，证明事项须在现行保留清单上（已取消和告知承诺的证明不得再向群众索要）；重复的条目返回 409 及已有条目的地址。带相同 Idempotency-Key 的重试返回同一结果。"
                    + " / ADMIN adds an entry: the unit must be a using unit and the matter on the current retained list (cancelled and notify-and-commit proofs may no longer be asked for); a duplicate answers 409 with the existing entry's location. Retries with the same Idempotency-Key replay the first answer.")
    @APIResponse(responseCode = "201", description = "已增加 / added")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "409")
    public Response add(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid UsageEntryInput body) {
        return idempotency.execute(key, caller, "POST /api/v1/using-units", body, () -> {
            UsageEntryView e = usage.add(body, caller.subject());
            return Response.created(URI.create(UsageListService.PATH + e.id())).entity(e).build();
        });
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.Names.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "删除用证清单条目 / Remove an entry",
            description = "管理员删除一条用证清单，此后该单位不能再据此核验、申请或调取该证明。"
                    + " / ADMIN removes an entry; the unit can then no longer verify, request or retrieve that proof on its basis.")
    @APIResponse(responseCode = "204", description = "已删除 / removed")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public void remove(@PathParam("id") UUID id) {
        usage.remove(id);
    }
}
