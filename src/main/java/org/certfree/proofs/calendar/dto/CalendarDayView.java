package org.certfree.proofs.calendar.dto;

import java.time.LocalDate;
import org.certfree.proofs.calendar.CalendarDay;
import org.certfree.proofs.calendar.DayKind;

/** A calendar exception as the API shows it. */
public record CalendarDayView(LocalDate day, DayKind kind, String name, String source) {

    public static CalendarDayView of(CalendarDay d) {
        return new CalendarDayView(d.day, d.kind, d.name, d.source);
    }
}
