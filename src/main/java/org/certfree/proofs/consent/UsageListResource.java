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
    @Operation(summary = "用证清单 / The 用证 list")
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
    @Operation(summary = "增加用证清单条目 / Add an entry")
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
    @Operation(summary = "删除用证清单条目 / Remove an entry")
    @APIResponse(responseCode = "204", description = "已删除 / removed")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public void remove(@PathParam("id") UUID id) {
        usage.remove(id);
    }
}
