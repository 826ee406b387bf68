package org.certfree.proofs.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.HolderAccessCollector;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 代办 at a service window: a clerk of a using unit files a proof request or grants a consent for a
 * holder present in person; it is the holder's, in their access log, and they revoke the consent.
 */
@QuarkusTest
class WindowAssistanceTest {

    /** A clerk with a staff id of their own, at the using unit WINDOW. */
    static final String CLERK_ID = "clerk-0042";
    /** SHA-256 of a scanned signed form, in upper case as a scanner's software may print it. */
    static final String FORM = "9F2C6E1D8B7A4C3E2F1A0B9C8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E";
    static final String EMPTY_FILE_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Inject
    ControllableClock clock;

    @Inject
    HolderAccessCollector accessLog;

    @Inject
    HolderIndex holders;

    private String matter;
    private String holderId;
    private String holder;
    private String clerk;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 3);
        holderId = Fixtures.randomResidentId();
        holder = Tokens.bearer(Tokens.citizen(holderId));
        clerk = Tokens.bearer(Tokens.mint("VERIFIER", Fixtures.WINDOW, CLERK_ID));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> assistance(String method, String sha) {
        Map<String, Object> a = new HashMap<>();
        a.put("identityCheck", method);
        a.put("formSha256", sha);
        return a;
    }

    private Map<String, Object> request(Map<String, Object> assistance) {
        Map<String, Object> b = new HashMap<>();
        b.put("matterCode", matter);
        b.put("subject", Map.of("kind", "PERSON", "name", "买买提·吐尔逊", "id", holderId));
        b.put("purpose", "办理退休");
        if (assistance != null) {
            b.put("assistance", assistance);
        }
        return b;
    }

    private Map<String, Object> consent(String unit, Map<String, Object> assistance) {
        Map<String, Object> b = new HashMap<>();
        b.put("unit", unit);
        b.put("matterCode", matter);
        b.put("purpose", "办理养老保险待遇领取");
        b.put("expiresAt", clock.instant().plus(Duration.ofDays(30)).toString());
        b.put("onBehalfOf", holderId);
        if (assistance != null) {
            b.put("assistance", assistance);
        }
        return b;
    }

    @Test
    void aClerkFilesARequestThatIsTheHoldersAsIfTheyHadFiledIt() {
        String id = given().header("Authorization", clerk).contentType(ContentType.JSON)
                .body(request(assistance("ID_CARD_READER", FORM))).post("/api/v1/proof-requests")
                .then().statusCode(201).header("Location", containsString("/api/v1/proof-requests/"))
                .body("requesterKind", equalTo("CITIZEN")).body("requesterUnit", nullValue())
                .body("status", equalTo("PENDING"))
                .body("assistance.kind", equalTo("WINDOW")).body("assistance.by", equalTo(CLERK_ID))
                .body("assistance.unit", equalTo(Fixtures.WINDOW)).body("assistance.identityCheck", equalTo("ID_CARD_READER"))
                .body("assistance.evidenceSha256", equalTo(FORM.toLowerCase()))
                .extract().path("id");

        // The holder's list and read, exactly like a request they filed; the assisting window follows it too.
        given().header("Authorization", holder).get("/api/v1/proof-requests").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().header("Authorization", holder).get("/api/v1/proof-requests/" + id).then().statusCode(200)
                .body("assistance.kind", equalTo("WINDOW"));
        given().header("Authorization", clerk).queryParam("size", 200).get("/api/v1/proof-requests").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().header("Authorization", clerk).get("/api/v1/proof-requests/" + id).then().statusCode(200);
        String otherWindow = Tokens.bearer(Tokens.verifier(Fixtures.OTHER_WINDOW));
        given().header("Authorization", otherWindow).get("/api/v1/proof-requests/" + id).then().statusCode(403);
        given().header("Authorization", otherWindow).queryParam("size", 200).get("/api/v1/proof-requests").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID)))
                .get("/api/v1/proof-requests/" + id).then().statusCode(403);

        // The issuer decides it as any citizen's request; the proof is the holder's.
        String number = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .contentType(ContentType.JSON).body(Map.of("decision", "ISSUE", "claims", Map.of("参保状态", "正常参保")))
                .post("/api/v1/proof-requests/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("ISSUED")).extract().path("proofNumber");
        given().header("Authorization", holder).get("/api/v1/proofs/" + number).then().statusCode(200);

        List<HolderAccess> log = accessLog.of(holders.of(holderId));
        assertEquals(1, log.size(), log.toString());
        HolderAccess entry = log.get(0);
        assertEquals(AccessKind.ASSISTED_REQUEST, entry.kind());
        assertEquals(Fixtures.WINDOW, entry.unit());
        assertEquals(CLERK_ID, entry.actor());
        assertEquals(UUID.fromString(id), entry.requestId());
        assertEquals("办理退休", entry.purpose());
        assertEquals("WINDOW", entry.details().get("assisted"));
        assertEquals("ID_CARD_READER", entry.details().get("identityCheck"));
        assertEquals(FORM.toLowerCase(), entry.details().get("evidenceSha256"));
        assertEquals(matter, entry.details().get("matter"));
        assertNull(entry.details().get("authorisation"));
        // and the holder reads it in their access log: who helped, where, how identity was checked
        given().header("Authorization", holder).get("/api/v1/me/access-log").then().statusCode(200)
                .body("items.findAll { it.kind == 'ASSISTED_REQUEST' }.size()", equalTo(1))
                .body("items.find { it.kind == 'ASSISTED_REQUEST' }.kindText", equalTo("代办开具申请"))
                .body("items.find { it.kind == 'ASSISTED_REQUEST' }.unit", equalTo(Fixtures.WINDOW))
                .body("items.find { it.kind == 'ASSISTED_REQUEST' }.actor", equalTo(CLERK_ID))
                .body("items.find { it.kind == 'ASSISTED_REQUEST' }.requestId", equalTo(id))
                .body("items.find { it.kind == 'ASSISTED_REQUEST' }.details.identityCheck", equalTo("ID_CARD_READER"))
                .body("items.find { it.kind == 'ASSISTED_REQUEST' }.retrieved", equalTo(false));
    }

    @Test
    void anImmediateMatterIsIssuedAtOnceAndTheLogNamesTheProof() {
        String immediate = Matters.retained(Fixtures.GOOD_ISSUER, 0);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(Map.of("subject", Map.of("kind", "PERSON", "name", "买买提·吐尔逊", "id", holderId),
                        "claims", Map.of("婚姻状况", "已婚")))
                .put("/api/v1/subject-records/" + immediate).then().statusCode(204);
        Map<String, Object> body = request(assistance("FACE_CHECK", FORM));
        body.put("matterCode", immediate);
        String number = given().header("Authorization", clerk).contentType(ContentType.JSON).body(body)
                .post("/api/v1/proof-requests").then().statusCode(201).body("status", equalTo("ISSUED"))
                .extract().path("proofNumber");
        HolderAccess entry = accessLog.of(holders.of(holderId)).get(0);
        assertEquals(AccessKind.ASSISTED_REQUEST, entry.kind());
        assertEquals(number, entry.proofNumber());
        assertEquals("FACE_CHECK", entry.details().get("identityCheck"));
    }

    @Test
    void onlyAWindowOfAUsingUnitMayAssistAndBadInputChangesNothing() {
        Map<String, Object> good = request(assistance("DOCUMENT", FORM));
        // Not a window clerk: a citizen, an issuer, a VERIFIER of a department that is no using unit.
        given().header("Authorization", holder).contentType(ContentType.JSON).body(good).post("/api/v1/proof-requests")
                .then().statusCode(403).body("detail", containsString("窗口"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(good).post("/api/v1/proof-requests").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(formerWindowClerk())).contentType(ContentType.JSON)
                .body(good).post("/api/v1/proof-requests").then().statusCode(403)
                .body("detail", containsString("不是用证单位"));

        // Bad evidence or method: 400 problem documents naming the field.
        List<Map<String, Object>> bad = List.of(
                assistance("DOCUMENT", FORM.substring(1)), // 63 digits
                assistance("DOCUMENT", "z" + FORM.substring(1)), // not hex
                assistance("DOCUMENT", EMPTY_FILE_SHA256), // a scan of nothing
                assistance("DOCUMENT", null));
        for (Map<String, Object> assistance : bad) {
            given().header("Authorization", clerk).contentType(ContentType.JSON).body(request(assistance))
                    .post("/api/v1/proof-requests").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("assistance.formSha256"));
        }
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(request(assistance(null, FORM)))
                .post("/api/v1/proof-requests").then().statusCode(400).body("errors.field", hasItem("assistance.identityCheck"));
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(request(assistance("IRIS_SCAN", FORM)))
                .post("/api/v1/proof-requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("identityCheck"));
        // The clerk names another holder than the subject; a clerk names a holder but records no identity check.
        Map<String, Object> mismatch = request(assistance("DOCUMENT", FORM));
        mismatch.put("onBehalfOf", Fixtures.OTHER_CITIZEN_ID);
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(mismatch).post("/api/v1/proof-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("onBehalfOf"));
        Map<String, Object> unchecked = request(null);
        unchecked.put("onBehalfOf", holderId);
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(unchecked).post("/api/v1/proof-requests")
                .then().statusCode(400).body("errors[0].field", equalTo("assistance"));

        given().header("Authorization", holder).get("/api/v1/proof-requests").then().statusCode(200)
                .body("items.matterCode", not(hasItem(matter)));
        assertEquals(List.of(), accessLog.of(holders.of(holderId)));
    }

    @Test
    void aClerkGrantsAConsentForTheirOwnUnitThatTheHolderRevokes() {
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        String consent = given().header("Authorization", clerk).contentType(ContentType.JSON)
                .body(consent(Fixtures.WINDOW, assistance("ID_CARD_READER", FORM))).post("/api/v1/consents")
                .then().statusCode(201).body("active", equalTo(true)).body("assistance.kind", equalTo("WINDOW"))
                .body("assistance.by", equalTo(CLERK_ID)).body("assistance.unit", equalTo(Fixtures.WINDOW))
                .extract().path("id");
        given().header("Authorization", holder).get("/api/v1/consents").then().statusCode(200)
                .body("find { it.id == '" + consent + "' }.assistance.identityCheck", equalTo("ID_CARD_READER"));

        // The same consent checks as the holder's own: the unit requests the proof citing it.
        Map<String, Object> unitRequest = request(null);
        unitRequest.put("consentRef", consent);
        String window = Tokens.bearer(Tokens.verifier(Fixtures.WINDOW));
        given().header("Authorization", window).contentType(ContentType.JSON).body(unitRequest)
                .post("/api/v1/proof-requests").then().statusCode(201).body("requesterUnit", equalTo(Fixtures.WINDOW));

        HolderAccess entry = accessLog.of(holders.of(holderId)).get(0);
        assertEquals(AccessKind.ASSISTED_CONSENT, entry.kind());
        assertEquals(UUID.fromString(consent), entry.consentId());
        assertEquals(CLERK_ID, entry.actor());
        assertEquals(Fixtures.WINDOW, entry.unit());
        assertEquals(FORM.toLowerCase(), entry.details().get("evidenceSha256"));

        // Nobody else revokes it; the holder does, and the unit can no longer cite it.
        given().header("Authorization", Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID)))
                .post("/api/v1/consents/" + consent + "/revoke").then().statusCode(404);
        given().header("Authorization", clerk).post("/api/v1/consents/" + consent + "/revoke").then().statusCode(403);
        given().header("Authorization", holder).post("/api/v1/consents/" + consent + "/revoke").then().statusCode(200)
                .body("active", equalTo(false)).body("revokedAt", notNullValue());
        given().header("Authorization", window).contentType(ContentType.JSON).body(unitRequest)
                .post("/api/v1/proof-requests").then().statusCode(403).body("detail", containsString("撤回"));
    }

    @Test
    void aClerkGrantsOnlyForTheirOwnUnitAndOnlyWithTheHoldersIdAndCheck() {
        int before = consentsOf(holder);
        given().header("Authorization", clerk).contentType(ContentType.JSON)
                .body(consent(Fixtures.OTHER_WINDOW, assistance("ID_CARD_READER", FORM))).post("/api/v1/consents")
                .then().statusCode(403).body("detail", containsString(Fixtures.OTHER_WINDOW));
        Map<String, Object> noHolder = consent(Fixtures.WINDOW, assistance("ID_CARD_READER", FORM));
        noHolder.remove("onBehalfOf");
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(noHolder).post("/api/v1/consents")
                .then().statusCode(400).body("errors[0].field", equalTo("onBehalfOf"));
        Map<String, Object> badHolder = consent(Fixtures.WINDOW, assistance("ID_CARD_READER", FORM));
        badHolder.put("onBehalfOf", wrongCheckCharacter(holderId));
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(badHolder).post("/api/v1/consents")
                .then().statusCode(400).body("errors[0].field", equalTo("onBehalfOf"));
        // A unit cannot consent to itself without a holder at the window; a citizen cannot claim window assistance.
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(consent(Fixtures.WINDOW, null))
                .post("/api/v1/consents").then().statusCode(400).body("errors[0].field", equalTo("assistance"));
        Map<String, Object> unitAlone = consent(Fixtures.WINDOW, null);
        unitAlone.remove("onBehalfOf");
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(unitAlone)
                .post("/api/v1/consents").then().statusCode(403);
        given().header("Authorization", holder).contentType(ContentType.JSON)
                .body(consent(Fixtures.WINDOW, assistance("ID_CARD_READER", FORM))).post("/api/v1/consents")
                .then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).contentType(ContentType.JSON)
                .body(consent(Fixtures.GOOD_ISSUER, assistance("ID_CARD_READER", FORM))).post("/api/v1/consents")
                .then().statusCode(403);
        given().header("Authorization", clerk).contentType(ContentType.JSON)
                .body(consent(Fixtures.WINDOW, assistance("ID_CARD_READER", "00"))).post("/api/v1/consents")
                .then().statusCode(400).body("errors[0].field", equalTo("assistance.formSha256"));
        assertEquals(before, consentsOf(holder));
        assertEquals(List.of(), accessLog.of(holders.of(holderId)));
    }

    @Test
    void aRetriedAssistedCallAnswersOnce() {
        String key = "assist-" + UUID.randomUUID();
        String first = given().header("Authorization", clerk).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(request(assistance("ID_CARD_READER", FORM))).post("/api/v1/proof-requests")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", clerk).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(request(assistance("ID_CARD_READER", FORM))).post("/api/v1/proof-requests")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        String consentKey = "assist-" + UUID.randomUUID();
        Map<String, Object> body = consent(Fixtures.WINDOW, assistance("ID_CARD_READER", FORM));
        String consent = given().header("Authorization", clerk).header("Idempotency-Key", consentKey)
                .contentType(ContentType.JSON).body(body).post("/api/v1/consents").then().statusCode(201).extract().path("id");
        given().header("Authorization", clerk).header("Idempotency-Key", consentKey).contentType(ContentType.JSON).body(body)
                .post("/api/v1/consents").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(consent));
        given().header("Authorization", holder).queryParam("size", 200).get("/api/v1/proof-requests").then().statusCode(200)
                .body("items.findAll { it.id == '" + first + "' }.size()", equalTo(1))
                .body("items.size()", equalTo(1));
        assertEquals(1, consentsOf(holder));
        assertEquals(2, accessLog.of(holders.of(holderId)).size());
    }

    /**
     * A VERIFIER token of a unit that was a using unit when the token was issued and is no longer one
     * (ADMIN took the role away): what a token from the external identity provider may still say.
     */
    @SuppressWarnings("unchecked")
    static String formerWindowClerk() {
        String code = "TFORMER" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String admin = Tokens.bearer(Tokens.admin());
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "测试前用证单位", "kind", "SERVICE_CENTER", "regionCode", "659900",
                        "roles", List.of("USING_UNIT")))
                .post("/api/v1/departments").then().statusCode(201);
        String token = Tokens.verifier(code);
        Map<String, Object> dept = new HashMap<>(given().header("Authorization", admin).get("/api/v1/departments/" + code)
                .then().statusCode(200).extract().as(Map.class));
        dept.keySet().retainAll(List.of("name", "kind", "regionCode", "version"));
        dept.put("roles", List.of("ISSUER"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body(dept).put("/api/v1/departments/" + code)
                .then().statusCode(200);
        return token;
    }

    /** The same ID with another check character: not a resident ID. */
    static String wrongCheckCharacter(String id) {
        char check = id.charAt(17);
        return id.substring(0, 17) + (check == '0' ? '1' : '0');
    }

    private static int consentsOf(String holder) {
        return given().header("Authorization", holder).get("/api/v1/consents").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }
}
