package org.certfree.proofs.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.publication.ListSignals;
import org.certfree.proofs.publication.dto.SignalView;
import org.certfree.proofs.stats.dto.SignalReport;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 监督信号: units that asked for cancelled or unlisted matters, for the justice bureau and ADMIN. */
@Path("/api/v1/supervision-signals")
@Tag(name = StatisticsResource.TAG)
public class SupervisionSignalResource {

    @Inject
    ListSignals signals;

    @Inject
    StatsAccess access;

    @Inject
    DepartmentService departments;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.ISSUER, Role.Names.LIST_EDITOR, Role.Names.VERIFIER,
            Role.Names.CITIZEN })
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "监督信号 / Supervision signals",
            description = "用证单位调取、核验或列入用证清单时，该事项已取消或不在保留清单上：每单位、事项、渠道、日一条。每单位计数按期间内全部信号精确统计；"
                    + "明细分页（total 为总条数）。仅司法局与管理员。"
                    + " / A using unit requested, verified or listed a matter that was cancelled or not retained then: one row"
                    + " per unit, matter, channel and day. The counts per unit are exact over the whole period; the rows come a page at"
                    + " a time (total counts them all). Justice bureau and ADMIN only.")
    @APIResponse(responseCode = "200", description = "信号及每单位计数 / signals and counts per unit")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public SignalReport list(@Parameter(description = StatisticsResource.FROM) @QueryParam("from") String from,
            @Parameter(description = StatisticsResource.TO) @QueryParam("to") String to,
            @Parameter(description = "用证单位代码 / using unit code") @QueryParam("unit") String unit,
            @Parameter(description = "信号明细的页码，从 0 开始 / page of the rows, 0-based") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，默认 20，最多 200 / rows per page, default 20, at most 200") @QueryParam("size") Integer size) {
        access.requireSupervisor(caller);
        PageRequest request = PageRequest.of(page, size);
        Period period = Period.parse(from, to, clock);
        String u = unit == null || unit.isBlank() ? null : unit.trim();
        if (u != null && departments.find(u).isEmpty()) {
            throw ApiException.notFound(Messages.STATS_UNKNOWN_DEPARTMENT.formatted(u));
        }
        List<SignalReport.UnitCount> perUnit = signals.perUnit(period.from(), period.to(), u).stream()
                .map(c -> new SignalReport.UnitCount(c.unit(), c.signals(), c.attempts())).toList();
        Page<SignalView> rows = signals.list(period.from(), period.to(), u, request);
        return new SignalReport(period.from(), period.to(), u, perUnit, rows.items(), rows.page(), rows.size(), rows.total());
    }
}
