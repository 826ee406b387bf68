package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import javax.sql.DataSource;
import org.certfree.proofs.testsupport.ClearText;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tampering;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 1, for rows written before V33: a subject record's claims left in clear are encrypted
 * at start (and still answer an immediate request), and a citizen's request can no longer name its
 * requester by identifier (V33 rewrote them to the blind index and keeps it so).
 */
@QuarkusTest
class PersonalDataMigrationTest {

    private static final String SPOUSE = "慕容秋水";

    @Inject
    DataSource db;

    @Inject
    LegacySubjectRecords legacy;

    @Test
    void claimsLeftInClearAreEncryptedAtStartAndStillServe() throws SQLException {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        String holder = Fixtures.randomResidentId();
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("subject", Map.of("kind", "PERSON", "name", "慕容晓", "id", holder), "claims", Map.of("配偶姓名", SPOUSE)))
                .put("/api/v1/subject-records/" + matter).then().statusCode(204);
        assertTrue(ClearText.find(claimsOf(matter), List.of(SPOUSE)).isEmpty(), "stored encrypted");

        // the row as V33 leaves one written before it: the jsonb's text
        Tampering.asServiceUser(db, "UPDATE subject_record SET claims_enc = ? WHERE matter_code = ?",
                "{\"配偶姓名\": \"" + SPOUSE + "\"}", matter);
        assertEquals(1, legacy.convert());
        assertEquals(0, legacy.convert(), "converted once");
        assertTrue(ClearText.find(claimsOf(matter), List.of(SPOUSE)).isEmpty(), "encrypted by the conversion");

        String number = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "慕容晓", "id", holder),
                        "purpose", "办理婚姻登记"))
                .post("/api/v1/proof-requests").then().statusCode(201).body("status", equalTo("ISSUED")).extract().path("proofNumber");
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("claims.配偶姓名", equalTo(SPOUSE));
    }

    @Test
    void aCitizensRequestNamesTheRequesterByBlindIndexOnly() throws SQLException {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 5);
        String holder = Fixtures.randomResidentId();
        String id = given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "慕容晓", "id", holder),
                        "purpose", "办理入学"))
                .post("/api/v1/proof-requests").then().statusCode(201).extract().path("id");
        String requestedBy = value("SELECT requested_by FROM proof_request WHERE id = ?::uuid", id);
        assertEquals("holder:" + value("SELECT subject_id_index FROM proof_request WHERE id = ?::uuid", id), requestedBy);
        SQLException refused = assertThrows(SQLException.class, () -> Tampering.asServiceUser(db,
                "UPDATE proof_request SET requested_by = ? WHERE id = ?::uuid", holder, id));
        assertEquals("23514", refused.getSQLState(), "check constraint proof_request_citizen_by_index");
    }

    private String claimsOf(String matter) throws SQLException {
        return value("SELECT claims_enc FROM subject_record WHERE matter_code = ?", matter);
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
