package org.certfree.proofs.commitment;

import static io.restassured.RestAssured.given;
import static org.certfree.proofs.commitment.Pledges.HEALTH;
import static org.certfree.proofs.commitment.Pledges.MARKET;
import static org.certfree.proofs.commitment.Pledges.OTHER_UNIT;
import static org.certfree.proofs.commitment.Pledges.UNIT;
import static org.certfree.proofs.commitment.Pledges.body;
import static org.certfree.proofs.commitment.Pledges.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.certfree.proofs.demo.DemoData;
import org.certfree.proofs.demo.ListDemoData;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep a pledge honest: the text read is the text bound, one standing pledge per holder,
 * matter and unit (no pledging again to draw again), only the unit it was made to checks it, and a stated
 * purpose of a read is bounded like a proof's.
 */
@QuarkusTest
class PledgeRulesTest {

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
    void theTextReadMustBeTheCurrentText() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> b = body(MARKET, holder, "王芳");
        b.remove("textHash");
        post(Tokens.citizen(holder), b).statusCode(400).body("errors.field", hasItem("textHash"));
        b.put("textHash", "0".repeat(64));
        post(Tokens.citizen(holder), b).statusCode(409).body("detail", containsString(Pledges.textHash(MARKET)));
        b.put("textHash", Pledges.textHash(MARKET));
        post(Tokens.citizen(holder), b).statusCode(201);
    }

    @Test
    void oneStandingPledgePerHolderMatterAndUnit() {
        String holder = Fixtures.randomResidentId();
        String first = post(Tokens.citizen(holder), body(HEALTH, holder, "王芳")).statusCode(201).extract().path("number");
        // again, to the same unit (another service matter does not matter): 409 naming the standing one
        Map<String, Object> again = body(HEALTH, holder, "王芳");
        again.put("serviceMatter", "医疗机构变更登记");
        post(Tokens.citizen(holder), again).statusCode(409).header("Location", endsWith("/api/v1/commitments/" + first))
                .body("detail", containsString(first));
        // at a window for the holder: the same rule
        Map<String, Object> window = body(HEALTH, holder, "王芳");
        window.put("assistance", Map.of("identityCheck", "FACE_CHECK", "formSha256", "c".repeat(64)));
        post(Tokens.verifier(UNIT), window).statusCode(409);
        // another unit is another pledge
        Map<String, Object> elsewhere = body(HEALTH, holder, "王芳");
        elsewhere.put("usingUnit", OTHER_UNIT);
        post(Tokens.citizen(holder), elsewhere).statusCode(201).body("usingUnit", equalTo(OTHER_UNIT));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).get("/api/v1/commitments").then()
                .statusCode(200).body("total", equalTo(2));
    }

    @Test
    void onlyTheUnitThePledgeWasMadeToChecksIt() {
        String holder = Fixtures.randomResidentId();
        Map<String, Object> made = Pledges.made(MARKET, holder);
        String number = (String) made.get("number");
        @SuppressWarnings("unchecked")
        String code = (String) ((Map<String, Object>) made.get("document")).get("verificationCode");
        Map<String, Object> check = Map.of("number", number, "code", code, "purpose", "核验住所承诺");
        verify(OTHER_UNIT, check).statusCode(403).body("detail", containsString("只能由接受承诺的用证单位核验"));
        verify(OTHER_UNIT, Map.of("number", number, "code", "000000".equals(code) ? "000001" : "000000", "purpose", "核验"))
                .statusCode(403); // refused before the code is looked at: another unit learns nothing from trying codes
        verify(UNIT, check).statusCode(200).body("indication", equalTo("TOTAL_PASSED")).body("documentKind", equalTo("PLEDGE"));
    }

    @Test
    void aStatedPurposeIsBounded() {
        String holder = Fixtures.randomResidentId();
        String number = (String) Pledges.made(MARKET, holder).get("number");
        given().header("Authorization", Tokens.bearer(Tokens.issuer("BZSCJGJ"))).queryParam("purpose", "查".repeat(201))
                .get("/api/v1/commitments/" + number).then().statusCode(400).body("errors.field", hasItem("purpose"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer("BZSCJGJ"))).queryParam("purpose", "查".repeat(200))
                .get("/api/v1/commitments/" + number).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse verify(String unit, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(Tokens.verifier(unit))).contentType(ContentType.JSON).body(body)
                .post("/api/v1/verifications").then();
    }
}
