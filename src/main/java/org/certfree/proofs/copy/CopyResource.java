package org.certfree.proofs.copy;

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
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.copy.dto.CopyInput;
import org.certfree.proofs.copy.dto.CopyView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Purpose-bound copies (加注件) of proofs: made by the holder, or by a using unit under the holder's consent. */
@Path("/api/v1/copies")
@Tag(name = "copies", description = "加注件（限定用途、用证单位和有效期的证明副本）/ Purpose-bound copies of proofs")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CopyResource {

    @Inject
    CopyService copies;

    @Inject
    Caller caller;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CopyOfds ofds;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Operation(summary = "制作加注件 / Make a purpose-bound copy",
            description = "持证人为本人的一份证明制作加注件：限定一个用证单位、一项用途（最长 200 字）和有效期（不超过 90 天，不晚于证明有效期；不填为 30 天），"
                    + "并选择披露的内容。用证单位持有持证人对该事项、该用途的有效授权时，可为本单位制作（披露项和有效期不超出授权）。"
                    + "每份证明 90 天内最多有 3 份有效的加注件（未过期且未撤回）。证明已撤销、被替代、过期或因异议暂停时不能制作。"
                    + "返回的令牌由开具部门签名，用证单位可只凭公开密钥（JWKS）和缓存的状态列表离线核验；但撤回只有在线核验才能看出，所以有效期宜短。"
                    + " / The holder makes a copy of their proof bound to one using unit, one purpose (≤ 200 characters) and an expiry (≤ 90 days,"
                    + " not after the proof's validity; default 30 days), with the disclosures they choose. A using unit holding the holder's active"
                    + " consent for the matter and purpose may make one for itself (no more disclosures and no later expiry than the consent)."
                    + " At most 3 valid (unexpired, not withdrawn) copies per proof within 90 days. None for a revoked, superseded, expired or"
                    + " suspended proof. The token is signed by the issuing department and checkable offline with the JWKS and the cached status"
                    + " list; a withdrawal is seen only online, which is why copies expire soon.")
    @APIResponse(responseCode = "201", description = "已制作；令牌在 token / made; the token is in token")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "证明已撤销、被替代、过期或暂停使用 / the proof is revoked, superseded, expired or suspended")
    @APIResponse(responseCode = "422")
    @APIResponse(responseCode = "429", description = "有效加注件已达上限（Retry-After：最早一份失效的时间）/ the limit of valid copies is reached (Retry-After: until the first stops counting)")
    public Response make(@Parameter(description = "幂等键：重试返回同一加注件 / idempotency key: a retry returns the same copy")
            @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid CopyInput body) {
        return idempotency.execute(key, caller, "POST /api/v1/copies", body, () -> {
            CopyView c = copies.make(body, caller);
            return Response.created(URI.create(CopyService.PATH + c.id())).entity(c).build();
        });
    }

    @GET
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "列出本人的加注件 / List my copies", description = "不含令牌 / without their tokens")
    @APIResponse(responseCode = "200", description = "加注件 / copies")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public List<CopyView> list(@Parameter(description = "只列这份证明的 / only this proof's") @QueryParam("proofNumber") String proofNumber) {
        return copies.list(caller, proofNumber);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "查看本人的加注件及其令牌 / Read my copy with its token",
            description = "持证人读取本人的加注件和令牌（再次转交用证单位、或日后生成版式文件时用）；他人的加注件回答 404。"
                    + " / The holder reads their copy with its token (to hand it on again, or to render it later); anyone else's answers 404.")
    @APIResponse(responseCode = "200", description = "加注件 / the copy")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public CopyView get(@PathParam("id") UUID id) {
        return copies.get(id, caller);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "撤回加注件 / Withdraw a copy",
            description = "持证人撤回本人的加注件，此后在线核验不予通过；离线核验看不到撤回（只核对有效期和状态列表），直到它过期。再次撤回不改变撤回时间。"
                    + " / The holder withdraws their copy: online checks refuse it from then on. An offline check cannot see a withdrawal"
                    + " (it checks only the expiry and the status list) until the copy expires. Withdrawing again keeps the first time.")
    @APIResponse(responseCode = "200", description = "已撤回 / withdrawn")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public CopyView withdraw(@PathParam("id") UUID id) {
        return copies.withdraw(id, caller);
    }

    @GET
    @Path("{id}/ofd")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Produces("application/ofd")
    @Operation(summary = "加注件的版式文件（OFD）/ A copy as a sealed OFD",
            description = "加注件的 GB/T 33190 OFD：持证人为此用途选择披露的证明内容、用证单位、用途和有效期（另以斜向半透明水印铺满全页），"
                    + "元数据中附加注件令牌（供离线核验），由开具部门用其当前 SM2 密钥加盖电子印章（整文档签章）；不印核验码。"
                    + "持证人本人可下载；在持证人授权下为本单位制作加注件的用证单位也可下载，并记入持证人的访问记录。"
                    + "已撤回、已过期的加注件，或所附证明已不是有效状态时返回 409。"
                    + " / The copy as a GB/T 33190 OFD: the proof as the holder disclosed it for this purpose, the unit, purpose and"
                    + " expiry (also as a slanted translucent watermark over the whole page), the copy's token in the metadata (for"
                    + " offline checks), sealed over the whole document by the issuing department with its ACTIVE SM2 key; no"
                    + " verification code is printed. The holder may download it; so may the using unit that made the copy under"
                    + " the holder's consent, recorded in the holder's access log. 409 for a withdrawn or expired copy, or when the"
                    + " proof is no longer valid.")
    @APIResponse(responseCode = "200", description = "OFD")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response ofd(@PathParam("id") UUID id) {
        CopyOfds.Ofd ofd = ofds.ofd(id, caller);
        return Response.ok(ofd.bytes()).type("application/ofd")
                .header("Content-Disposition", "attachment; filename=\"" + ofd.number() + "-copy-" + ofd.id() + ".ofd\"")
                .build();
    }
}
