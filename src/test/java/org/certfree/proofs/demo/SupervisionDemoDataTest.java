package org.certfree.proofs.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The dashboard's demo data: disputes, a list dispute, complaints and signals, seeded once. */
@QuarkusTest
class SupervisionDemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    ListDemoData lists;

    @Inject
    ProofDemoData proofDemo;

    @Inject
    CommitmentDemoData commitmentDemo;

    @Inject
    SupervisionDemoData supervisionDemo;

    @Test
    void disputesComplaintsAndSignalsAreSeededOnce() {
        demoData.seed();
        demoData.seedKeys();
        lists.seed();
        proofDemo.seed();
        commitmentDemo.seed();
        supervisionDemo.seed();
        assertEquals(0, supervisionDemo.seed(), "a second start adds nothing");

        String bureau = Tokens.bearer(Tokens.reviewer("BZSFJ"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(ProofDemoData.AHMAT.id()))).queryParam("status", "OPEN")
                .get("/api/v1/disputes").then().statusCode(200).body("items.issuerDept", hasItem("BZRSJ"));
        given().header("Authorization", Tokens.bearer(Tokens.citizen(ProofDemoData.ZHANG.id()))).queryParam("status", "DISMISSED")
                .get("/api/v1/disputes").then().statusCode(200).body("items.issuerDept", hasItem("BZGAJ"));
        given().header("Authorization", bureau).queryParam("status", "OPEN").queryParam("size", 200)
                .get("/api/v1/list-disputes").then().statusCode(200).body("items.matterCode", hasItem("BZRSJ-R002"));
        given().header("Authorization", bureau).queryParam("department", "KELSZWZX").queryParam("status", "ASSIGNED")
                .get("/api/v1/complaints").then().statusCode(200).body("total", greaterThan(0));
        given().header("Authorization", bureau).queryParam("department", "LTXZWZX").queryParam("status", "FOUNDED")
                .get("/api/v1/complaints").then().statusCode(200).body("total", greaterThan(0));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        given().header("Authorization", bureau).queryParam("from", today.minusDays(1).toString()).queryParam("to", today.toString())
                .queryParam("size", 200).get("/api/v1/supervision-signals").then().statusCode(200)
                .body("perUnit.unit", hasItems(ProofDemoData.KORLA_WINDOW, ProofDemoData.LUNTAI_WINDOW, "BZZWZX"))
                .body("rows.channel", hasItems("USAGE_LIST", "REQUEST"));
    }
}
