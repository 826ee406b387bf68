package org.certfree.proofs.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Bodies of proof matters of each list kind and shortcuts through the catalogue workflow. */
public final class Matters {

    private Matters() {
    }

    /** A fresh matter code, unique in the shared test database. */
    public static String newCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public static Map<String, Object> retained(String code, String name) {
        Map<String, Object> b = base(code, "RETAINED", name, List.of("BIRTH", "SCHOOL_ENROLMENT"));
        b.put("retained", new HashMap<>(Map.of(
                "legalBases", List.of(Map.of("law", "《中华人民共和国户口登记条例》", "article", "第十五条")),
                "channel", "ONLINE_AND_WINDOW",
                "timeLimit", Map.of("kind", "WORKING_DAYS", "workingDays", 5),
                "validityDays", 90,
                "electronic", true)));
        return b;
    }

    public static Map<String, Object> cancelled(String code, String name) {
        Map<String, Object> b = base(code, "CANCELLED", name, List.of("EMPLOYMENT"));
        b.put("cancelled", new HashMap<>(Map.of(
                "replacement", "DATA_SHARING",
                "handlingInstead", "办理单位通过全员人口信息库核查，不再要求申请人提交。",
                "sharedDataSource", "全国人口基础信息库")));
        return b;
    }

    public static Map<String, Object> notifyCommit(String code, String name) {
        Map<String, Object> b = base(code, "NOTIFY_COMMIT", name, List.of("BUSINESS_STARTUP", "BUSINESS_OPERATION"));
        b.put("notifyCommit", new HashMap<>(Map.of(
                "commitment", Map.of(
                        "proofObligation", "申请人应当具备经营场所的合法使用权。",
                        "proofContent", "本人承诺所填报的经营场所真实、合法，且已取得使用权。",
                        "legalLiability", "承诺不实的，依法撤销登记，并记入信用记录。"),
                "checkMethod", "ON_SITE_INSPECTION",
                "checkWithinDays", 30)));
        return b;
    }

    private static Map<String, Object> base(String code, String kind, String name, List<String> scenarios) {
        Map<String, Object> b = new HashMap<>();
        if (code != null) {
            b.put("code", code);
        }
        b.put("kind", kind);
        b.put("name", name);
        b.put("description", "用于测试的证明事项");
        b.put("scenarios", scenarios);
        return b;
    }

    /** Creates the matter as the department's list editor; returns its code. */
    public static String create(String dept, Map<String, Object> body) {
        return given().header("Authorization", Tokens.bearer(Tokens.listEditor(dept))).contentType(ContentType.JSON)
                .body(body).post("/api/v1/matters").then().statusCode(201).extract().path("code");
    }

    /** Submits version {@code number} as the editor and approves it as the reviewer. */
    public static void submitAndApprove(String dept, String reviewerDept, String code, int number) {
        given().header("Authorization", Tokens.bearer(Tokens.listEditor(dept))).contentType(ContentType.JSON)
                .post("/api/v1/matters/" + code + "/versions/" + number + "/submit").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.reviewer(reviewerDept))).contentType(ContentType.JSON)
                .post("/api/v1/matters/" + code + "/versions/" + number + "/approve").then().statusCode(200);
    }

    /** Creates and approves a matter; returns its code. */
    public static String approved(String dept, String reviewerDept, Map<String, Object> body) {
        String code = create(dept, body);
        submitAndApprove(dept, reviewerDept, code, 1);
        return code;
    }

    /**
     * A matter of {@code dept} on the published retained list, issued electronically, with a time
     * limit of {@code workingDays} (0 = immediate) and a 90-day validity; returns its code.
     */
    @SuppressWarnings("unchecked")
    public static String retained(String dept, int workingDays) {
        Map<String, Object> body = retained(newCode("ZM"), "测试户籍证明");
        ((Map<String, Object>) body.get("retained")).put("timeLimit", workingDays == 0
                ? Map.of("kind", "IMMEDIATE") : Map.of("kind", "WORKING_DAYS", "workingDays", workingDays));
        String code = approved(dept, Fixtures.JUSTICE, body);
        Batches.publishWith(List.of(code));
        return code;
    }
}
