package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request's due date is counted in working days; when the period runs into a year whose holidays
 * nobody has entered, the answer says the date is provisional instead of passing it off as exact.
 */
@QuarkusTest
class ProvisionalDueDateTest {

    @Inject
    ControllableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDeadlineRunningIntoAYearWithoutCalendarIsProvisionalAndSaysWhy() {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 5);
        String id = Fixtures.randomResidentId();
        String citizen = Tokens.bearer(Tokens.citizen(id));
        Map<String, Object> body = Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "钱七", "id", id),
                "purpose", "办理入学");
        // in the covered year 2026: exact (Monday 7 Dec + 5 working days; the clock only moves forward: the matter is
        // published now)
        moveTo(LocalDateTime.of(2026, 12, 7, 10, 0));
        given().header("Authorization", citizen).contentType(ContentType.JSON).body(body).post("/api/v1/proof-requests")
                .then().statusCode(201).body("dueDate", equalTo("2026-12-14")).body("dueDateProvisional", equalTo(false))
                .body("dueDateWarning", nullValue());
        // on 28 Dec 2026 the period runs into 2027, not yet entered: provisional, with the reason
        moveTo(LocalDateTime.of(2026, 12, 28, 10, 0));
        given().header("Authorization", citizen).contentType(ContentType.JSON).body(body).post("/api/v1/proof-requests")
                .then().statusCode(201).body("dueDate", equalTo("2027-01-04")).body("dueDateProvisional", equalTo(true))
                .body("dueDateWarning", containsString("暂定"));
    }

    private void moveTo(LocalDateTime local) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), local.atZone(ControllableClock.ZONE).toInstant()));
    }
}
