package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The count a status list's freshness is judged by (V49) is kept as proofs stop being VALID — one by one, by a
 * correction, in bulk — and folding its rows never changes it: it always equals the count of the department's
 * non-VALID proofs, which is what it replaced.
 */
@QuarkusTest
class StatusChangeCountTest {

    @Inject
    StatusSlots slots;

    @Inject
    StatusChanges changes;

    @Inject
    DataSource db;

    @Test
    void theKeptCountIsTheCountOfNonValidProofsThroughRevocationsCorrectionsAndFolds() throws Exception {
        Fixtures.departments();
        String dept = Fixtures.GOOD_ISSUER;
        String matter = Matters.retained(dept, 0);
        String issuer = Tokens.issuer(dept);
        long before = kept(dept);
        assertEquals(counted(dept), before);

        String one = number(Fixtures.issued(dept, matter, "张三", Fixtures.randomResidentId()));
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("reason", "DATA_CHANGED")).post("/api/v1/proofs/" + one + "/revoke").then().statusCode(200);
        assertEquals(before + 1, kept(dept), "a revocation");

        String two = number(Fixtures.issued(dept, matter, "李四", Fixtures.randomResidentId()));
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("claims", Map.of("户籍地址", "新疆库尔勒市人民东路 2 号"), "note", "门牌号更正"))
                .post("/api/v1/proofs/" + two + "/reissue").then().statusCode(201);
        assertEquals(before + 2, kept(dept), "a correction supersedes");

        List<String> bulk = List.of(number(Fixtures.issued(dept, matter, "王五", Fixtures.randomResidentId())),
                number(Fixtures.issued(dept, matter, "赵六", Fixtures.randomResidentId())));
        given().header("Authorization", Tokens.bearer(issuer)).contentType(ContentType.JSON)
                .body(Map.of("numbers", bulk, "reason", "ISSUED_IN_ERROR", "note", "批量撤销测试")).post("/api/v1/revocations").then().statusCode(200);
        assertEquals(before + 4, kept(dept), "a bulk revocation");
        assertEquals(counted(dept), kept(dept));

        changes.fold();
        assertEquals(before + 4, kept(dept), "folding keeps the sum");
        assertEquals(1, rows(dept), "one row per department after a fold");
        changes.fold();
        assertEquals(counted(dept), kept(dept));
    }

    private static String number(Map<String, Object> proof) {
        return (String) proof.get("number");
    }

    @Transactional
    long kept(String dept) {
        return slots.unusableCount(dept);
    }

    private long counted(String dept) throws Exception {
        return single("SELECT count(*) FROM proof WHERE issuer_dept = ? AND status <> 'VALID'", dept);
    }

    private long rows(String dept) throws Exception {
        return single("SELECT count(*) FROM status_change WHERE issuer_dept = ?", dept);
    }

    private long single(String sql, String dept) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement(sql)) {
            s.setString(1, dept);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
