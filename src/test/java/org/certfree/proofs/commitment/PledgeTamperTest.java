package org.certfree.proofs.commitment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tampering;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pledge row changed behind the service's back: what is served still comes from the signed document, a
 * text that is not the signed one is never served, and {@code /api/v1/transparency/verify} reports the row.
 */
@QuarkusTest
class PledgeTamperTest {

    @Inject
    DataSource db;

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @BeforeEach
    void demo() {
        demoData.seed();
        lists.seed();
    }

    @Test
    void changedColumnsAreNeverServedAndAreReported() throws Exception {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> made = Pledges.made(Pledges.MARKET, holder);
        String number = (String) made.get("number");
        String hash = Pledges.hash(Pledges.MARKET);
        assertNoProblem(number);
        String index = index(number);

        Tampering.asSuperuser(db, "UPDATE pledge SET using_unit = 'KELSZWZX', service_matter = '伪造的事项',"
                + " template_hash = ? WHERE number = ?", "0".repeat(64), number);
        try {
            read(holder, number).statusCode(200).body("usingUnit", equalTo(Pledges.UNIT))
                    .body("serviceMatter", equalTo(Pledges.SERVICE)).body("template.hash", equalTo(hash));
            given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(false))
                    .body("records.find { it.scope == 'pledges' }.problems.findAll { it.ref == '" + number + "' }.check",
                            hasItem("COLUMNS"))
                    .body("records.find { it.scope == 'pledges' }.problems.find { it.ref == '" + number + "' }.detail",
                            org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("using_unit"),
                                    org.hamcrest.Matchers.containsString("template_hash")));
        } finally {
            Tampering.asSuperuser(db, "UPDATE pledge SET using_unit = ?, service_matter = ?, template_hash = ? WHERE number = ?",
                    Pledges.UNIT, Pledges.SERVICE, hash, number);
        }
        assertNoProblem(number);

        // a text other than the one whose hash was signed (a softer consequence, say) is never shown
        Tampering.asSuperuser(db, "UPDATE pledge SET text = replace(text, '予以处罚', '予以提醒') WHERE number = ?", number);
        try {
            read(holder, number).statusCode(500).body("type", equalTo("urn:certfree:problem:record-integrity"));
            given().get("/api/v1/transparency/verify").then().statusCode(200)
                    .body("records.find { it.scope == 'pledges' }.problems.findAll { it.ref == '" + number + "' }.check",
                            hasItem("COLUMNS"));
        } finally {
            Tampering.asSuperuser(db, "UPDATE pledge SET text = replace(text, '予以提醒', '予以处罚') WHERE number = ?", number);
        }
        read(holder, number).statusCode(200);
        assertNoProblem(number);

        // the check task handed to another department, and the pledger's index moved to someone else
        Tampering.asSuperuser(db, "UPDATE pledge_check SET checking_department = 'BZMZJ' WHERE pledge_number = ?", number);
        Tampering.asSuperuser(db, "UPDATE pledge SET subject_id_index = ? WHERE number = ?", "f".repeat(64), number);
        try {
            given().get("/api/v1/transparency/verify").then().statusCode(200).body("consistent", equalTo(false))
                    .body("records.find { it.scope == 'pledges' }.problems.find { it.ref == '" + number + "' }.detail",
                            org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("pledge_check.checking_department"),
                                    org.hamcrest.Matchers.containsString("subject_id_index")));
        } finally {
            Tampering.asSuperuser(db, "UPDATE pledge_check SET checking_department = 'BZSCJGJ' WHERE pledge_number = ?", number);
            Tampering.asSuperuser(db, "UPDATE pledge SET subject_id_index = ? WHERE number = ?", index, number);
        }
        assertNoProblem(number);
    }

    private String index(String number) throws Exception {
        try (var c = db.getConnection(); var q = c.prepareStatement("SELECT subject_id_index FROM pledge WHERE number = ?")) {
            q.setString(1, number);
            try (var r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static io.restassured.response.ValidatableResponse read(String holder, String number) {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/commitments/" + number).then();
    }

    private static void assertNoProblem(String number) {
        given().get("/api/v1/transparency/verify").then().statusCode(200)
                .body("records.find { it.scope == 'pledges' }.problems.ref", not(hasItem(number)));
    }
}
