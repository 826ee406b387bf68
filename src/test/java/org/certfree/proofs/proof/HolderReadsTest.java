package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 4: every full read of a holder's proof by someone other than the holder is in the
 * holder's access log — issuer staff reading it, downloading its PDF or QR code (PNG, SVG), listing it
 * by the holder's ID — and the holder's own reads, masked views and refused reads are not. Each test
 * uses a holder no other test uses, so it knows their whole log.
 */
@QuarkusTest
class HolderReadsTest {

    private static final String STAFF = "gaj-window-staff-7";

    private String matter;
    private String holder;
    private String number;

    @BeforeEach
    void aProofOfAFreshHolder() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        holder = Fixtures.randomResidentId();
        number = (String) Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "孙八", holder).get("number");
    }

    @Test
    void theIssuersReadAndEachDownloadAreLoggedWithWhoWhatAndWhy() {
        String staff = Tokens.bearer(Tokens.mint("ISSUER", Fixtures.GOOD_ISSUER, STAFF));
        given().header("Authorization", staff).queryParam("purpose", "核对申请材料").get("/api/v1/proofs/" + number)
                .then().statusCode(200).body("subject.id", equalTo(holder)).body("verificationCode", notNullValue());
        given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/pdf").then().statusCode(200)
                .contentType("application/pdf");
        given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/ofd").then().statusCode(200)
                .contentType("application/ofd");
        given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/qr.png").then().statusCode(200)
                .contentType("image/png");
        given().header("Authorization", staff).get("/api/v1/proofs/" + number + "/qr.svg").then().statusCode(200)
                .contentType("image/svg+xml");

        List<Map<String, Object>> log = log().getList("items");
        assertEquals(List.of("PROOF_QR svg", "PROOF_QR png", "PROOF_PDF ofd", "PROOF_PDF pdf", "PROOF_READ null"),
                log.stream().map(e -> e.get("kind") + " " + ((Map<?, ?>) e.get("details")).get("format")).toList());
        for (Map<String, Object> e : log) {
            assertEquals(Fixtures.GOOD_ISSUER, e.get("unit"));
            assertEquals(STAFF, e.get("actor"));
            assertEquals(number, e.get("proofNumber"));
        }
        assertEquals("核对申请材料", log.get(4).get("purpose"));
        assertEquals("查看证明", log.get(4).get("kindText"));
        assertEquals("下载证明二维码", log.get(0).get("kindText"));
        assertEquals(null, log.get(0).get("purpose"), "no purpose stated");
    }

    @Test
    void theHoldersOwnReadsAreNotLogged() {
        String own = Tokens.bearer(Tokens.citizen(holder));
        given().header("Authorization", own).get("/api/v1/proofs/" + number).then().statusCode(200)
                .body("subject.id", equalTo(holder)).body("subject.masked", equalTo(false));
        for (String rendering : List.of("/pdf", "/ofd", "/qr.png", "/qr.svg")) {
            given().header("Authorization", own).get("/api/v1/proofs/" + number + rendering).then().statusCode(200);
        }
        given().header("Authorization", own).get("/api/v1/proofs").then().statusCode(200)
                .body("items.find { it.number == '" + number + "' }.subject.id", equalTo(holder));
        assertEquals(0, log().getLong("total"));
    }

    /** The issuer's list shows many holders: masked, and nothing logged; filtered to one holder, in full and logged. */
    @Test
    void theIssuersListIsMaskedUnlessFilteredToOneHolderThenEachProofShownIsLogged() {
        String second = (String) Fixtures.issued(Fixtures.GOOD_ISSUER, matter, "孙八", holder).get("number");
        String staff = Tokens.bearer(Tokens.mint("ISSUER", Fixtures.GOOD_ISSUER, STAFF));
        JsonPath all = given().header("Authorization", staff).queryParam("matter", matter).queryParam("size", 200)
                .get("/api/v1/proofs").then().statusCode(200).extract().jsonPath();
        Map<String, Object> masked = all.getMap("items.find { it.number == '" + number + "' }");
        assertEquals(Map.of("kind", "PERSON", "name", "孙*", "id", ResidentId.mask(holder), "masked", true), masked.get("subject"));
        assertEquals(null, masked.get("verificationCode"));
        assertEquals(null, masked.get("claims"));
        assertEquals(null, masked.get("jwsCompact"));
        assertEquals(0, log().getLong("total"), "a masked list reads nobody's data");

        given().header("Authorization", staff).queryParam("subjectId", holder).queryParam("purpose", "窗口查询本人证明")
                .get("/api/v1/proofs").then().statusCode(200).body("total", equalTo(2)).body("totalExact", equalTo(true))
                .body("items.subject.id", everyItem(equalTo(holder))).body("items.verificationCode", everyItem(notNullValue()));
        JsonPath log = log();
        assertEquals(2, log.getLong("total"));
        assertEquals(Set.of(second, number), Set.copyOf(log.getList("items.proofNumber")));
        assertEquals(List.of("PROOF_READ", "PROOF_READ"), log.getList("items.kind"));
        assertEquals(List.of("list", "list"), log.getList("items.details.via"));
        assertEquals(List.of("窗口查询本人证明", "窗口查询本人证明"), log.getList("items.purpose"));
    }

    /** ADMIN sees masked values only, and nothing is logged; the renderings (which carry the code) are refused. */
    @Test
    void adminSeesMaskedValuesOnlyAndIsNotLogged() {
        String admin = Tokens.bearer(Tokens.admin());
        given().header("Authorization", admin).get("/api/v1/proofs/" + number).then().statusCode(200)
                .body("subject.id", equalTo(ResidentId.mask(holder))).body("subject.name", equalTo("孙*"))
                .body("subject.masked", equalTo(true)).body("verificationCode", nullValue()).body("claims", nullValue())
                .body("jwsCompact", nullValue()).body("jwsJson", nullValue());
        given().header("Authorization", admin).queryParam("size", 200).get("/api/v1/proofs").then().statusCode(200)
                .body("items.subject.masked", everyItem(equalTo(true))).body("items.verificationCode", everyItem(nullValue()))
                .body("items.number", hasItem(number));
        for (String rendering : List.of("/pdf", "/ofd", "/qr.png", "/qr.svg")) {
            given().header("Authorization", admin).get("/api/v1/proofs/" + number + rendering).then().statusCode(403);
        }
        assertEquals(0, log().getLong("total"));
    }

    /** Everyone else is refused and leaves nothing in the log: another department, a window, another citizen, nobody. */
    @Test
    void refusedReadsAreNotLogged() {
        for (String token : List.of(Tokens.issuer(Fixtures.OTHER_DEPT_ISSUER), Tokens.verifier(Fixtures.WINDOW),
                Tokens.citizen(Fixtures.OTHER_CITIZEN_ID), Tokens.listEditor(Fixtures.GOOD_ISSUER))) {
            for (String path : List.of("", "/pdf", "/ofd", "/qr.png", "/qr.svg")) {
                given().header("Authorization", Tokens.bearer(token)).get("/api/v1/proofs/" + number + path).then()
                        .statusCode(403);
            }
        }
        for (String path : List.of("", "/pdf", "/ofd", "/qr.png", "/qr.svg")) {
            given().get("/api/v1/proofs/" + number + path).then().statusCode(401);
        }
        assertEquals(0, log().getLong("total"));
    }

    /** A stated purpose longer than the log keeps is refused before anything is read. */
    @Test
    void aPurposeTooLongIsA400AndNothingIsRead() {
        String staff = Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER));
        for (String path : List.of("", "/pdf", "/ofd", "/qr.png", "/qr.svg")) {
            given().header("Authorization", staff).queryParam("purpose", "查".repeat(201)).get("/api/v1/proofs/" + number + path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("purpose"));
        }
        given().header("Authorization", staff).queryParam("purpose", "查".repeat(200)).get("/api/v1/proofs/" + number)
                .then().statusCode(200);
        assertEquals(1, log().getLong("total"), "only the read with a purpose that fits");
        assertEquals("查".repeat(200), log().getString("items[0].purpose"));
    }

    private JsonPath log() {
        return given().header("Authorization", Tokens.bearer(Tokens.citizen(holder))).queryParam("size", 200)
                .get("/api/v1/me/access-log").then().statusCode(200).extract().jsonPath();
    }
}
