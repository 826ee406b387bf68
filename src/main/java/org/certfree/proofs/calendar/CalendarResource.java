package org.certfree.proofs.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.certfree.proofs.calendar.dto.CalendarDayInput;
import org.certfree.proofs.calendar.dto.CalendarDayView;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The working-day calendar used for statutory time limits; ADMIN keeps the yearly holiday arrangement. */
@Path("/api/v1/calendar")
@Tag(name = "calendar", description = "工作日历（法定时限按工作日计算）/ Working-day calendar")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Inject
    WorkingDayCalendar calendar;

    @GET
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER,
            Role.Names.VERIFIER, Role.Names.CITIZEN })
    @Operation(summary = "某年的节假日与调休 / Holidays and worked weekend days of a year",
            description = "列出某年（year，2000–2100）登记的法定节假日和调休上班日，其余日子按周一至周五上班计。开具申请的法定时限按此日历以工作日计算。"
                    + " / The public holidays and worked weekend days recorded for a year (2000–2100); other days count Monday to Friday as working days. The statutory time limits of proof requests are counted in working days on this calendar.")
    @APIResponse(responseCode = "200", description = "日历例外 / calendar exceptions")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    public List<CalendarDayView> year(@QueryParam("year") Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw ApiException.badParameter("year", Messages.CALENDAR_YEAR_INVALID);
        }
        return calendar.year(year);
    }

    @PUT
    @Path("{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "设置节假日或调休日 / Set a holiday or worked weekend day",
            description = "登记或替换某日为节假日（HOLIDAY）或调休上班日（WORKDAY），须注明名称和依据（如国务院办公厅通知文号）。仅管理员；每年的放假安排公布后录入。"
                    + " / Records or replaces a day as a holiday (HOLIDAY) or worked weekend day (WORKDAY), with its name and source (e.g. the State Council's notice). ADMIN only; entered when each year's arrangement is published.")
    @APIResponse(responseCode = "200", description = "已设置 / set")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public CalendarDayView put(@PathParam("day") LocalDate day,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid CalendarDayInput body) {
        return calendar.put(day, body.kind(), body.name().trim(), body.source().trim());
    }

    @DELETE
    @Path("{day}")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "删除日历例外 / Remove a calendar exception",
            description = "删除某日的节假日或调休登记，该日恢复按周一至周五计算；没有登记的日子返回 404。仅管理员。"
                    + " / Removes the holiday or worked-weekend entry of a day, which then counts by weekday again; a day without an entry answers 404. ADMIN only.")
    @APIResponse(responseCode = "204", description = "已删除 / removed")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public void remove(@PathParam("day") LocalDate day) {
        calendar.remove(day);
    }
}
