package org.certfree.proofs.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.proof.ProofLookup;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, item 7: wrong codes for one number count together whatever client or unit tried them and
 * on whichever replica (the count is in PostgreSQL; "another replica" here is a second connection adding
 * to it). Past the limit the number is locked for everyone — an unknown number exactly as an issued one —
 * while the signed proof and its holder's own view still work, and the lock ends with its window.
 */
@QuarkusTest
class CodeLockTest {

    @Inject
    StatusCheckLimiter limiter;

    @Inject
    ControllableClock clock;

    @Inject
    DataSource db;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        Fixtures.onUsageList(Fixtures.OTHER_WINDOW, matter);
        limiter.reset();
    }

    @AfterEach
    void time() {
        clock.reset();
        limiter.reset();
    }

    @Test
    void wrongCodesFromEveryClientUnitAndReplicaCountTogether() throws Exception {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> p = Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "张三", holder);
        String number = (String) p.get("number");
        String right = (String) p.get("verificationCode");
        String wrong = "000000".equals(right) ? "000001" : "000000";
        int tries = 0;
        for (; tries < 3; tries++) { // the public status check, anonymous
            status(number, wrong).statusCode(404);
        }
        for (String unit : new String[] {Fixtures.WINDOW, Fixtures.OTHER_WINDOW}) {
            for (int i = 0; i < 3; i++, tries++) {
                verify(unit, number, wrong).statusCode(200).body("subIndication", equalTo("NOT_ISSUED"));
            }
        }
        anotherReplicaCounts(number, ProofLookup.MAX_WRONG_CODES - tries - 1);
        status(number, right).statusCode(200); // one short of the limit: the right code still works
        status(number, wrong).statusCode(404); // the last one that counts

        // locked for everyone, even with the right code; a signed proof and the holder's own view need no code
        status(number, right).statusCode(429).header("Retry-After", equalTo(String.valueOf(ProofLookup.CODE_LOCK.toSeconds())));
        verify(Fixtures.WINDOW, number, right).statusCode(429);
        verify(Fixtures.OTHER_WINDOW, number, right).statusCode(429);
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW))).contentType(ContentType.JSON)
                .body(Map.of("jws", p.get("jwsCompact"), "purpose", "办理入学")).post("/api/v1/verifications")
                .then().statusCode(200).body("indication", equalTo("TOTAL_PASSED"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/proofs/" + number)
                .then().statusCode(200);

        // an unknown number locks exactly alike, so a lock does not tell which numbers were issued
        String unissued = new ProofNumbers().newNumber(2026);
        for (int i = 0; i < ProofLookup.MAX_WRONG_CODES; i++) {
            status(unissued, wrong).statusCode(404);
        }
        status(unissued, wrong).statusCode(429);

        // not for long: the lock ends with its window
        clock.advance(ProofLookup.CODE_LOCK.plus(Duration.ofMinutes(1)));
        status(number, right).statusCode(200);
    }

    private ValidatableResponse status(String number, String code) {
        limiter.reset(); // the per-client limit is another matter (StatusCheckTest)
        return given().queryParam("code", code).get("/api/v1/proofs/" + number + "/status").then();
    }

    private static ValidatableResponse verify(String unit, String number, String code) {
        return given().header("Authorization", Tokens.bearer(Tokens.verifier(unit))).contentType(ContentType.JSON)
                .body(Map.of("number", number, "code", code, "purpose", "办理入学")).post("/api/v1/verifications").then();
    }

    /** Wrong codes counted by another replica on the same database: the row every replica reads. */
    private void anotherReplicaCounts(String number, int more) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE code_attempt SET wrong = wrong + ? WHERE number = ?")) {
            ps.setInt(1, more);
            ps.setString(2, number);
            if (ps.executeUpdate() != 1) {
                throw new AssertionError("no count for " + number);
            }
        }
    }
}
