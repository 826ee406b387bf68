package org.certfree.proofs.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
            description = "用证单位调取、核验或列入用证清单时，该事项已取消或不在保留清单上：每单位、事项、渠道、日一条。仅司法局与管理员。"
                    + " / A using unit requested, verified or listed a matter that was cancelled or not retained then: one row"
                    + " per unit, matter, channel and day. Justice bureau and ADMIN only.")
    @APIResponse(responseCode = "200", description = "信号及每单位计数 / signals and counts per unit")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public SignalReport list(@Parameter(description = StatisticsResource.FROM) @QueryParam("from") String from,
            @Parameter(description = StatisticsResource.TO) @QueryParam("to") String to,
            @Parameter(description = "用证单位代码 / using unit code") @QueryParam("unit") String unit) {
        access.requireSupervisor(caller);
        Period period = Period.parse(from, to, clock);
        String u = unit == null || unit.isBlank() ? null : unit.trim();
        if (u != null && departments.find(u).isEmpty()) {
            throw ApiException.notFound(Messages.STATS_UNKNOWN_DEPARTMENT.formatted(u));
        }
        List<SignalView> rows = signals.list(period.from(), period.to(), u);
        Map<String, long[]> counts = new TreeMap<>();
        for (SignalView s : rows) {
            long[] c = counts.computeIfAbsent(s.unit(), k -> new long[2]);
            c[0]++;
            c[1] += s.attempts();
        }
        List<SignalReport.UnitCount> perUnit = new ArrayList<>();
        counts.forEach((k, c) -> perUnit.add(new SignalReport.UnitCount(k, c[0], c[1])));
        perUnit.sort(Comparator.comparingLong(SignalReport.UnitCount::signals).reversed());
        return new SignalReport(period.from(), period.to(), u, perUnit, rows);
    }
}
