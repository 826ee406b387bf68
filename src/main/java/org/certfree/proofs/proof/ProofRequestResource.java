package org.certfree.proofs.proof;

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
import org.certfree.proofs.proof.dto.CreateProofRequest;
import org.certfree.proofs.proof.dto.DecideRequest;
import org.certfree.proofs.proof.dto.ProofRequestView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proof requests (开具申请): filed by citizens or using units, decided by the issuing department. */
@Path("/api/v1/proof-requests")
@Tag(name = "proof-requests", description = "开具申请 / Proof requests")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ProofRequestResource {

    @Inject
    ProofRequestService requests;

    @Inject
    ProofRequestQueries queries;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Operation(summary = "申请开具证明 / Request a proof",
            description = "群众为本人申请，或用证单位凭持证人授权申请。截止日按事项法定时限（工作日）计算。"
                    + "代办：持证人的授权代理人以本人群众身份登录，在 onBehalfOf 中填写持证人（证明主体）身份号码，须有覆盖“申请开具证明”的有效代办授权，否则 403；"
                    + "或持证人本人到场时，用证单位窗口工作人员填写 assistance（身份核验方式、持证人签字申请表扫描件的 SHA-256）。"
                    + "代办的申请属于持证人，与本人申请相同（列表、处理、访问记录），并记录代办人和单位；代办窗口可查看该申请的进度。"
                    + "答复中群众看到本人的姓名和证件号，用证单位和代办窗口看到脱敏值。"
                    + " / A citizen for themselves, or a using unit with the holder's consent; the deadline counts the matter's statutory limit in working days."
                    + " 代办 (assisted): the holder's authorised agent, logged in as themselves, names the holder (the subject) in onBehalfOf and needs an active agent authorisation covering requests, else 403;"
                    + " or, the holder present in person, a window clerk of a using unit adds assistance (identity check, SHA-256 of the form the holder signed)."
                    + " An assisted request is the holder's, exactly as if they had filed it (lists, decision, access log), and records who assisted; the assisting window can follow it."
                    + " The answer shows a citizen (the holder, or their agent) the holder's name and identifier, a unit or window masked values.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateProofRequest.class),
            examples = {
                    @ExampleObject(name = "citizen", summary = "群众为本人申请 / a citizen for themselves",
                            value = Examples.PROOF_REQUEST),
                    @ExampleObject(name = "window", summary = "窗口代办，持证人到场 / a window clerk, the holder present",
                            value = Examples.PROOF_REQUEST_AT_WINDOW),
                    @ExampleObject(name = "agent", summary = "授权代理人代办 / an authorised agent",
                            value = Examples.PROOF_REQUEST_BY_AGENT) }))
    @APIResponse(responseCode = "201", description = "已受理 / accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProofRequestView.class),
                    examples = @ExampleObject(name = "pending", summary = "等待开具部门处理 / waiting for the issuer",
                            value = Examples.PROOF_REQUEST_ACCEPTED)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "422")
    public Response create(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid CreateProofRequest body) {
        return idempotency.execute(key, caller, "POST /api/v1/proof-requests", body, () -> {
            ProofRequestView r = requests.request(body, caller);
            return Response.created(URI.create(ProofRequestService.PATH + r.id())).entity(r).build();
        });
    }

    @GET
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.VERIFIER, Role.Names.CITIZEN, Role.Names.ADMIN })
    @Operation(summary = "列出开具申请 / List proof requests",
            description = "status=OVERDUE 列出已超过法定时限仍未处理的申请。列表中主体的姓名和证件号脱敏（群众查看本人的申请除外）。"
                    + " / status=OVERDUE lists pending requests past their deadline. Subjects' names and identifiers are masked"
                    + " (except in a citizen's list of their own requests).")
    @APIResponse(responseCode = "200", description = "一页申请 / a page of requests")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<ProofRequestView> list(@QueryParam("status") RequestStatus status, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return queries.list(caller, status, PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.Names.ISSUER, Role.Names.VERIFIER, Role.Names.CITIZEN, Role.Names.ADMIN })
    @Operation(summary = "读取开具申请 / Read a proof request",
            description = "一个开具申请及其状态和截止日。管理员、开具部门的开具人员、提出申请的用证单位和证明主体本人可以读取，其他人返回 403。"
                    + "主体本人和开具部门看到完整的姓名和证件号，开具部门的每次查看都记入主体的访问记录；其他人看到脱敏值。"
                    + " / One proof request with its status and due date. ADMIN, the issuing department's ISSUERs, the using unit that filed it"
                    + " and the subject may read it; others get 403. The subject and the issuing department see the subject's name and"
                    + " identifier in full, each read by the department is recorded in the subject's access log; others see them masked.")
    @APIResponse(responseCode = "200", description = "申请 / the request")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public ProofRequestView read(@PathParam("id") UUID id,
            @Parameter(description = ProofResource.PURPOSE_DOC) @QueryParam("purpose") String purpose) {
        return queries.read(id, caller, purpose);
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @Operation(summary = "处理开具申请 / Decide a proof request",
            description = "开具部门开具（附证明内容）或不予开具（附理由）。答复中主体的姓名和证件号脱敏。"
                    + " / The issuing department issues (with claims) or rejects (with a reason). The answer shows the subject masked.")
    @APIResponse(responseCode = "200", description = "已处理 / decided")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public ProofRequestView decide(@PathParam("id") UUID id, @NotNull(message = Messages.BODY_REQUIRED) @Valid DecideRequest body) {
        return requests.decide(id, body, caller);
    }
}
