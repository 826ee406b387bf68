package org.certfree.proofs.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.certfree.proofs.verification.dto.VerificationResult;
import org.certfree.proofs.verification.dto.VerifyRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Online verification by using units. */
@Path("/api/v1/verifications")
@Tag(name = "verifications", description = "核验（谁制发、谁核验）/ Verification on the issuer's authority")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    @Inject
    VerificationService verification;

    @Inject
    Caller caller;

    @Inject
    IdempotencyService idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.VERIFIER)
    @Operation(summary = "核验证明 / Verify a proof",
            description = "用证单位提交签名证明、二维码内容或编号加核验码；结论由开具部门的记录给出，并附开具部门签名的核验回执。"
                    + "调取全文须持证人授权本单位为本次用途调取该事项的证明。本单位须列入该事项的用证清单。"
                    + " / A using unit presents the signed proof, the QR payload or number + code; the verdict comes from the issuer's record "
                    + "with a receipt signed by the issuing department. Full content needs the holder's consent for this unit, matter and purpose; the unit must be on the 用证 list.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerifyRequest.class),
            examples = {
                @ExampleObject(name = "number-and-code", summary = "编号加核验码，并核对持证人 / number and code, matching the holder",
                        value = Examples.VERIFY_BY_NUMBER),
                @ExampleObject(name = "qr", summary = "扫描二维码 / a scanned QR code", value = Examples.VERIFY_BY_QR) }))
    @APIResponse(responseCode = "200", description = "核验结论 / the verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerificationResult.class),
                    examples = {
                        @ExampleObject(name = "passed", summary = "真实有效 / valid (TOTAL_PASSED)", value = Examples.VERIFICATION_PASSED),
                        @ExampleObject(name = "revoked", summary = "已撤销 / revoked (TOTAL_FAILED)", value = Examples.VERIFICATION_REVOKED) }))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "429", description = "该编号的核验码被输错过多（不论来自哪个单位或客户端），稍后再试或提交签名证明 / too many wrong codes for this number, from any unit or client (Retry-After)")
    @APIResponse(responseCode = "503", description = "回执签发繁忙，1 秒后重试（可带同一 Idempotency-Key）/ receipt signing is busy: retry after Retry-After")
    public Response verify(@Parameter(description = "幂等键：重试返回同一核验结论和回执，不重复记录 / idempotency key: a retry returns the same verdict and receipt, logged once")
            @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid VerifyRequest body) {
        return idempotency.execute(key, caller, "POST /api/v1/verifications", body,
                () -> Response.ok(verification.verify(body, caller)).build());
    }
}
