package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.certfree.proofs.keys.DetachedJws;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tampering;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows of {@code proof} changed with SQL behind the service's back — as the service's own database
 * user (the database refuses) and as a superuser who switches the triggers off: what the service serves
 * still comes from what the department signed, and {@code /api/v1/transparency/verify} reports the row.
 */
@QuarkusTest
class ProofTamperTest {

    @Inject
    DataSource db;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
    }

    @Test
    void changedClaimsValidityOrPayloadAreNeverServedAndAreReported() throws Exception {
        JsonPath issued = issue();
        String number = issued.getString("number");
        String validUntil = issued.getString("validUntil");
        assertNoProblem("proofs", number);

        // 1. the validity and an index column changed in the row: served as signed, and reported
        Tampering.asSuperuser(db, "UPDATE proof SET valid_until = valid_until + interval '10 years', matter_name = '伪造的事项'"
                + " WHERE number = ?", number);
        try {
            holder(number).statusCode(200).body("claims.户主关系", equalTo("户主")).body("validUntil", equalTo(validUntil))
                    .body("matter.name", equalTo(issued.getString("matter.name")));
            given().queryParam("code", issued.getString("verificationCode")).get("/api/v1/proofs/" + number + "/status")
                    .then().statusCode(200).body("validUntil", equalTo(validUntil));
            assertProblem("proofs", number, "COLUMNS");
        } finally {
            Tampering.asSuperuser(db, "UPDATE proof SET valid_until = valid_until - interval '10 years', matter_name = ?"
                    + " WHERE number = ?", issued.getString("matter.name"), number);
        }
        assertNoProblem("proofs", number);

        // 2. the claims handed to the holder and to using units: the stored disclosures swapped for another
        //    proof's (encrypted alike, so they decrypt) no longer match the signed digests, and are not served
        String other = issue().getString("number");
        String mine = disclosuresOf(number);
        Tampering.asSuperuser(db, "UPDATE proof p SET disclosures_enc = o.disclosures_enc FROM proof o"
                + " WHERE p.number = ? AND o.number = ?", number, other);
        try {
            holder(number).statusCode(500).body("type", equalTo("urn:certfree:problem:record-integrity"));
            assertProblem("proofs", number, "SIGNATURE");
        } finally {
            Tampering.asSuperuser(db, "UPDATE proof p SET disclosures_enc = ? WHERE p.number = ?", mine, number);
        }
        holder(number).statusCode(200).body("claims.户主关系", equalTo("户主"));
        assertNoProblem("proofs", number);

        // 3. the payload itself rewritten: it no longer matches the signature, and is not served at all
        String purpose = issued.getString("purpose");
        Tampering.asSuperuser(db, "UPDATE proof SET payload = replace(payload, ?, '伪造的用途') WHERE number = ?", purpose, number);
        try {
            holder(number).statusCode(500).body("type", equalTo("urn:certfree:problem:record-integrity"))
                    .body("detail", org.hamcrest.Matchers.containsString(number));
            assertProblem("proofs", number, "SIGNATURE");
        } finally {
            Tampering.asSuperuser(db, "UPDATE proof SET payload = replace(payload, '伪造的用途', ?) WHERE number = ?", purpose, number);
        }
        holder(number).statusCode(200);
        assertNoProblem("proofs", number);

        // 4. the Ed25519 signature (which only the JSON form carries) swapped for another proof's: reads rely on the
        //    SM2-SM3 one, the transparency check checks every stored signature and reports it
        String signatures = signaturesOf(number);
        List<DetachedJws.Signature> swapped = new java.util.ArrayList<>(DetachedJws.signatures(signatures));
        swapped.set(1, new DetachedJws.Signature(swapped.get(1).protectedHeader(), DetachedJws.signatures(signaturesOf(other)).get(1).signature()));
        Tampering.asSuperuser(db, "UPDATE proof SET jws_signatures = ? WHERE number = ?", DetachedJws.of(swapped), number);
        try {
            assertProblem("proofs", number, "SIGNATURE");
        } finally {
            Tampering.asSuperuser(db, "UPDATE proof SET jws_signatures = ? WHERE number = ?", signatures, number);
        }
        assertNoProblem("proofs", number);
    }

    @Test
    void aRevokedProofNeverReturnsToValid() throws Exception {
        String number = issue().getString("number");
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("reason", "ISSUED_IN_ERROR")).post("/api/v1/proofs/" + number + "/revoke").then().statusCode(200);
        given().get("/api/v1/status-lists/" + Fixtures.GOOD_ISSUER).then().statusCode(200); // the list signed with its bit set

        for (String sql : List.of("UPDATE proof SET status = 'VALID', revoked_at = NULL, revocation_reason = NULL WHERE number = ?",
                "UPDATE proof SET revocation_reason = 'DATA_CHANGED' WHERE number = ?",
                "UPDATE proof SET valid_until = valid_until + interval '1 year' WHERE number = ?")) {
            SQLException refused = assertThrows(SQLException.class, () -> Tampering.asServiceUser(db, sql, number), sql);
            assertTrue("23IMM".equals(refused.getSQLState()), refused.getSQLState() + " " + refused.getMessage());
        }
        assertNoProblem("status-lists", number);

        Tampering.asSuperuser(db, "UPDATE proof SET status = 'VALID', revoked_at = NULL, revocation_reason = NULL, revoked_by = NULL"
                + " WHERE number = ?", number);
        try {
            assertProblem("status-lists", number, "STATUS_LIST");
            assertProblem("revocations", number, "STATUS_AUDIT"); // told by the audit log even without a status list
        } finally {
            Tampering.asSuperuser(db, "UPDATE proof SET status = 'REVOKED', revoked_at = now(), revocation_reason = 'ISSUED_IN_ERROR',"
                    + " revoked_by = 'restored' WHERE number = ?", number);
        }
        assertNoProblem("status-lists", number);
        assertNoProblem("revocations", number);
    }

    // ------------------------------------------------------------------ helpers

    private String disclosuresOf(String number) throws SQLException {
        return column("disclosures_enc", number);
    }

    private String signaturesOf(String number) throws SQLException {
        return column("jws_signatures", number);
    }

    private String column(String column, String number) throws SQLException {
        try (var c = db.getConnection(); var ps = c.prepareStatement("SELECT " + column + " FROM proof WHERE number = ?")) {
            ps.setString(1, number);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private JsonPath issue() {
        return given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(ProofResourceTest.issueBody(matter, Fixtures.CITIZEN_ID)).post("/api/v1/proofs")
                .then().statusCode(201).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse holder(String number) {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.CITIZEN_ID)))
                .get("/api/v1/proofs/" + number).then();
    }

    private static void assertProblem(String scope, String ref, String check) {
        given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(false))
                .body("records.find { it.scope == '" + scope + "' }.problems.findAll { it.ref == '" + ref + "' }.check",
                        hasItem(check));
    }

    private static void assertNoProblem(String scope, String ref) {
        given().get("/api/v1/transparency/verify").then().statusCode(200)
                .body("records.find { it.scope == '" + scope + "' }.problems.ref", not(hasItem(ref)));
    }


}
