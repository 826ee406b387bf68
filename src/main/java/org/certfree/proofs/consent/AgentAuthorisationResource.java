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
import org.certfree.proofs.consent.dto.AgentAuthorisationInput;
import org.certfree.proofs.consent.dto.AgentAuthorisationView;
import org.certfree.proofs.consent.dto.AssistedRevocationInput;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agent authorisations (代办授权): a family member acts for an older or disabled holder. */
@Path("/api/v1/agent-authorisations")
@Tag(name = "agent-authorisations", description = "代办授权 / Agent authorisations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AgentAuthorisationResource {

    @Inject
    AgentAuthorisationService authorisations;

    @Inject
    Caller caller;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.VERIFIER)
    @Operation(summary = "登记代办授权 / Put an agent authorisation on file",
            description = "用证单位办事窗口工作人员根据持证人签字（或经公证）的授权委托书，登记持证人授权代理人（家属）以其本人的群众身份代为申请证明和/或授权调取，至截止时间为止。"
                    + "记录代理人与持证人的关系、授权依据、范围、窗口的身份核验方式和委托书扫描件的 SHA-256；持证人和代理人只以盲索引和脱敏信息保存，委托书本身不保存。"
                    + "持证人的访问记录中会出现这次登记。同一持证人对同一代理人已有有效授权时返回 409 及其地址。带相同 Idempotency-Key 的重试返回同一结果。"
                    + " / A service-window clerk of a using unit puts on file, from the power of attorney the holder signed (or had notarised), that an agent (a family member) may file proof requests and/or grant consents in the holder's name with their own citizen login, until validUntil."
                    + " It records the relationship, the basis, what it covers, how identity was checked and the SHA-256 of the scanned form; holder and agent are kept as blind indexes and masked copies, the form not at all."
                    + " The filing appears in the holder's access log. An active authorisation of the same holder for the same agent answers 409 with its location. Retries with the same Idempotency-Key replay the first answer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentAuthorisationInput.class),
            examples = @ExampleObject(name = "holder present", summary = "持证人到场授权亲属代办 / the holder at the window",
                    value = Examples.AGENT_AUTHORISATION)))
    @APIResponse(responseCode = "201", description = "已登记 / on file")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "409")
    public Response file(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid AgentAuthorisationInput body) {
        return idempotency.execute(key, caller, "POST /api/v1/agent-authorisations", body, () -> {
            AgentAuthorisationView a = authorisations.file(body, caller);
            return Response.created(URI.create(AgentAuthorisationService.PATH + a.id())).entity(a).build();
        });
    }

    @GET
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Operation(summary = "列出代办授权 / List agent authorisations",
            description = "群众看到自己给出的（作为持证人）和自己持有的（作为代理人）代办授权；办事窗口看到本单位登记的。"
                    + " / Citizens see the authorisations they gave (as holder) and hold (as agent); a window sees those its unit put on file.")
    @APIResponse(responseCode = "200", description = "代办授权 / authorisations")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public List<AgentAuthorisationView> list() {
        return authorisations.list(caller);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Operation(summary = "读取代办授权 / Read an agent authorisation",
            description = "持证人、代理人和登记单位的窗口可以读取；其他人返回 404。"
                    + " / For the holder, the agent and the unit that put it on file; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "代办授权 / the authorisation")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public AgentAuthorisationView read(@PathParam("id") UUID id) {
        return authorisations.read(id, caller);
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "撤销代办授权 / Revoke an agent authorisation",
            description = "持证人本人撤销。撤销立即在所有实例上生效：代理人此后的代办请求返回 403。再次撤销不改变撤销时间。代理人和其他人返回 404。"
                    + " / The holder revokes it themselves. It holds at once on every replica: the agent's next assisted call answers 403. Revoking again keeps the first revocation time. The agent and anyone else get 404.")
    @APIResponse(responseCode = "200", description = "已撤销 / revoked")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public AgentAuthorisationView revoke(@PathParam("id") UUID id) {
        return authorisations.revoke(id, null, caller);
    }

    @POST
    @Path("{id}/revoke-at-window")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.VERIFIER)
    @Operation(summary = "窗口代为撤销代办授权 / Revoke an agent authorisation at a window",
            description = "没有手机的持证人到任一用证单位窗口，由工作人员核验身份后代为撤销：填写持证人身份号码（须与授权的持证人一致，否则 404）、身份核验方式和持证人签字的撤销申请扫描件的 SHA-256。"
                    + "立即生效；持证人的访问记录中会出现这次撤销。再次撤销不改变撤销时间。"
                    + " / A holder without a phone has a clerk at any using unit's window revoke it: the holder's ID (it must be the authorisation's holder, else 404), the identity check and the SHA-256 of the signed revocation form."
                    + " It holds at once and appears in the holder's access log. Revoking again keeps the first revocation time.")
    @APIResponse(responseCode = "200", description = "已撤销 / revoked")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public AgentAuthorisationView revokeAtWindow(@PathParam("id") UUID id,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid AssistedRevocationInput body) {
        return authorisations.revoke(id, body, caller);
    }
}
