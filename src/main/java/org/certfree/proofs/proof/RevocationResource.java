package org.certfree.proofs.proof;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.dto.BulkRevocationRequest;
import org.certfree.proofs.proof.dto.BulkRevocationView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk revocation of a department's proofs: by numbers, by matter and issue dates, or by signing key. */
@Path("/api/v1/revocations")
@Tag(name = "proofs", description = "电子证明 / Electronic proofs")
@Produces(MediaType.APPLICATION_JSON)
public class RevocationResource {

    @Inject
    BulkRevocationService revocations;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "批量撤销证明 / Revoke proofs in bulk",
            description = "开具部门一次撤销本部门的一批电子证明，三种选择方式必须且只能用一种：numbers（证明编号清单，至多 100000 个）、"
                    + "matter（某证明事项在开具日期范围内的证明，日期为北京时间，含首尾两天）、key（某签名密钥自某时刻起签名的证明）。"
                    + "须给出撤销原因 reason 和说明 note。一次至多选中 100000 份证明，超过时返回 422 且不做任何改动。"
                    + "服务先记下本次撤销（选中的证明分成若干块），再由多个连接并行逐块撤销，全部完成后才答复，答复 200 即全部持久；"
                    + "每份证明连同它的审计记录（proof.revoked）和持证人的访问记录（证明被撤销）在同一事务中撤销：中断时每份证明要么已撤销且有记录，要么原样未动；"
                    + "再次提交相同的请求（相同的 Idempotency-Key，或相同的选择、原因和说明）会继续并完成未完成的那次撤销，不会重复记录。"
                    + "结束后部门的状态列表发布新的一版。有效（VALID）的证明被撤销；已撤销、已被替代的只计数；异议处理中的证明跳过并列出（请通过处理异议撤销）；"
                    + "清单中不属于本部门的编号返回 403，不做任何改动。重复提交是安全的：不带 Idempotency-Key 时不会再撤销任何证明，并报告已撤销的；"
                    + "带相同 Idempotency-Key 的重试返回第一次的答复。preview=true 只预览数量和样例，不做任何改动。"
                    + " / The issuing department revokes a set of its own proofs at once, chosen by exactly one selector: numbers (a list of at most"
                    + " 100,000 proof numbers), matter (a matter's proofs issued within a date range, Beijing dates, both days included) or key"
                    + " (what a signing key signed from an instant on). A reason and a note are required. One run selects at most 100,000"
                    + " proofs; beyond that it answers 422 and changes nothing. The run is recorded first (its proofs split into chunks),"
                    + " then revoked chunk by chunk on several connections at once; the answer comes when all is done, so a 200 means all"
                    + " is durable. Each proof is revoked in one transaction with its audit row (proof.revoked) and its holder's"
                    + " access-log entry: after an interruption each proof is revoked with its rows or untouched, and the same request"
                    + " again (same Idempotency-Key, or same selection, reason and note) finishes the interrupted run without a second"
                    + " row for any proof. The department's status list is republished once at the end. VALID proofs are revoked; revoked and superseded ones are counted; proofs under"
                    + " dispute are skipped and listed (decide the dispute instead); a listed number of another department answers 403"
                    + " and changes nothing. Repeating is safe: without an Idempotency-Key nothing more is revoked and the already revoked"
                    + " are reported; with the same key the first answer is replayed. preview=true counts and samples, changing nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BulkRevocationRequest.class),
            examples = {
                    @ExampleObject(name = "numbers", summary = "按证明编号 / by numbers", value = Examples.BULK_REVOKE_NUMBERS),
                    @ExampleObject(name = "matter", summary = "按事项和开具日期 / by matter and issue dates", value = Examples.BULK_REVOKE_MATTER),
                    @ExampleObject(name = "key", summary = "按签名密钥 / by signing key", value = Examples.BULK_REVOKE_KEY) }))
    @APIResponse(responseCode = "200", description = "已撤销，或预览结果 / revoked, or the preview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkRevocationView.class),
                    examples = {
                            @ExampleObject(name = "revoked", summary = "已撤销 / revoked", value = Examples.BULK_REVOKED),
                            @ExampleObject(name = "preview", summary = "预览 / preview", value = Examples.BULK_REVOKE_PREVIEW) }))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "413")
    @APIResponse(responseCode = "422")
    public Response revoke(
            @Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @Parameter(description = "true：只预览，不做任何改动 / true: preview only, change nothing",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("preview") String preview,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid BulkRevocationRequest body) {
        if (previewed(preview)) {
            return Response.ok(revocations.preview(body, caller)).build();
        }
        return idempotency.execute(key, caller, "POST /api/v1/revocations", body,
                () -> Response.ok(revocations.revoke(body, caller, key)).build());
    }

    private static boolean previewed(String preview) {
        if (preview == null || preview.equalsIgnoreCase("false")) {
            return false;
        }
        if (preview.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badParameter("preview", Messages.BULK_REVOKE_PREVIEW_INVALID);
    }
}
