package org.certfree.proofs.copy;

import static org.certfree.proofs.copy.CopyFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certfree.proofs.ofd.OfdTrusts;
import org.certfree.proofs.ofd.OfdVerification;
import org.certfree.proofs.ofd.OfdVerifier;
import org.certfree.proofs.ofd.OfdZips;
import org.certfree.proofs.ofd.SafeUnzip;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.HolderAccessCollector;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A copy (加注件) as OFD, through the API: sealed by the issuing department, verified by the same checks as an
 * uploaded OFD, its token in the metadata passing the copy check; only the holder (or the unit that made it under
 * consent, logged) gets it; none once withdrawn.
 */
@QuarkusTest
class CopyOfdTest {

    private static final Pattern CUSTOM = Pattern.compile("<ofd:CustomData Name=\"([^\"]+)\">([^<]*)</ofd:CustomData>");

    @Inject
    OfdTrusts trusts;

    @Inject
    HolderIndex holders;

    @Inject
    HolderAccessCollector accessLog;

    @Test
    void theHoldersCopyIsASealedOfdWhoseTokenPassesAtItsUnit() throws Exception {
        CopyFixtures f = new CopyFixtures();
        Response made = f.make();
        String id = made.path("id");
        Response r = f.asHolder().accept("application/ofd").get("/api/v1/copies/" + id + "/ofd");
        r.then().statusCode(200).contentType("application/ofd")
                .header("Content-Disposition", containsString(f.number + "-copy-" + id + ".ofd"));
        byte[] ofd = r.asByteArray();

        OfdVerification v = new OfdVerifier(trusts.current(), SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertTrue(v.passed(), v.message());
        assertEquals(f.number, v.metadata().number());

        Map<String, String> files = texts(ofd);
        Map<String, String> data = customData(files.get("OFD.xml"));
        assertEquals(id, data.get("加注件编号"));
        assertEquals(Fixtures.WINDOW, data.get("加注件使用单位代码"));
        assertEquals(CopyFixtures.PURPOSE, data.get("加注件用途"));
        String token = data.get("加注件令牌");
        assertEquals(made.path("token").toString(), token);
        f.check(Fixtures.WINDOW, token).then().statusCode(200).body("indication", equalTo("TOTAL_PASSED"));

        String page = files.get("Doc_0/Pages/Page_0/Content.xml");
        assertTrue(page.contains("仅供") && page.contains(CopyFixtures.PURPOSE), "purpose and watermark on the page");
        assertTrue(page.contains("张三"), "the disclosed name");
        assertTrue(f.code != null && f.code.length() >= 6, "the fixture knows the code");
        assertFalse(page.contains(f.code), "no verification code on a copy");
    }

    @Test
    void onlyTheHolderOrTheUnitThatMadeItUnderConsentGetsItAndNoneOnceWithdrawn() {
        CopyFixtures f = new CopyFixtures();
        String id = f.make().path("id");
        String path = "/api/v1/copies/" + id + "/ofd";
        RestAssured.given().get(path).then().statusCode(401);
        as(Tokens.citizen(Fixtures.randomResidentId())).get(path).then().statusCode(404);
        as(Tokens.verifier(Fixtures.WINDOW)).get(path).then().statusCode(404); // the holder made it: not the unit's
        as(Tokens.issuer(Fixtures.GOOD_ISSUER)).get(path).then().statusCode(403);
        as(Tokens.admin()).get(path).then().statusCode(403);
        f.asHolder().get("/api/v1/copies/00000000-0000-0000-0000-000000000000/ofd").then().statusCode(404);
        f.asHolder().get("/api/v1/copies/not-a-uuid/ofd").then().statusCode(400).contentType("application/problem+json");

        // a copy the unit made under the holder's consent: the unit gets it, and the holder sees that
        Instant consentUntil = Instant.now().plus(Duration.ofDays(10));
        String consent = f.asHolder().body(Map.of("unit", Fixtures.WINDOW, "matterCode", CopyFixtures.matter(),
                "purpose", CopyFixtures.PURPOSE, "expiresAt", consentUntil.toString(), "disclose", List.of("subject.name")))
                .post("/api/v1/consents").then().statusCode(201).extract().path("id");
        String byUnit = as(Tokens.verifier(Fixtures.WINDOW)).body(f.body(Fixtures.WINDOW)).post("/api/v1/copies")
                .then().statusCode(201).extract().path("id");
        as(Tokens.verifier(Fixtures.WINDOW)).get("/api/v1/copies/" + byUnit + "/ofd").then().statusCode(200);
        as(Tokens.verifier(Fixtures.OTHER_WINDOW)).get("/api/v1/copies/" + byUnit + "/ofd").then().statusCode(404);
        List<HolderAccess> downloads = accessLog.of(holders.of(f.holderId)).stream()
                .filter(a -> a.kind() == AccessKind.COPY_OFD).toList();
        assertEquals(1, downloads.size());
        assertEquals(Fixtures.WINDOW, downloads.get(0).unit());
        assertEquals(byUnit, downloads.get(0).details().get("copy"));
        // once the holder withdraws the consent, the unit gets nothing more (the holder still does)
        f.asHolder().post("/api/v1/consents/" + consent + "/revoke").then().statusCode(200);
        as(Tokens.verifier(Fixtures.WINDOW)).get("/api/v1/copies/" + byUnit + "/ofd").then().statusCode(404);
        f.asHolder().get("/api/v1/copies/" + byUnit + "/ofd").then().statusCode(200);

        f.asHolder().post("/api/v1/copies/" + id + "/withdraw").then().statusCode(200);
        f.asHolder().get(path).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("撤回"));
    }

    @Test
    void theProofsOwnOfdPassesWhenUploadedAndACopysIsSentToTheCopyCheck() {
        CopyFixtures f = new CopyFixtures();
        byte[] proofOfd = f.asHolder().get("/api/v1/proofs/" + f.number + "/ofd").then().statusCode(200).extract().asByteArray();
        upload(proofOfd).then().statusCode(200).body("indication", equalTo("TOTAL_PASSED"))
                .body("proofNumber", equalTo(f.number));

        String id = f.make().path("id");
        byte[] copyOfd = f.asHolder().get("/api/v1/copies/" + id + "/ofd").then().statusCode(200).extract().asByteArray();
        upload(copyOfd).then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("加注件")).body("detail", containsString("copy-verifications"));
    }

    private static Response upload(byte[] ofd) {
        return RestAssured.given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)))
                .contentType("application/ofd").queryParam("purpose", CopyFixtures.PURPOSE).body(ofd)
                .post("/api/v1/verifications/ofd");
    }

    /** Text files of the package by name. */
    private static Map<String, String> texts(byte[] ofd) {
        Map<String, String> out = new HashMap<>();
        OfdZips.entries(ofd).forEach((name, bytes) -> out.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return out;
    }

    private static Map<String, String> customData(String xml) {
        Map<String, String> out = new HashMap<>();
        Matcher m = CUSTOM.matcher(xml);
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
        }
        return out;
    }
}
