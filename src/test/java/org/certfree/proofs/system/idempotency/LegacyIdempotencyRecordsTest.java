package org.certfree.proofs.system.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.testsupport.ClearText;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tampering;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 1: idempotency records of before V33 — a citizen's keys filed under their identifier,
 * an answer stored in clear — are converted at start, and a retry after the conversion still gets the
 * stored answer; a staff member's records are left as they are.
 */
@QuarkusTest
class LegacyIdempotencyRecordsTest {

    @Inject
    DataSource db;

    @Inject
    LegacyIdempotencyRecords legacy;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderIndex holders;

    @Test
    void aCitizensOldRecordIsKeyedByBlindIndexAndStillReplays() throws SQLException {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 5);
        String holder = Fixtures.randomResidentId();
        String key = "legacy-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "慕容晓", "id", holder),
                "purpose", "办理入学");
        String id = post(Tokens.citizen(holder), "/api/v1/proof-requests", body, key).statusCode(201).extract().path("id");
        assertEquals("holder:" + holders.of(holder), value("SELECT principal FROM idempotency_record WHERE key = ?", key));

        String staffKey = "legacy-" + UUID.randomUUID();
        Map<String, Object> issue = Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "慕容晓", "id", holder),
                "claims", Map.of("户籍地址", "新疆库尔勒市人民东路 1 号"), "purpose", "办理入学");
        String number = post(Tokens.issuer(Fixtures.GOOD_ISSUER), "/api/v1/proofs", issue, staffKey).statusCode(201)
                .extract().path("number");
        String staffPrincipal = value("SELECT principal FROM idempotency_record WHERE key = ?", staffKey);

        // the rows as they were written before V33: the citizen's identifier, answers in clear
        String answer = protector.decrypt(value("SELECT body FROM idempotency_record WHERE key = ?", key), IdempotencyService.BODY_PURPOSE);
        String staffAnswer = protector.decrypt(value("SELECT body FROM idempotency_record WHERE key = ?", staffKey),
                IdempotencyService.BODY_PURPOSE);
        Tampering.asServiceUser(db, "UPDATE idempotency_record SET principal = ?, body = ? WHERE key = ?", holder, answer, key);
        Tampering.asServiceUser(db, "UPDATE idempotency_record SET body = ? WHERE key = ?", staffAnswer, staffKey);

        assertEquals(2, legacy.convert());
        assertEquals(0, legacy.convert(), "converted once");
        assertEquals("holder:" + holders.of(holder), value("SELECT principal FROM idempotency_record WHERE key = ?", key));
        assertEquals(staffPrincipal, value("SELECT principal FROM idempotency_record WHERE key = ?", staffKey), "staff as it was");
        for (String k : List.of(key, staffKey)) {
            assertTrue(ClearText.find(value("SELECT body FROM idempotency_record WHERE key = ?", k), List.of(holder, "慕容晓")).isEmpty(),
                    "answer encrypted");
        }

        post(Tokens.citizen(holder), "/api/v1/proof-requests", body, key).statusCode(201)
                .header(IdempotencyService.REPLAYED_HEADER, "true").body("id", equalTo(id));
        post(Tokens.issuer(Fixtures.GOOD_ISSUER), "/api/v1/proofs", issue, staffKey).statusCode(201)
                .header(IdempotencyService.REPLAYED_HEADER, "true").body("number", equalTo(number));
    }

    private static io.restassured.response.ValidatableResponse post(String token, String path, Object body, String key) {
        return given().header("Authorization", Tokens.bearer(token)).header(IdempotencyService.HEADER, key)
                .contentType(ContentType.JSON).body(body).post(path).then();
    }

    private String value(String sql, String param) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, param);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }
}
