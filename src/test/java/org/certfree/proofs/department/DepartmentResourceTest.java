package org.certfree.proofs.department;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DepartmentResourceTest {

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
    }

    private static String newCode() {
        return "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static Map<String, Object> body(String code) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", code);
        b.put("name", "测试县人民政府办公室");
        b.put("kind", "GOVERNMENT_DEPARTMENT");
        b.put("regionCode", "652823");
        b.put("roles", List.of("USING_UNIT"));
        return b;
    }

    private static String admin() {
        return Tokens.bearer(Tokens.admin());
    }

    @Test
    void adminCreatesReadsReplacesAndDeactivates() {
        String code = newCode();
        Map<String, Object> b = body(code);
        b.put("uscc", Fixtures.uscc(code.substring(1, 9).replaceAll("[IOSVZ]", "A")));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(b)
                .when().post("/api/v1/departments")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/departments/" + code))
                .body("code", equalTo(code))
                .body("roles", hasItem("USING_UNIT"))
                .body("active", equalTo(true))
                .body("version", equalTo(0));

        given().header("Authorization", Tokens.bearer(Tokens.verifier(Fixtures.WINDOW)))
                .when().get("/api/v1/departments/" + code)
                .then().statusCode(200).body("name", equalTo("测试县人民政府办公室"));

        b.put("name", "测试县政务服务中心");
        b.put("roles", List.of("USING_UNIT", "ISSUER"));
        b.put("version", 0);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(b)
                .when().put("/api/v1/departments/" + code)
                .then().statusCode(200)
                .body("name", equalTo("测试县政务服务中心"))
                .body("roles", hasItems("USING_UNIT", "ISSUER"))
                .body("version", equalTo(1));

        given().header("Authorization", admin())
                .when().delete("/api/v1/departments/" + code)
                .then().statusCode(200).body("active", equalTo(false));

        given().header("Authorization", admin())
                .when().get("/api/v1/departments/" + code)
                .then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void duplicateCodeAnswers409WithTheExistingLocation() {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body(Fixtures.GOOD_ISSUER))
                .when().post("/api/v1/departments")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .header("Location", endsWith("/api/v1/departments/" + Fixtures.GOOD_ISSUER))
                .body("existing", equalTo("/api/v1/departments/" + Fixtures.GOOD_ISSUER))
                .body("detail", containsString(Fixtures.GOOD_ISSUER));
    }

    @Test
    void duplicateUsccAnswers409() {
        Map<String, Object> b = body(newCode());
        b.put("uscc", Fixtures.uscc("MT0A0001"));
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(b)
                .when().post("/api/v1/departments")
                .then().statusCode(409)
                .body("detail", containsString(Fixtures.GOOD_ISSUER));
    }

    @Test
    void staleVersionAnswers409AndChangesNothing() {
        String code = newCode();
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(body(code))
                .post("/api/v1/departments").then().statusCode(201);
        Map<String, Object> first = body(code);
        first.put("name", "第一次修改");
        first.put("version", 0);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(first)
                .put("/api/v1/departments/" + code).then().statusCode(200);
        Map<String, Object> second = body(code);
        second.put("name", "基于旧版本的修改");
        second.put("version", 0);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(second)
                .put("/api/v1/departments/" + code)
                .then().statusCode(409)
                .body("type", equalTo("urn:certfree:problem:stale-version"))
                .body("detail", containsString("已被他人修改"));
        given().header("Authorization", admin()).get("/api/v1/departments/" + code)
                .then().body("name", equalTo("第一次修改"));
    }

    @Test
    void invalidFieldsAnswer400WithEveryError() {
        Map<String, Object> b = body("bad code");
        b.put("uscc", "91350100M000100Y44");
        b.put("regionCode", "65");
        b.put("roles", List.of());
        b.remove("name");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(b)
                .when().post("/api/v1/departments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "uscc", "regionCode", "roles", "name"))
                .body("errors.find { it.field == 'uscc' }.message", containsString("校验码应为 3"));
    }

    @Test
    void unknownParentAndSelfParentAreRefused() {
        Map<String, Object> b = body(newCode());
        b.put("parentCode", "NOPE");
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(b)
                .post("/api/v1/departments").then().statusCode(400).body("detail", containsString("NOPE"));
    }

    @Test
    void unknownDepartmentIs404() {
        given().header("Authorization", admin()).get("/api/v1/departments/NOSUCHDEPT")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("NOSUCHDEPT"));
        Map<String, Object> b = body("NOSUCHDEPT");
        b.put("version", 0);
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(b)
                .put("/api/v1/departments/NOSUCHDEPT").then().statusCode(404);
        given().header("Authorization", admin()).delete("/api/v1/departments/NOSUCHDEPT").then().statusCode(404);
    }

    @Test
    void listFiltersByRoleAndText() {
        given().header("Authorization", admin())
                .queryParam("role", "REVIEWER").queryParam("size", 200)
                .get("/api/v1/departments")
                .then().statusCode(200)
                .body("items.code", hasItem(Fixtures.JUSTICE))
                .body("items.code", not(hasItem(Fixtures.WINDOW)))
                .body("total", greaterThanOrEqualTo(1));
        given().header("Authorization", admin()).queryParam("q", "司法")
                .get("/api/v1/departments")
                .then().statusCode(200).body("items.code", hasItem(Fixtures.JUSTICE));
        given().header("Authorization", admin()).queryParam("size", 0)
                .get("/api/v1/departments").then().statusCode(400);
        given().header("Authorization", admin()).queryParam("role", "KING")
                .get("/api/v1/departments").then().statusCode(400);
    }

    @Test
    void everyRoleReadsButOnlyAdminWrites() {
        List<String> nonAdmins = List.of(Tokens.reviewer(Fixtures.JUSTICE), Tokens.listEditor(Fixtures.GOOD_ISSUER),
                Tokens.issuer(Fixtures.GOOD_ISSUER), Tokens.verifier(Fixtures.WINDOW), Tokens.citizen(Fixtures.CITIZEN_ID));
        for (String token : nonAdmins) {
            given().header("Authorization", Tokens.bearer(token)).get("/api/v1/departments").then().statusCode(200);
            given().header("Authorization", Tokens.bearer(token)).get("/api/v1/departments/" + Fixtures.GOOD_ISSUER)
                    .then().statusCode(200);
            given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(body(newCode()))
                    .post("/api/v1/departments").then().statusCode(403).contentType("application/problem+json");
            Map<String, Object> b = body(Fixtures.GOOD_ISSUER);
            b.put("version", 0);
            given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON).body(b)
                    .put("/api/v1/departments/" + Fixtures.GOOD_ISSUER).then().statusCode(403);
            given().header("Authorization", Tokens.bearer(token)).delete("/api/v1/departments/" + Fixtures.GOOD_ISSUER)
                    .then().statusCode(403);
        }
        given().get("/api/v1/departments").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().get("/api/v1/departments/" + Fixtures.GOOD_ISSUER).then().statusCode(401);
        given().contentType(ContentType.JSON).body(body(newCode())).post("/api/v1/departments").then().statusCode(401);
        given().delete("/api/v1/departments/" + Fixtures.GOOD_ISSUER).then().statusCode(401);
        given().header("Authorization", admin()).get("/api/v1/departments/" + Fixtures.GOOD_ISSUER)
                .then().body("active", equalTo(true));
    }

    @Test
    void idempotentCreateReplaysTheFirstAnswer() {
        String code = newCode();
        String key = UUID.randomUUID().toString();
        given().header("Authorization", admin()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(code)).post("/api/v1/departments").then().statusCode(201);
        given().header("Authorization", admin()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(code)).post("/api/v1/departments")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/departments/" + code))
                .body("code", equalTo(code));
        Map<String, Object> other = body(newCode());
        given().header("Authorization", admin()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(other).post("/api/v1/departments")
                .then().statusCode(422).body("type", equalTo("urn:certfree:problem:idempotency-key-reused"));
        given().header("Authorization", admin()).get("/api/v1/departments/" + other.get("code")).then().statusCode(404);
        given().header("Authorization", admin()).header("Idempotency-Key", "bad key!").contentType(ContentType.JSON)
                .body(body(newCode())).post("/api/v1/departments").then().statusCode(400);
    }
}
