package org.certfree.proofs.copy;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;

/** A holder with a proof of a retained matter of GOOD_ISSUER, and the calls the copy tests make. */
final class CopyFixtures {

    static final String PURPOSE = "办理新生入学登记";

    private static volatile String matter;

    final String holderId = Fixtures.randomResidentId();
    final String issuer;
    final String number;
    /** The proof's verification code (null for a proof of another department's matter). */
    final String code;

    CopyFixtures() {
        Fixtures.departments();
        this.issuer = Fixtures.GOOD_ISSUER;
        Map<String, Object> issued = Fixtures.issued(Fixtures.GOOD_ISSUER, matter(), "张三", holderId);
        this.number = (String) issued.get("number");
        this.code = (String) issued.get("verificationCode");
    }

    /** A proof of {@code matter} by {@code issuer} (a department of the calling test alone). */
    CopyFixtures(String issuer, String matter) {
        Fixtures.departments();
        this.issuer = issuer;
        Map<String, Object> issued = Fixtures.issued(issuer, matter, "张三", holderId);
        this.number = (String) issued.get("number");
        this.code = (String) issued.get("verificationCode");
    }

    static synchronized String matter() {
        if (matter == null) {
            matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
            Fixtures.onUsageList(Fixtures.WINDOW, matter);
        }
        return matter;
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }

    RequestSpecification asHolder() {
        return as(Tokens.citizen(holderId));
    }

    /** A copy body for {@code unit} with the default purpose, expiry and disclosures. */
    Map<String, Object> body(String unit) {
        Map<String, Object> b = new HashMap<>();
        b.put("proofNumber", number);
        b.put("unit", unit);
        b.put("purpose", PURPOSE);
        return b;
    }

    /** The holder makes a copy for WINDOW; the answer (201 checked). */
    Response make() {
        Response r = asHolder().body(body(Fixtures.WINDOW)).post("/api/v1/copies");
        r.then().statusCode(201);
        return r;
    }

    Response check(String unit, String token) {
        return as(Tokens.verifier(unit)).body(Map.of("token", token)).post("/api/v1/copy-verifications");
    }

    void revoke() {
        as(Tokens.issuer(issuer)).body(Map.of("reason", "DATA_CHANGED"))
                .post("/api/v1/proofs/" + number + "/revoke").then().statusCode(200);
    }

    /** The issuer corrects the proof (re-issues it): this one is superseded. */
    void supersede() {
        as(Tokens.issuer(issuer)).body(Map.of("claims", Map.of("户籍地址", "新疆库尔勒市人民东路 2 号"), "note", "门牌号更正"))
                .post("/api/v1/proofs/" + number + "/reissue").then().statusCode(201);
    }

    void suspend() {
        asHolder().body(Map.of("proofNumber", number, "reason", "户籍地址有误")).post("/api/v1/disputes").then().statusCode(201);
    }
}
