package org.certfree.proofs.calendar;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.certfree.proofs.common.ControllableClock;
import org.jboss.logging.Logger;

/**
 * Tells the operators (ADMIN) at start-up which coming year has no holiday arrangement in the calendar:
 * deadlines running into it are counted from weekends alone and answered as provisional until an ADMIN
 * enters it ({@code PUT /api/v1/calendar/{day}}). The State Council publishes the next year's arrangement
 * in November or so.
 */
@ApplicationScoped
class CalendarCoverage {

    private static final Logger LOG = Logger.getLogger(CalendarCoverage.class);

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent start) {
        List<Integer> missing = calendar.missingComingYears(LocalDate.now(clock.withZone(ControllableClock.ZONE)));
        for (int year : missing) {
            LOG.warnf("Calendar: no holiday arrangement for %d is entered: deadlines running into %d are provisional"
                    + " (weekends only) until an ADMIN enters its holidays and make-up days (PUT /api/v1/calendar/{day})",
                    year, year);
        }
    }
}
