package org.certfree.proofs.system.log;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, item 10: issuance, verification, revocation and refusals are logged as events with the
 * request's correlation id, department and outcome in their fields — and never a name, an identifier,
 * a claim or a verification code.
 */
@QuarkusTest
class BusinessEventsTest {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            ExtLogRecord record = (ExtLogRecord) r;
            record.copyAll(); // the MDC as it is now, while the event's fields are in it
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Held here: JUL keeps loggers weakly, and a collected one would take the handler with it. */
    private final Logger events = Logger.getLogger("certfree.events");

    @BeforeEach
    void listen() {
        events.addHandler(capture);
    }

    @AfterEach
    void stop() {
        events.removeHandler(capture);
    }

    @Test
    void eventsCarryTheRequestsCorrelationIdAndNoPersonalData() {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        String holder = Fixtures.randomResidentId();
        records.clear();

        Map<String, Object> proof = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .header(CorrelationIds.HEADER, "req-issue-1").contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "艾合买提", "id", holder),
                        "claims", Map.of("户籍地址", "新疆库尔勒市人民东路 1 号"), "purpose", "办理入学"))
                .post("/api/v1/proofs").then().statusCode(201).header(CorrelationIds.HEADER, "req-issue-1")
                .extract().as(Map.class);
        String number = (String) proof.get("number");
        String code = (String) proof.get("verificationCode");
        ExtLogRecord issued = only("proof.issued");
        assertEquals("req-issue-1", issued.getMdc(CorrelationIds.MDC_KEY));
        assertEquals(Fixtures.GOOD_ISSUER, issued.getMdc("dept"));
        assertEquals(number, issued.getMdc("number"));
        assertEquals("direct", issued.getMdc("via"));
        assertEquals("ok", issued.getMdc("outcome"));

        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("number", number, "code", code, "purpose", "办理入学")).post("/api/v1/verifications")
                .then().statusCode(200).header(CorrelationIds.HEADER, org.hamcrest.Matchers.notNullValue());
        ExtLogRecord verified = only("verification");
        assertEquals(Fixtures.WINDOW, verified.getMdc("unit"));
        assertEquals("TOTAL_PASSED", verified.getMdc("outcome"));
        assertTrue(verified.getMdc(CorrelationIds.MDC_KEY) != null, "a correlation id is made when none is given");

        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + number + "/revoke").then().statusCode(403);
        ExtLogRecord refused = only("request.refused");
        assertEquals("403", refused.getMdc("status"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + number + "/revoke").then().statusCode(200);
        assertEquals("DATA_CHANGED", only("proof.revoked").getMdc("reason"));

        for (ExtLogRecord r : records) {
            String everything = r.getFormattedMessage() + " " + r.getMdcCopy();
            for (String secret : List.of("艾合买提", holder, "库尔勒市人民东路", code)) {
                assertFalse(everything.contains(secret), "an event shows " + secret + ": " + everything);
            }
        }
    }

    private ExtLogRecord only(String event) {
        List<ExtLogRecord> found = records.stream().filter(r -> event.equals(r.getMdc("event"))).toList();
        assertEquals(1, found.size(), event + " events: " + found.stream().map(ExtLogRecord::getFormattedMessage).toList());
        return found.get(0);
    }
}
