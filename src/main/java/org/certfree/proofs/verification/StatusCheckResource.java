package org.certfree.proofs.verification;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.verification.dto.StatusAnswer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public status check of a proof by number and verification code. */
@Path("/api/v1/proofs/{number}/status")
@Tag(name = "status", description = "证明状态查询（公开）/ Public proof status check")
public class StatusCheckResource {

    private static final java.util.regex.Pattern SIX_DIGITS = java.util.regex.Pattern.compile("^\\d{6}$");

    @Inject
    StatusCheckService statusCheck;

    @Inject
    StatusCheckLimiter limiter;

    @GET
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "查询证明状态 / Check a proof's status",
            description = "凭证明编号和核验码查询，只返回状态、事项、开具部门、日期和脱敏姓名。编号不存在与核验码错误的回答相同。按客户端限流。"
                    + " / By number and verification code; answers status, matter, issuer, dates and the masked holder name only. "
                    + "An unknown number and a wrong code answer alike. Rate-limited per client.")
    // The method answers a Response (for Cache-Control: no-store), which hides the entity type from the scanner.
    @APIResponse(responseCode = "200", description = "状态 / status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusAnswer.class),
                    examples = @ExampleObject(name = "valid", summary = "有效 / valid", value = Examples.STATUS_ANSWER)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404", description = "编号不存在或核验码不符（回答相同）/ no proof with this number and code (an unknown number and a wrong code answer alike)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "no-match", summary = "不相符 / no match", value = Examples.STATUS_NO_MATCH)))
    @APIResponse(responseCode = "429", description = "本客户端查询过频，或该编号的核验码被输错过多（不论来自哪个客户端）/ too many checks from this client, or too many wrong codes for this number from anyone (Retry-After)")
    public Response status(@PathParam("number") String number,
            @Parameter(description = "核验码 / verification code") @QueryParam("code") String code,
            @Context HttpServerRequest request) {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (!limiter.tryAcquire(client)) {
            long wait = limiter.retryAfterSeconds(client);
            throw new ApiException(ProblemType.TOO_MANY_REQUESTS, Messages.STATUS_CHECK_TOO_MANY.formatted(wait))
                    .withHeader("Retry-After", Long.toString(wait));
        }
        String normalized = ProofNumbers.normalize(number);
        ProofNumbers.problem(normalized).ifPresent(p -> {
            throw ApiException.badParameter("number", Messages.PROOF_NUMBER_INVALID.formatted(number, p));
        });
        if (code == null || !SIX_DIGITS.matcher(code.trim()).matches()) {
            throw ApiException.badParameter("code", Messages.STATUS_CODE_FORMAT);
        }
        StatusAnswer answer = statusCheck.check(normalized, code)
                .orElseThrow(() -> ApiException.notFound(Messages.STATUS_NO_MATCH));
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }
}
