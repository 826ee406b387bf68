package org.certfree.proofs.consent;

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
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.dto.ConsentInput;
import org.certfree.proofs.consent.dto.ConsentView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Holders' consents to retrieval of their proofs by a using unit. */
@Path("/api/v1/consents")
@Tag(name = "consents", description = "持证人授权 / Holder consents")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    Caller caller;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Operation(summary = "授权用证单位调取 / Consent to a using unit's retrieval",
            description = "持证人授权一个用证单位在截止时间前、为一项用途调取本人某一证明事项的证明全文；返回的 id 即授权编号，用证单位申请或调取时出示。单位须为用证单位，事项须在现行保留清单上。"
                    + "代办：持证人的授权代理人以本人群众身份登录，在 onBehalfOf 中填写持证人身份号码（须有覆盖“授权调取”的有效代办授权，否则 403）；"
                    + "或持证人本人到场时，用证单位窗口工作人员填写 onBehalfOf 和 assistance（身份核验方式、签字授权书扫描件的 SHA-256），只能授权本单位。"
                    + "代办的授权同样属于持证人：出现在其授权列表和访问记录中，可由其本人撤回。"
                    + " / The holder lets one using unit retrieve the full content of their proofs of one matter, for one purpose, until expiresAt; the returned id is the consent reference the unit quotes. The unit must be a using unit and the matter on the current retained list."
                    + " 代办 (assisted): the holder's authorised agent, logged in as themselves, names the holder in onBehalfOf (403 without an active agent authorisation covering consents);"
                    + " or, the holder present in person, a window clerk of a using unit gives onBehalfOf and assistance (identity check, SHA-256 of the signed form), for their own unit only."
                    + " An assisted consent is the holder's all the same: in their list and access log, and they can revoke it.")
    @APIResponse(responseCode = "201", description = "已授权；id 即授权编号 / granted; id is the consent reference")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Response grant(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid ConsentInput body) {
        return idempotency.execute(key, caller, "POST /api/v1/consents", body, () -> {
            ConsentView c = consents.grant(body, caller);
            return Response.created(URI.create(ConsentService.PATH + c.id())).entity(c).build();
        });
    }

    @GET
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Operation(summary = "列出授权 / List consents", description = "群众看到自己授予的，用证单位看到授予本单位的。/ Citizens see theirs; units see those granted to them.")
    @APIResponse(responseCode = "200", description = "授权 / consents")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public List<ConsentView> list() {
        return consents.list(caller);
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "撤回授权 / Revoke a consent",
            description = "持证人撤回本人的授权，此后不能再据此申请或调取；再次撤回不改变撤回时间。"
                    + " / The holder withdraws their consent: from then on no request or retrieval can rely on it. Revoking it again keeps the first revocation time.")
    @APIResponse(responseCode = "200", description = "已撤回 / revoked")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public ConsentView revoke(@PathParam("id") UUID id) {
        return consents.revoke(id, caller);
    }
}
