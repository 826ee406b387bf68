package org.certfree.proofs.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.certfree.proofs.stats.dto.StatisticsReport;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The 工作台账 per department and period, as JSON or CSV (the same figures). */
@Path("/api/v1")
@Tag(name = StatisticsResource.TAG, description = "统计与监督 / Statistics and supervision")
public class StatisticsResource {

    static final String TAG = "statistics";
    static final String CSV = "text/csv; charset=UTF-8";
    static final String FROM = "起始日（含），YYYY-MM-DD，默认本月 1 日 / first day (inclusive), default: the 1st of this month";
    static final String TO = "截止日（含），YYYY-MM-DD，默认该月末 / last day (inclusive), default: the end of that month";
    static final String DEPARTMENT = "部门代码；开具单位只能是本部门 / department code; an ISSUER only its own";

    @Inject
    StatisticsService statistics;

    @Inject
    Caller caller;

    @GET
    @Path("statistics")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.VERIFIER,
            Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "工作台账 / Statistics per department and period",
            description = "司法局（审核部门）与管理员可看所有部门，开具单位只能看本部门。由同一事务内的触发器维护的日汇总表计算，无延迟。"
                    + "Accept: text/csv 时返回 CSV。 / The justice bureau and ADMIN see every department, an ISSUER its own;"
                    + " computed from a daily rollup kept by triggers in the recording transaction (no lag). CSV when"
                    + " Accept prefers text/csv.")
    @APIResponse(responseCode = "200", description = "各部门统计 / figures per department",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticsReport.class)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response report(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = DEPARTMENT) @QueryParam("department") String department, @Context HttpHeaders headers) {
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            if (wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
            if (wanted.isCompatible(MediaType.valueOf("text/csv"))) {
                return csv(from, to, department);
            }
        }
        return Response.ok(statistics.report(caller, from, to, department), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("statistics.csv")
    @Produces(CSV)
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.VERIFIER,
            Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "工作台账（CSV）/ Statistics as CSV",
            description = "与 GET /api/v1/statistics 相同的数字，每个部门一行，UTF-8 CSV（首行为中文表头），便于用表格软件打开。权限相同。"
                    + " / The same figures as GET /api/v1/statistics, one row per department, UTF-8 CSV with a Chinese header row,"
                    + " for spreadsheets. The same access rules.")
    @APIResponse(responseCode = "200", description = "CSV 文件 / the CSV file")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response csv(@Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = DEPARTMENT) @QueryParam("department") String department) {
        String body = statistics.csv(statistics.report(caller, from, to, department));
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"statistics.csv\"").build();
    }
}
