package org.certfree.proofs.supervision;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.StorableTime;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.supervision.dto.ComplaintCloseInput;
import org.certfree.proofs.supervision.dto.ComplaintInput;
import org.certfree.proofs.supervision.dto.ComplaintSummary;
import org.certfree.proofs.supervision.dto.ComplaintView;
import org.certfree.proofs.supervision.dto.LockInput;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 违规索要证明投诉: complaints that a unit demanded a proof, investigated by the justice bureau. */
@Path("/api/v1/complaints")
@Tag(name = "supervision", description = "监督：清单异议与违规索要证明投诉 / Supervision: list disputes and complaints")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    @Inject
    ComplaintService complaints;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "投诉违规索要证明 / Complain that a unit demanded a proof",
            description = "群众或企业投诉某单位索要已取消、不在保留清单上或可在线核验的证明；自动附上索要之日该事项所在清单；"
                    + "转司法局处理。被投诉单位看不到投诉人。 / Routed to the justice bureau with the list state at the demand date"
                    + " attached; the unit never learns who complained.")
    @APIResponse(responseCode = "201", description = "已受理 / filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "422", description = "单位或事项不存在 / unknown unit or matter")
    public Response file(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid ComplaintInput body) {
        return idempotency.execute(key, caller, "POST " + ComplaintService.PATH, body, () -> {
            ComplaintView v = complaints.file(body, caller);
            return Response.created(URI.create(ComplaintService.PATH + v.id())).entity(v).build();
        });
    }

    @GET
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.REVIEWER,
            Role.Names.ADMIN })
    @Operation(summary = "投诉列表 / List complaints",
            description = "司法局和管理员看全部（不含投诉内容）；投诉人看本人的；被投诉单位只看已办结的、针对本单位的（不含投诉内容）。"
                    + " / The justice bureau and ADMIN see all (without the account), a complainant their own, a unit the closed"
                    + " ones against it (masked).")
    @APIResponse(responseCode = "200", description = "一页投诉 / a page of complaints")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    public Page<ComplaintView> list(@Parameter(description = "状态 / status") @QueryParam("status") ComplaintStatus status,
            @Parameter(description = "被投诉单位（司法局用）/ the unit (justice bureau)") @QueryParam("department") String department,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return complaints.list(status, department == null || department.isBlank() ? null : department.trim(), caller,
                PageRequest.of(page, size));
    }

    @GET
    @Path("summary")
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    @Operation(summary = "按单位统计投诉 / Complaints per unit",
            description = "司法局和管理员：期间内收到的投诉按被投诉单位统计（收到、属实、不属实、未办结）。"
                    + " / The justice bureau and ADMIN: complaints filed in the period, per unit: received, founded, dismissed, open.")
    @APIResponse(responseCode = "200", description = "统计 / the counts")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public ComplaintSummary summary(@Parameter(description = "起始日期 / from", required = true) @QueryParam("from") String from,
            @Parameter(description = "截止日期（含）/ to, inclusive", required = true) @QueryParam("to") String to) {
        return complaints.summary(date("from", from), date("to", to), caller);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.REVIEWER,
            Role.Names.ADMIN })
    @Operation(summary = "一件投诉 / One complaint",
            description = "投诉人本人、司法局和管理员（每次查看记入投诉人的访问记录）；被投诉单位在办结后（不含投诉内容）。"
                    + " / The complainant; the justice bureau and ADMIN (each read in the complainant's access log); the unit once"
                    + " closed, masked.")
    @APIResponse(responseCode = "200", description = "投诉 / the complaint")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public ComplaintView get(@PathParam("id") UUID id) {
        return complaints.get(id, caller);
    }

    @POST
    @Path("{id}/investigation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    @Operation(summary = "开始调查 / Start investigating",
            description = "司法局审核人员；针对司法局本身的投诉由管理员办理（回避）。 / The justice bureau; ADMIN for a complaint"
                    + " against the bureau itself (recusal).")
    @APIResponse(responseCode = "200", description = "调查中 / investigating",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "状态不符或版本过期 / wrong state, or a stale version")
    public Response investigate(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("id") UUID id, LockInput body) {
        return idempotency.execute(key, caller, "POST " + ComplaintService.PATH + id + "/investigation", body,
                () -> Response.ok(complaints.investigate(id, body == null ? null : body.version(), caller)).build());
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.REVIEWER, Role.Names.ADMIN })
    @Operation(summary = "办结投诉 / Close a complaint",
            description = "司法局审核人员（针对司法局本身的投诉由管理员）：FOUNDED（属实，对被投诉单位作出认定）或 DISMISSED（不属实，答复）。"
                    + " / The justice bureau (ADMIN for one against the bureau itself): FOUNDED with a finding against the unit,"
                    + " or DISMISSED with an answer.")
    @APIResponse(responseCode = "200", description = "已办结 / closed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "已办结或版本过期 / closed already, or a stale version")
    public Response close(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @PathParam("id") UUID id, @NotNull(message = Messages.BODY_REQUIRED) @Valid ComplaintCloseInput body) {
        return idempotency.execute(key, caller, "POST " + ComplaintService.PATH + id + "/close", body,
                () -> Response.ok(complaints.close(id, body, caller)).build());
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badParameter(name, Messages.COMPLAINT_PERIOD_REQUIRED);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, Messages.COMPLAINT_PERIOD_REQUIRED);
        }
        // PostgreSQL compares timestamps up to the year 294276 only: keep to the years every store takes
        if (!StorableTime.storable(day)) {
            throw ApiException.badParameter(name, Messages.PARAMETER_TIME_OUT_OF_RANGE.formatted(name));
        }
        return day;
    }
}
