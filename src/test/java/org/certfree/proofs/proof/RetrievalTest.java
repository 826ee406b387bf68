package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * 调取 that delivers: a using unit that requested a proof with the holder's consent reads, at the proof's
 * own address, exactly what the consent covers, for as long as the consent lasts — and nobody else does.
 */
@QuarkusTest
class RetrievalTest {

    @Test
    void aUnitThatRequestedWithConsentFetchesWhatTheConsentCoversWhileItLasts() {
        Fixtures.departments();
        String matter = Matters.retained(Fixtures.GOOD_ISSUER, 3); // decided by a person: the request waits
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        Fixtures.onUsageList(Fixtures.OTHER_WINDOW, matter);
        String holderId = Fixtures.randomResidentId();
        String holder = Tokens.bearer(Tokens.citizen(holderId));
        String window = Tokens.bearer(Tokens.verifier(Fixtures.WINDOW));
        String consent = given().header("Authorization", holder).contentType(ContentType.JSON)
                .body(Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理入学",
                        "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString(),
                        "disclose", List.of("subject.name", "claims.户籍地址")))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
        String request = given().header("Authorization", window).contentType(ContentType.JSON)
                .body(Map.of("matterCode", matter, "subject", Map.of("kind", "PERSON", "name", "赵敏", "id", holderId),
                        "purpose", "办理入学", "consentRef", consent))
                .post("/api/v1/proof-requests").then().statusCode(201).extract().path("id");
        String number = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "ISSUE", "claims", Map.of("户籍地址", "新疆库尔勒市人民东路 1 号", "民族", "汉族")))
                .post("/api/v1/proof-requests/" + request + "/decision").then().statusCode(200)
                .body("status", equalTo("ISSUED")).extract().path("proofNumber");

        // the unit reads what it asked for: the name and the address, the ID masked, no code, no renderings
        String sdJwt = given().header("Authorization", window).get("/api/v1/proofs/" + number).then().statusCode(200)
                .body("subject.name", equalTo("赵敏")).body("subject.id", not(equalTo(holderId)))
                .body("subject.id", endsWith(holderId.substring(14))).body("subject.masked", equalTo(true))
                .body("claims.户籍地址", equalTo("新疆库尔勒市人民东路 1 号")).body("claims", not(hasKey("民族")))
                .body("verificationCode", nullValue()).body("links.pdf", nullValue())
                .body("disclosures.path", equalTo(List.of("subject.name", "claims.户籍地址")))
                .extract().path("sdJwt");
        assertEquals(3, sdJwt.split("~").length); // the JWT and the two consented disclosures
        for (String rendering : List.of("/pdf", "/qr.png", "/qr.svg")) {
            given().header("Authorization", window).get("/api/v1/proofs/" + number + rendering).then().statusCode(403);
        }
        // the holder's access log shows the 调取: who, under which consent, for which purpose, what was seen
        given().header("Authorization", holder).queryParam("size", 50).get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.findAll { it.kind == 'RETRIEVAL' && it.proofNumber == '" + number + "' }.size()", equalTo(1))
                .body("items.find { it.kind == 'RETRIEVAL' }.unit", equalTo(Fixtures.WINDOW))
                .body("items.find { it.kind == 'RETRIEVAL' }.consentId", equalTo(consent))
                .body("items.find { it.kind == 'RETRIEVAL' }.purpose", equalTo("办理入学"))
                .body("items.find { it.kind == 'RETRIEVAL' }.actor", startsWith("dev-verifier"))
                .body("items.find { it.kind == 'RETRIEVAL' }.details.disclosed", equalTo("subject.name,claims.户籍地址"))
                .body("items.find { it.kind == 'RETRIEVAL' }.retrieved", equalTo(true));
        // another unit, even one on the 用证 list, gets nothing
        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.OTHER_WINDOW))).get("/api/v1/proofs/" + number)
                .then().statusCode(403).body("detail", containsString(Fixtures.OTHER_WINDOW));
        // once the holder withdraws the consent, the unit cannot read the proof any more
        given().header("Authorization", holder).post("/api/v1/consents/" + consent + "/revoke").then().statusCode(200);
        given().header("Authorization", window).get("/api/v1/proofs/" + number).then().statusCode(403)
                .body("detail", containsString("撤回"));
        // the holder still reads it in full; the refused reads are not in their log, the one 调取 is
        given().header("Authorization", holder).get("/api/v1/proofs/" + number).then().statusCode(200)
                .body("subject.id", equalTo(holderId)).body("claims.民族", equalTo("汉族"));
        given().header("Authorization", holder).queryParam("size", 50).get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.findAll { it.kind == 'RETRIEVAL' }.size()", equalTo(1));
    }
}
