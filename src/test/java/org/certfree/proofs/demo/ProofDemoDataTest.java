package org.certfree.proofs.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The demo proofs: every status to look at, pending and overdue requests, access logs; seeded once. */
@QuarkusTest
class ProofDemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Inject
    ProofDemoData proofDemo;

    @Test
    void demoProofsCoverEveryStatusAndAreSeededOnce() {
        demoData.seed();
        demoData.seedKeys();
        lists.seed();
        int first = proofDemo.seed();
        assertEquals(0, proofDemo.seed(), "a second start adds nothing");
        assertTrue(first == 0 || first >= 7, "issued " + first);

        given().header("Authorization", Tokens.bearer(Tokens.issuer("BZRSJ"))).queryParam("status", "REVOKED")
                .get("/api/v1/proofs").then().statusCode(200).body("items.matter.code", hasItem("BZRSJ-R001"));
        given().header("Authorization", Tokens.bearer(Tokens.issuer("BZMZJ"))).queryParam("status", "SUPERSEDED")
                .get("/api/v1/proofs").then().statusCode(200).body("items.matter.code", hasItem("BZMZJ-R001"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(ProofDemoData.ZHANG.id()))).get("/api/v1/proofs")
                .then().statusCode(200).body("items.matter.code", hasItems("BZGAJ-R001", "BZGAJ-R002"))
                .body("items.status", hasItem("VALID"));
        // Overdue when the demo lists were published in 2024 (a fresh demo database); pending when tests published them today.
        given().header("Authorization", Tokens.bearer(Tokens.issuer("BZGAJ"))).queryParam("size", 200)
                .get("/api/v1/proof-requests").then().statusCode(200).body("items.matterCode", hasItem("BZGAJ-R003"))
                .body("items.findAll { it.matterCode == 'BZGAJ-R003' }.status", everyItem(anyOf(equalTo("PENDING"), equalTo("OVERDUE"))));
        given().header("Authorization", Tokens.bearer(Tokens.issuer("BZWJW"))).queryParam("status", "PENDING")
                .get("/api/v1/proof-requests").then().statusCode(200).body("items.matterCode", hasItem("BZWJW-R001"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(ProofDemoData.ZHANG.id()))).get("/api/v1/me/access-log")
                .then().statusCode(200).body("items.unit", hasItem(ProofDemoData.KORLA_WINDOW))
                .body("items.retrieved", hasItem(true));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(ProofDemoData.LI.id()))).get("/api/v1/me/access-log")
                .then().statusCode(200).body("items.result", hasItems("TOTAL_PASSED", "TOTAL_FAILED"));
        given().queryParam("unit", ProofDemoData.KORLA_WINDOW).get("/api/v1/using-units").then().statusCode(200)
                .body("items.proofMatterCode", hasItems("BZGAJ-R001", "BZRSJ-R001"));

        // The address the start-up message prints opens a valid proof on the citizen page.
        URI page = URI.create(proofDemo.statusPageOfADemoProof("http://localhost:8080").orElseThrow());
        Map<String, String> q = new HashMap<>();
        for (String pair : page.getQuery().split("&")) {
            q.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        given().queryParam("code", q.get("c")).get("/api/v1/proofs/" + q.get("n") + "/status").then().statusCode(200)
                .body("status", equalTo("VALID")).body("matterName", equalTo("户籍证明"));
    }
}
