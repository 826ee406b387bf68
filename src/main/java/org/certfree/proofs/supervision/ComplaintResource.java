package org.certfree.proofs.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.supervision.dto.ComplaintCloseInput;
import org.certfree.proofs.supervision.dto.ComplaintInput;
import org.certfree.proofs.supervision.dto.ComplaintSummary;
import org.certfree.proofs.supervision.dto.ComplaintView;
import org.certfree.proofs.supervision.dto.LockInput;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "投诉违规索要证明 / Complain that a unit demanded a proof",
            description = "群众或企业投诉某单位索要已取消、不在保留清单上或可在线核验的证明；自动附上索要之日该事项所在清单；"
                    + "转司法局处理。被投诉单位看不到投诉人。 / Routed to the justice bureau with the list state at the demand date"
                    + " attached; the unit never learns who complained.")
    @APIResponse(responseCode = "201", description = "已受理 / filed")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "422", description = "单位或事项不存在 / unknown unit or matter")
    public Response file(@NotNull(message = Messages.BODY_REQUIRED) @Valid ComplaintInput body) {
        ComplaintView v = complaints.file(body, caller);
        return Response.created(URI.create(ComplaintService.PATH + v.id())).entity(v).build();
    }

    @GET
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.REVIEWER,
            Role.Names.ADMIN })
    @Operation(summary = "投诉列表 / List complaints",
            description = "司法局看全部；投诉人看本人的；被投诉单位只看已办结的、针对本单位的（不含投诉内容）。"
                    + " / The justice bureau sees all, a complainant their own, a unit the closed ones against it (masked).")
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
    @RolesAllowed(Role.Names.REVIEWER)
    @Operation(summary = "按单位统计投诉 / Complaints per unit",
            description = "司法局：期间内收到的投诉按被投诉单位统计（收到、属实、不属实、未办结）。"
                    + " / The justice bureau: complaints filed in the period, per unit: received, founded, dismissed, open.")
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
            description = "投诉人本人、司法局；被投诉单位在办结后（不含投诉内容）。 / The complainant, the justice bureau; the unit once closed, masked.")
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
    @RolesAllowed(Role.Names.REVIEWER)
    @Operation(summary = "开始调查 / Start investigating", description = "司法局审核人员。 / The justice bureau.")
    @APIResponse(responseCode = "200", description = "调查中 / investigating")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "状态不符或版本过期 / wrong state, or a stale version")
    public ComplaintView investigate(@PathParam("id") UUID id, LockInput body) {
        return complaints.investigate(id, body == null ? null : body.version(), caller);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.REVIEWER)
    @Operation(summary = "办结投诉 / Close a complaint",
            description = "司法局审核人员：FOUNDED（属实，对被投诉单位作出认定）或 DISMISSED（不属实，答复）。"
                    + " / The justice bureau: FOUNDED with a finding against the unit, or DISMISSED with an answer.")
    @APIResponse(responseCode = "200", description = "已办结 / closed")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409", description = "已办结或版本过期 / closed already, or a stale version")
    public ComplaintView close(@PathParam("id") UUID id, @NotNull(message = Messages.BODY_REQUIRED) @Valid ComplaintCloseInput body) {
        return complaints.close(id, body, caller);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badParameter(name, Messages.COMPLAINT_PERIOD_REQUIRED);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(name, Messages.COMPLAINT_PERIOD_REQUIRED);
        }
    }
}
