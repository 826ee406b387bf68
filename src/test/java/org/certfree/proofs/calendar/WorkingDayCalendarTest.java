package org.certfree.proofs.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkingDayCalendarTest {

    @Inject
    WorkingDayCalendar calendar;

    @Test
    void springFestival2025IsSkippedAndTheWorkedSaturdayCounts() {
        // 2025-01-27 (Mon) + 3 working days: 28 Jan–4 Feb are holidays, 26 Jan and 8 Feb are worked.
        // Working days after the 27th: 5 Feb (1), 6 Feb (2), 7 Feb (3).
        assertEquals(LocalDate.of(2025, 2, 7), calendar.addWorkingDays(LocalDate.of(2025, 1, 27), 3));
        // ... and the 4th is Saturday 8 Feb, a worked weekend day (调休上班).
        assertEquals(LocalDate.of(2025, 2, 8), calendar.addWorkingDays(LocalDate.of(2025, 1, 27), 4));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 1, 26)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, 8)));
    }

    @Test
    void the2026ArrangementIsCountedAndADeadlineInto2027IsProvisional() {
        // 国庆节 2026: 1–7 Oct off, Saturday 10 Oct worked; the day after 30 Sep is 8 Oct, the third Saturday 10 Oct
        assertEquals(LocalDate.of(2026, 10, 8), calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1));
        assertEquals(LocalDate.of(2026, 10, 10), calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))); // 春节调休上班 (Saturday)
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))); // 春节 (Monday)
        assertEquals(new WorkingDayCalendar.Deadline(LocalDate.of(2026, 10, 8), false),
                calendar.deadline(LocalDate.of(2026, 9, 30), 1));
        // 28 Dec 2026 (Mon) + 5: 29, 30, 31 Dec, then 1 Jan 2027 — unknown, counted as a Friday — and 4 Jan
        assertEquals(new WorkingDayCalendar.Deadline(LocalDate.of(2027, 1, 4), true),
                calendar.deadline(LocalDate.of(2026, 12, 28), 5));
        assertTrue(calendar.covers(2026));
        assertFalse(calendar.covers(2027));
        assertEquals(java.util.List.of(2027), calendar.missingComingYears(LocalDate.of(2026, 11, 29)));
        assertEquals(java.util.List.of(), calendar.missingComingYears(LocalDate.of(2025, 6, 1)));
    }

    @Test
    void plainWeeksSkipWeekends() {
        // 2025-03-07 is a Friday: one working day later is Monday the 10th.
        assertEquals(LocalDate.of(2025, 3, 10), calendar.addWorkingDays(LocalDate.of(2025, 3, 7), 1));
        assertEquals(LocalDate.of(2025, 3, 7), calendar.addWorkingDays(LocalDate.of(2025, 3, 7), 0));
        assertEquals(LocalDate.of(2025, 3, 21), calendar.addWorkingDays(LocalDate.of(2025, 3, 7), 10));
    }

    @Test
    void adminKeepsTheCalendarOthersOnlyRead() {
        Fixtures.departments();
        String admin = Tokens.bearer(Tokens.admin());
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "测试假日", "source", "测试通知"))
                .put("/api/v1/calendar/2031-03-04").then().statusCode(200);
        assertFalse(calendar.isWorkingDay(LocalDate.of(2031, 3, 4)));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).queryParam("year", 2031)
                .get("/api/v1/calendar").then().statusCode(200).body("day", hasItem("2031-03-04"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "x", "source", "y"))
                .put("/api/v1/calendar/2031-03-05").then().statusCode(403);
        given().header("Authorization", admin).delete("/api/v1/calendar/2031-03-04").then().statusCode(204);
        assertTrue(calendar.isWorkingDay(LocalDate.of(2031, 3, 4)));
        given().header("Authorization", admin).delete("/api/v1/calendar/2031-03-04").then().statusCode(404);
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("kind", "NAP"))
                .put("/api/v1/calendar/2031-03-06").then().statusCode(400);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "x", "source", "y"))
                .put("/api/v1/calendar/not-a-date").then().statusCode(400);
        given().header("Authorization", admin).get("/api/v1/calendar").then().statusCode(400);
    }
}
