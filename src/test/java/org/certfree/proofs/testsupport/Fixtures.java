package org.certfree.proofs.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.Uscc;

/**
 * Named departments every test can rely on, created once through the API (idempotently).
 * GOOD_ISSUER and OTHER_DEPT_ISSUER are two issuing departments; WINDOW is a using unit;
 * JUSTICE is the reviewing justice bureau.
 */
public final class Fixtures {

    public static final String GOOD_ISSUER = "TGAJ";
    public static final String OTHER_DEPT_ISSUER = "TMZJ";
    public static final String WINDOW = "TWINDOW";
    public static final String OTHER_WINDOW = "TWINDOW2";
    public static final String JUSTICE = "TSFJ";

    /** GB 11643 sample number and a second valid one. */
    public static final String CITIZEN_ID = "11010519491231002X";
    public static final String OTHER_CITIZEN_ID = "440524198001010013";

    private static volatile boolean created;

    private Fixtures() {
    }

    /** Puts {@code unit} on the 用证 list for {@code matter} (as ADMIN). */
    public static void onUsageList(String unit, String matter) {
        io.restassured.RestAssured.given().header("Authorization", Tokens.bearer(Tokens.admin()))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("unit", unit, "serviceMatter", "义务教育入学登记", "businessSystem", "入学服务平台",
                        "proofMatterCode", matter))
                .post("/api/v1/using-units").then().statusCode(201);
    }

    /**
     * A 户籍证明-like proof of {@code matter} issued by {@code issuer} (as its ISSUER) to a person, with one
     * claim (户籍地址 新疆库尔勒市人民东路 1 号) and the purpose 办理入学: the issue answer (number, code, JWS…).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> issued(String issuer, String matter, String name, String subjectId) {
        Map<String, Object> body = Map.of("matterCode", matter,
                "subject", Map.of("kind", "PERSON", "name", name, "id", subjectId),
                "claims", Map.of("户籍地址", "新疆库尔勒市人民东路 1 号"),
                "purpose", "办理入学");
        return given().header("Authorization", Tokens.bearer(Tokens.issuer(issuer))).contentType(ContentType.JSON)
                .body(body).post("/api/v1/proofs").then().statusCode(201).extract().as(Map.class);
    }

    /** A valid resident ID no other test uses (born 1990, a random sequence number). */
    public static String randomResidentId() {
        String first17 = "110105" + "1990" + String.format("%02d%02d", 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28))
                + String.format("%03d", RANDOM.nextInt(1000));
        return first17 + org.certfree.proofs.common.ResidentId.checkCharacter(first17);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public static synchronized void departments() {
        if (created) {
            return;
        }
        create(GOOD_ISSUER, "测试州公安局", "GOVERNMENT_DEPARTMENT", "MT0A0001", List.of("ISSUER", "USING_UNIT"));
        create(OTHER_DEPT_ISSUER, "测试州民政局", "GOVERNMENT_DEPARTMENT", "MT0A0002", List.of("ISSUER"));
        create(WINDOW, "测试市政务服务中心窗口", "SERVICE_CENTER", "MT0A0003", List.of("USING_UNIT"));
        create(OTHER_WINDOW, "测试县政务服务中心窗口", "SERVICE_CENTER", "MT0A0004", List.of("USING_UNIT"));
        create(JUSTICE, "测试州司法局", "JUSTICE_BUREAU", "MT0A0005", List.of("REVIEWER"));
        created = true;
    }

    public static String uscc(String orgBody) {
        return Uscc.complete("11659900" + orgBody);
    }

    private static void create(String code, String name, String kind, String orgBody, List<String> roles) {
        int status = given().header("Authorization", Tokens.bearer(Tokens.admin()))
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kind", kind, "uscc", uscc(orgBody),
                        "regionCode", "659900", "roles", roles))
                .post("/api/v1/departments").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("fixture department " + code + " answered " + status);
        }
    }
}
