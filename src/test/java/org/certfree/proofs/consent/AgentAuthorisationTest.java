package org.certfree.proofs.consent;

import static io.restassured.RestAssured.given;
import static org.certfree.proofs.consent.WindowAssistanceTest.CLERK_ID;
import static org.certfree.proofs.consent.WindowAssistanceTest.FORM;
import static org.certfree.proofs.consent.WindowAssistanceTest.assistance;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.ResidentId;
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
 * 代办 by an authorised agent: a window puts the holder's authorisation on file, the agent files in the
 * holder's name with their own login within what it covers, and it stops at once when revoked or expired.
 */
@QuarkusTest
class AgentAuthorisationTest {

    private static final String PATH = "/api/v1/agent-authorisations";

    @Inject
    ControllableClock clock;

    @Inject
    HolderAccessCollector accessLog;

    @Inject
    HolderIndex holders;

    private String matter;
    private String holderId;
    private String agentId;
    private String holder;
    private String agent;
    private String clerk;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 3);
        holderId = Fixtures.randomResidentId();
        agentId = Fixtures.randomResidentId();
        holder = Tokens.bearer(Tokens.citizen(holderId));
        agent = Tokens.bearer(Tokens.citizen(agentId));
        clerk = Tokens.bearer(Tokens.mint("VERIFIER", Fixtures.WINDOW, CLERK_ID));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Map<String, Object> authorisation(List<String> covers, Duration valid) {
        Map<String, Object> b = new HashMap<>();
        b.put("holder", Map.of("name", "吐尔逊·买买提", "id", holderId));
        b.put("agent", Map.of("name", "买买提江", "id", agentId));
        b.put("relationship", "CHILD");
        b.put("basis", "HOLDER_PRESENT");
        b.put("covers", covers);
        b.put("validUntil", clock.instant().plus(valid).toString());
        b.put("assistance", assistance("ID_CARD_READER", FORM));
        return b;
    }

    private String file(List<String> covers, Duration valid) {
        return given().header("Authorization", clerk).contentType(ContentType.JSON).body(authorisation(covers, valid))
                .post(PATH).then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> request() {
        Map<String, Object> b = new HashMap<>();
        b.put("matterCode", matter);
        b.put("subject", Map.of("kind", "PERSON", "name", "吐尔逊·买买提", "id", holderId));
        b.put("purpose", "办理高龄津贴");
        b.put("onBehalfOf", holderId);
        return b;
    }

    private Map<String, Object> consent() {
        return Map.of("unit", Fixtures.WINDOW, "matterCode", matter, "purpose", "办理高龄津贴",
                "expiresAt", clock.instant().plus(Duration.ofDays(7)).toString(), "onBehalfOf", holderId);
    }

    @Test
    void theAgentActsWithinWhatTheAuthorisationCoversUntilTheHolderRevokesIt() {
        // Without an authorisation on file: 403, nothing stored.
        given().header("Authorization", agent).contentType(ContentType.JSON).body(request()).post("/api/v1/proof-requests")
                .then().statusCode(403).body("detail", containsString(ResidentId.mask(holderId)));

        String key = "auth-" + UUID.randomUUID();
        Map<String, Object> body = authorisation(List.of("REQUESTS"), Duration.ofDays(30));
        var filed = given().header("Authorization", clerk).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post(PATH).then().statusCode(201)
                .body("holderName", equalTo("吐******")).body("holderId", equalTo(ResidentId.mask(holderId)))
                .body("agentName", equalTo("买***")).body("agentId", equalTo(ResidentId.mask(agentId)))
                .body("relationship", equalTo("CHILD")).body("basis", equalTo("HOLDER_PRESENT"))
                .body("covers", equalTo(List.of("REQUESTS"))).body("identityCheck", equalTo("ID_CARD_READER"))
                .body("evidenceSha256", equalTo(FORM.toLowerCase())).body("filedBy", equalTo(CLERK_ID))
                .body("filedUnit", equalTo(Fixtures.WINDOW)).body("active", equalTo(true)).extract();
        String id = filed.path("id");
        assertEquals(true, filed.header("Location").endsWith(PATH + "/" + id), filed.header("Location"));
        // A retry replays; another filing for the same pair while this one is active is a duplicate.
        given().header("Authorization", clerk).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(PATH).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(409)
                .header("Location", endsWith(PATH + "/" + id));

        String request = given().header("Authorization", agent).contentType(ContentType.JSON).body(request())
                .post("/api/v1/proof-requests").then().statusCode(201).body("requesterKind", equalTo("CITIZEN"))
                .body("assistance.kind", equalTo("AGENT")).body("assistance.authorisationId", equalTo(id))
                .body("assistance.by", nullValue()).body("assistance.evidenceSha256", equalTo(FORM.toLowerCase()))
                .extract().path("id");
        given().header("Authorization", holder).get("/api/v1/proof-requests").then().statusCode(200)
                .body("items.id", hasItem(request));
        // The subject must be the holder the agent names; consents are not covered.
        Map<String, Object> otherSubject = request();
        otherSubject.put("subject", Map.of("kind", "PERSON", "name", "李四", "id", Fixtures.OTHER_CITIZEN_ID));
        given().header("Authorization", agent).contentType(ContentType.JSON).body(otherSubject)
                .post("/api/v1/proof-requests").then().statusCode(400).body("errors[0].field", equalTo("onBehalfOf"));
        given().header("Authorization", agent).contentType(ContentType.JSON).body(consent()).post("/api/v1/consents")
                .then().statusCode(403).body("detail", containsString("不包括"));
        // Without onBehalfOf the agent is just a citizen, who files only for themselves.
        Map<String, Object> plain = request();
        plain.remove("onBehalfOf");
        given().header("Authorization", agent).contentType(ContentType.JSON).body(plain).post("/api/v1/proof-requests")
                .then().statusCode(403);

        List<HolderAccess> log = accessLog.of(holders.of(holderId));
        assertEquals(List.of(AccessKind.AGENT_AUTHORISED, AccessKind.ASSISTED_REQUEST), log.stream().map(HolderAccess::kind).toList());
        assertEquals(CLERK_ID, log.get(0).actor());
        assertEquals(Fixtures.WINDOW, log.get(0).unit());
        assertEquals(id, log.get(0).details().get("authorisation"));
        assertEquals("CHILD", log.get(0).details().get("relationship"));
        assertEquals(FORM.toLowerCase(), log.get(0).details().get("evidenceSha256"));
        assertEquals("holder:" + holders.of(agentId), log.get(1).actor());
        assertEquals(UUID.fromString(request), log.get(1).requestId());
        assertEquals("AGENT", log.get(1).details().get("assisted"));
        assertEquals(id, log.get(1).details().get("authorisation"));
        assertEquals("ID_CARD_READER", log.get(1).details().get("identityCheck"));

        // The agent cannot revoke it; the holder can, and it stops working at once.
        given().header("Authorization", agent).post(PATH + "/" + id + "/revoke").then().statusCode(404);
        given().header("Authorization", holder).post(PATH + "/" + id + "/revoke").then().statusCode(200)
                .body("active", equalTo(false)).body("revokedAt", notNullValue()).body("revokedUnit", nullValue());
        String revokedAt = given().header("Authorization", holder).post(PATH + "/" + id + "/revoke").then().statusCode(200)
                .extract().path("revokedAt");
        given().header("Authorization", holder).get(PATH + "/" + id).then().body("revokedAt", equalTo(revokedAt));
        given().header("Authorization", agent).contentType(ContentType.JSON).body(request()).post("/api/v1/proof-requests")
                .then().statusCode(403).body("detail", containsString("撤销"));
        given().header("Authorization", holder).get("/api/v1/proof-requests").then().statusCode(200)
                .body("items.size()", equalTo(1));
        // Once revoked, a new authorisation may be filed for the pair.
        file(List.of("CONSENTS"), Duration.ofDays(30));
    }

    @Test
    void anExpiredAuthorisationStopsWorking() {
        Fixtures.onUsageList(Fixtures.WINDOW, matter);
        String id = file(List.of("REQUESTS", "CONSENTS"), Duration.ofDays(2));
        String consent = given().header("Authorization", agent).contentType(ContentType.JSON).body(consent())
                .post("/api/v1/consents").then().statusCode(201).body("assistance.kind", equalTo("AGENT"))
                .body("assistance.authorisationId", equalTo(id)).extract().path("id");
        // The consent is the holder's: in their list, not the agent's; the holder revokes it.
        given().header("Authorization", holder).get("/api/v1/consents").then().statusCode(200).body("id", hasItem(consent));
        given().header("Authorization", agent).get("/api/v1/consents").then().statusCode(200).body("id", not(hasItem(consent)));
        given().header("Authorization", holder).post("/api/v1/consents/" + consent + "/revoke").then().statusCode(200)
                .body("active", equalTo(false));

        clock.advance(Duration.ofDays(3));
        given().header("Authorization", agent).contentType(ContentType.JSON).body(request()).post("/api/v1/proof-requests")
                .then().statusCode(403).body("detail", containsString("到期"));
        given().header("Authorization", agent).contentType(ContentType.JSON).body(consent()).post("/api/v1/consents")
                .then().statusCode(403).body("detail", containsString("到期"));
        given().header("Authorization", holder).get(PATH + "/" + id).then().statusCode(200).body("active", equalTo(false));
        assertEquals(List.of(AccessKind.AGENT_AUTHORISED, AccessKind.ASSISTED_CONSENT),
                accessLog.of(holders.of(holderId)).stream().map(HolderAccess::kind).toList());
        // An expired authorisation is no duplicate: the window files a new one.
        file(List.of("REQUESTS"), Duration.ofDays(30));
    }

    @Test
    void theHolderTheAgentAndTheFilingUnitSeeItAndNobodyElse() {
        String id = file(List.of("REQUESTS"), Duration.ofDays(30));
        for (String who : List.of(holder, agent, clerk)) {
            given().header("Authorization", who).get(PATH).then().statusCode(200).body("id", hasItem(id));
            given().header("Authorization", who).get(PATH + "/" + id).then().statusCode(200).body("id", equalTo(id));
        }
        String stranger = Tokens.bearer(Tokens.citizen(Fixtures.OTHER_CITIZEN_ID));
        String otherWindow = Tokens.bearer(Tokens.verifier(Fixtures.OTHER_WINDOW));
        for (String who : List.of(stranger, otherWindow)) {
            given().header("Authorization", who).get(PATH).then().statusCode(200).body("id", not(hasItem(id)));
            given().header("Authorization", who).get(PATH + "/" + id).then().statusCode(404);
        }
        given().header("Authorization", stranger).post(PATH + "/" + id + "/revoke").then().statusCode(404);
        given().header("Authorization", otherWindow).post(PATH + "/" + id + "/revoke").then().statusCode(403);
        given().header("Authorization", clerk).post(PATH + "/" + id + "/revoke").then().statusCode(403);
        given().header("Authorization", holder).contentType(ContentType.JSON)
                .body(Map.of("onBehalfOf", holderId, "assistance", assistance("FACE_CHECK", FORM)))
                .post(PATH + "/" + id + "/revoke-at-window").then().statusCode(403);
        for (String who : List.of(Tokens.admin(), Tokens.issuer(Fixtures.GOOD_ISSUER), Tokens.reviewer(Fixtures.JUSTICE))) {
            given().header("Authorization", Tokens.bearer(who)).get(PATH).then().statusCode(403);
            given().header("Authorization", Tokens.bearer(who)).get(PATH + "/" + id).then().statusCode(403);
            given().header("Authorization", Tokens.bearer(who)).post(PATH + "/" + id + "/revoke").then().statusCode(403);
            given().header("Authorization", Tokens.bearer(who)).contentType(ContentType.JSON)
                    .body(Map.of("onBehalfOf", holderId, "assistance", assistance("FACE_CHECK", FORM)))
                    .post(PATH + "/" + id + "/revoke-at-window").then().statusCode(403);
            given().header("Authorization", Tokens.bearer(who)).contentType(ContentType.JSON)
                    .body(authorisation(List.of("REQUESTS"), Duration.ofDays(1))).post(PATH).then().statusCode(403);
        }
        given().header("Authorization", holder).contentType(ContentType.JSON)
                .body(authorisation(List.of("REQUESTS"), Duration.ofDays(1))).post(PATH).then().statusCode(403);
        given().get(PATH).then().statusCode(401);
        given().header("Authorization", holder).get(PATH + "/not-a-uuid").then().statusCode(400);
        given().header("Authorization", holder).get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aWindowRevokesForAHolderPresentInPerson() {
        String id = file(List.of("REQUESTS"), Duration.ofDays(30));
        String otherWindow = Tokens.bearer(Tokens.mint("VERIFIER", Fixtures.OTHER_WINDOW, "clerk-0777"));
        // The holder's ID must be the authorisation's; the identity check and the signed form are required.
        given().header("Authorization", otherWindow).contentType(ContentType.JSON)
                .body(Map.of("onBehalfOf", Fixtures.OTHER_CITIZEN_ID, "assistance", assistance("FACE_CHECK", FORM)))
                .post(PATH + "/" + id + "/revoke-at-window").then().statusCode(404);
        given().header("Authorization", otherWindow).contentType(ContentType.JSON).body(Map.of("onBehalfOf", holderId))
                .post(PATH + "/" + id + "/revoke-at-window").then().statusCode(400).body("errors[0].field", equalTo("assistance"));
        given().header("Authorization", otherWindow).contentType(ContentType.JSON).post(PATH + "/" + id + "/revoke-at-window")
                .then().statusCode(400);
        given().header("Authorization", otherWindow).contentType(ContentType.JSON)
                .body(Map.of("onBehalfOf", holderId, "assistance", assistance("FACE_CHECK", "abc")))
                .post(PATH + "/" + id + "/revoke-at-window").then().statusCode(400);
        given().header("Authorization", holder).get(PATH + "/" + id).then().body("active", equalTo(true));

        given().header("Authorization", otherWindow).contentType(ContentType.JSON)
                .body(Map.of("onBehalfOf", holderId, "assistance", assistance("FACE_CHECK", FORM)))
                .post(PATH + "/" + id + "/revoke-at-window").then().statusCode(200).body("active", equalTo(false))
                .body("revokedUnit", equalTo(Fixtures.OTHER_WINDOW));
        given().header("Authorization", agent).contentType(ContentType.JSON).body(request()).post("/api/v1/proof-requests")
                .then().statusCode(403).body("detail", containsString("撤销"));
        HolderAccess revoked = accessLog.of(holders.of(holderId)).get(1);
        assertEquals(AccessKind.AGENT_AUTHORISATION_REVOKED, revoked.kind());
        assertEquals("clerk-0777", revoked.actor());
        assertEquals(Fixtures.OTHER_WINDOW, revoked.unit());
        assertEquals("FACE_CHECK", revoked.details().get("identityCheck"));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        int before = given().header("Authorization", clerk).get(PATH).then().statusCode(200).extract().jsonPath().getList("$").size();
        Map<String, Map<String, Object>> bad = new HashMap<>();
        Map<String, Object> self = authorisation(List.of("REQUESTS"), Duration.ofDays(30));
        self.put("agent", Map.of("name", "同一人", "id", holderId));
        bad.put("agent.id", self);
        Map<String, Object> badId = authorisation(List.of("REQUESTS"), Duration.ofDays(30));
        badId.put("holder", Map.of("name", "吐尔逊·买买提", "id", WindowAssistanceTest.wrongCheckCharacter(holderId)));
        bad.put("holder.id", badId);
        bad.put("covers", authorisation(List.of(), Duration.ofDays(30)));
        bad.put("validUntil", authorisation(List.of("REQUESTS"), Duration.ofDays(-1)));
        Map<String, Object> badHash = authorisation(List.of("REQUESTS"), Duration.ofDays(30));
        badHash.put("assistance", assistance("ID_CARD_READER", FORM + "0"));
        bad.put("assistance.formSha256", badHash);
        Map<String, Object> noCheck = authorisation(List.of("REQUESTS"), Duration.ofDays(30));
        noCheck.remove("assistance");
        bad.put("assistance", noCheck);
        Map<String, Object> noRelation = authorisation(List.of("REQUESTS"), Duration.ofDays(30));
        noRelation.remove("relationship");
        bad.put("relationship", noRelation);
        bad.forEach((field, body) -> given().header("Authorization", clerk).contentType(ContentType.JSON).body(body)
                .post(PATH).then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field)));
        for (String[] unknown : new String[][] { { "relationship", "NEIGHBOUR" }, { "basis", "PHONE_CALL" }, { "covers", "PROOFS" } }) {
            Map<String, Object> body = authorisation(List.of("REQUESTS"), Duration.ofDays(30));
            body.put(unknown[0], unknown[0].equals("covers") ? List.of(unknown[1]) : unknown[1]);
            given().header("Authorization", clerk).contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString(unknown[0]));
        }
        Map<String, Object> unknownMethod = authorisation(List.of("REQUESTS"), Duration.ofDays(30));
        unknownMethod.put("assistance", assistance("TELEPATHY", FORM));
        given().header("Authorization", clerk).contentType(ContentType.JSON).body(unknownMethod).post(PATH).then()
                .statusCode(400).body("detail", containsString("identityCheck"));
        given().header("Authorization", Tokens.bearer(WindowAssistanceTest.formerWindowClerk())).contentType(ContentType.JSON)
                .body(authorisation(List.of("REQUESTS"), Duration.ofDays(30))).post(PATH).then().statusCode(403);

        given().header("Authorization", clerk).get(PATH).then().statusCode(200).body("size()", equalTo(before));
        given().header("Authorization", holder).get(PATH).then().statusCode(200).body("size()", equalTo(0));
        assertEquals(List.of(), accessLog.of(holders.of(holderId)));
        // A good one goes through after all of these.
        given().header("Authorization", clerk).contentType(ContentType.JSON)
                .body(authorisation(List.of("REQUESTS", "CONSENTS"), Duration.ofDays(30))).post(PATH).then().statusCode(201)
                .body("covers", hasItems("REQUESTS", "CONSENTS"));
    }
}
