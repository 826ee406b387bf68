package org.certfree.proofs.calendar;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.certfree.proofs.calendar.dto.CalendarDayView;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.audit.StaffActions;

/**
 * Counts working days (工作日) for statutory time limits: Monday to Friday, minus public holidays,
 * plus the weekend days worked in exchange, as published each year by the State Council and kept
 * by ADMIN through the API. The exceptions are few (tens a year) and cached in memory.
 */
@ApplicationScoped
public class WorkingDayCalendar {

    @Inject
    StaffActions staffActions;

    /** A limit beyond this many working days is a data error, not a statutory period. */
    public static final int MAX_WORKING_DAYS = 365;

    /** Other replicas may change the calendar: reread it at least this often. */
    private static final Duration CACHE_TTL = Duration.ofMinutes(5);

    private record Snapshot(Map<LocalDate, DayKind> days, long loadedAtNanos) {
    }

    private final AtomicReference<Snapshot> cache = new AtomicReference<>();

    public boolean isWorkingDay(LocalDate day) {
        DayKind exception = exceptions().get(day);
        if (exception != null) {
            return exception == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which a period of {@code workingDays} working days that starts the day after
     * {@code start} ends (the day of the request is not counted, as 《行政许可法》第八十二条 counts periods).
     * Zero working days is {@code start} itself.
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("working days out of range: " + workingDays);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The end of a period of {@code workingDays} working days from {@code start} (see {@link #addWorkingDays}),
     * and whether it is provisional: some day counted lies in a year whose arrangement nobody has entered,
     * so that year's holidays and make-up days are unknown and only weekends were skipped.
     */
    public record Deadline(LocalDate day, boolean provisional) {
    }

    /** As {@link #addWorkingDays}, saying whether the calendar covered every year the period runs through. */
    public Deadline deadline(LocalDate start, int workingDays) {
        LocalDate day = addWorkingDays(start, workingDays);
        boolean provisional = false;
        for (int y = start.plusDays(workingDays == 0 ? 0 : 1).getYear(); y <= day.getYear(); y++) {
            provisional |= !covers(y);
        }
        return new Deadline(day, provisional);
    }

    /** Whether the year's arrangement (its holidays, and make-up days if any) is in the calendar. */
    public boolean covers(int year) {
        return exceptions().entrySet().stream().anyMatch(e -> e.getKey().getYear() == year && e.getValue() == DayKind.HOLIDAY);
    }

    /** This year and the next, those of them whose arrangement is not in the calendar (ADMIN is told at start-up). */
    public List<Integer> missingComingYears(LocalDate today) {
        return IntStream.rangeClosed(today.getYear(), today.getYear() + 1).filter(y -> !covers(y)).boxed()
                .toList();
    }

    public List<CalendarDayView> year(int year) {
        return CalendarDay.<CalendarDay>find("day >= ?1 and day <= ?2", Sort.by("day"),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CalendarDayView::of).toList();
    }

    @Transactional
    public CalendarDayView put(LocalDate day, DayKind kind, String name, String source) {
        CalendarDay d = CalendarDay.findById(day);
        if (d == null) {
            d = new CalendarDay();
            d.day = day;
            d.kind = kind;
            d.name = name;
            d.source = source;
            d.persist();
        } else {
            d.kind = kind;
            d.name = name;
            d.source = source;
        }
        cache.set(null);
        staffActions.record("calendar.day-set", null, "calendar-day", day, "kind", kind);
        return CalendarDayView.of(d);
    }

    @Transactional
    public void remove(LocalDate day) {
        if (!CalendarDay.deleteById(day)) {
            throw ApiException.notFound(Messages.CALENDAR_DAY_NOT_FOUND.formatted(day));
        }
        cache.set(null);
        staffActions.record("calendar.day-removed", null, "calendar-day", day);
    }

    private Map<LocalDate, DayKind> exceptions() {
        Snapshot snapshot = cache.get();
        if (snapshot == null || System.nanoTime() - snapshot.loadedAtNanos() > CACHE_TTL.toNanos()) {
            Map<LocalDate, DayKind> days = CalendarDay.<CalendarDay>listAll().stream()
                    .collect(Collectors.toUnmodifiableMap(d -> d.day, d -> d.kind));
            snapshot = new Snapshot(days, System.nanoTime());
            cache.set(snapshot);
        }
        return snapshot.days();
    }
}
