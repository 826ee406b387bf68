package org.certfree.proofs.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log as CSV, with the same filters; the export is itself an audit event. */
@Path("/api/v1/audit-events.csv")
@Tag(name = AuditResource.TAG)
public class AuditExportResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @GET
    @Produces(CSV)
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER, Role.Names.VERIFIER })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "导出审计日志（CSV）/ Export the audit log as CSV",
            description = "与 /api/v1/audit-events 相同的筛选条件，最新的在前，至多 100000 条；带 BOM 的 UTF-8，可直接用 Excel 打开。导出本身记入审计日志（audit-log.exported）。"
                    + " / The same filters as /api/v1/audit-events, newest first, at most 100,000 rows; UTF-8 with a byte-order mark"
                    + " for Excel. The export is itself recorded in the audit log (audit-log.exported).")
    @APIResponse(responseCode = "200", description = "CSV 文件 / the CSV file")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "422")
    public Response export(@Parameter(description = AuditResource.ACTOR) @QueryParam("actor") String actor,
            @Parameter(description = AuditResource.ACTION) @QueryParam("action") String action,
            @Parameter(description = AuditResource.DEPARTMENT) @QueryParam("department") String department,
            @Parameter(description = AuditResource.FROM) @QueryParam("from") String from,
            @Parameter(description = AuditResource.TO) @QueryParam("to") String to) {
        audit.requireReader(caller);
        byte[] csv = audit.exportCsv(caller, AuditFilter.of(actor, action, department, from, to));
        return Response.ok(csv, CSV).header("Content-Disposition", "attachment; filename=\"audit-events.csv\"").build();
    }
}
