package org.certfree.proofs.verification;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Signed status lists for offline verifiers; cacheable until the list's own half-life. */
@Path("/api/v1/status-lists")
@Tag(name = "status-lists", description = "状态列表（离线核验）/ Status lists for offline verifiers")
public class StatusListResource {

    /** RFC 7515 §9.2.1: a JWS in the compact serialization (the payload is not a JWT claims set). */
    public static final String JOSE = "application/jose";

    @Inject
    StatusListService lists;

    @Inject
    Clock clock;

    @GET
    @Path("{dept}")
    @PermitAll
    @SecurityRequirements
    @Produces(StatusListResource.JOSE)
    @Operation(summary = "部门的签名状态列表 / A department's signed status list",
            description = "紧凑 JWS（SM2SM3），载荷为 RFC 8785 规范化 JSON：issuer、number（递增）、issuedAt、validUntil、size、"
                    + "encodedList（base64url(GZIP(位串))，第 i 位为 1 表示撤销或被替代），"
                    + "suspension（statusPurpose 为 suspension 的第二个位串，同样编码，第 i 位为 1 表示异议处理中暂停使用，可恢复）。"
                    + " / Compact JWS (SM2SM3) over canonical JSON: issuer, number (increasing), issuedAt, validUntil, size, "
                    + "encodedList (base64url of the GZIP'd bitstring; bit i set = revoked or superseded), "
                    + "suspension (a second bitstring, statusPurpose suspension, encoded alike; bit i set = suspended while disputed, reversible).")
    @APIResponse(responseCode = "200", description = "签名状态列表 / the signed list")
    @APIResponse(responseCode = "304", description = "未变化 / not modified")
    @APIResponse(responseCode = "404")
    public Response get(@PathParam("dept") String dept,
            @Parameter(description = "上次取得的 ETag / ETag of the list held") @HeaderParam("If-None-Match") String ifNoneMatch) {
        StatusListPublication p = lists.current(dept);
        // Caches may keep a list a minute at most: a revocation publishes a new list at once.
        long maxAge = Math.max(0, Math.min(MAX_AGE_SECONDS, Duration.between(clock.instant(), p.validUntil).dividedBy(2).toSeconds()));
        String etag = "\"" + dept + "-" + p.key.number() + "\"";
        Response.ResponseBuilder r = etag.equals(ifNoneMatch == null ? null : ifNoneMatch.trim())
                ? Response.notModified() : Response.ok(p.jws);
        return r.header("Cache-Control", "public, max-age=" + maxAge).header("ETag", etag).build();
    }

    static final long MAX_AGE_SECONDS = 60;
}
