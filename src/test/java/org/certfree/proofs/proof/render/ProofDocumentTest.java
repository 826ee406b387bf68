package org.certfree.proofs.proof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.junit.jupiter.api.Test;

class ProofDocumentTest {

    @Test
    void timesPrintInBeijingTimeWithoutLeadingZerosInTheDate() {
        assertEquals("2025年3月7日 09:05", ProofDocument.displayTime(Instant.parse("2025-03-07T01:05:00Z")));
        // 16:30 UTC is already the next day in Beijing
        assertEquals("2025年3月7日 00:30", ProofDocument.displayTime(Instant.parse("2025-03-06T16:30:00Z")));
        assertEquals("2025年12月31日 23:59", ProofDocument.displayTime(Instant.parse("2025-12-31T15:59:00Z")));
    }

    @Test
    void theStatusPageAddressIsTheUrlWithoutItsQuery() {
        assertEquals("https://zwfw.bazhong.gov.cn/verify", PdfRendererTest.sample().statusPageAddress());
    }

    @Test
    void statusesAndSubjectKindsHaveTheirChineseWords() {
        assertEquals("有效", Status.VALID.label());
        assertEquals("已撤销", Status.REVOKED.label());
        assertEquals("已过期", Status.EXPIRED.label());
        assertEquals("已被更正", Status.SUPERSEDED.label());
        assertEquals(null, Status.VALID.warning());
        assertEquals("统一社会信用代码", ProofDocument.SubjectKind.ENTERPRISE.identifierLabel());
        assertEquals("公民身份号码", ProofDocument.SubjectKind.PERSON.identifierLabel());
    }

    @Test
    void claimsAreCopiedSoTheCallerCannotChangeARenderedDocument() {
        List<Claim> claims = new ArrayList<>(List.of(new Claim("婚姻状况", "未婚")));
        ProofDocument doc = PdfRendererTest.sample(Status.VALID, claims);
        claims.add(new Claim("后加", "x"));
        assertEquals(1, doc.claims().size());
        assertThrows(UnsupportedOperationException.class, () -> doc.claims().add(new Claim("a", "b")));
    }

    @Test
    void rejectsMissingFieldsAndNonHttpStatusUrls() {
        ProofDocument p = PdfRendererTest.sample();
        assertThrows(IllegalArgumentException.class, () -> withUrl(p, "/verify?n=1&c=2"));
        assertThrows(IllegalArgumentException.class, () -> withUrl(p, "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> withUrl(p, " "));
        assertThrows(IllegalArgumentException.class, () -> new ProofDocument(" ", p.verificationCode(), p.matterCode(),
                p.matterName(), p.matterVersion(), p.departmentCode(), p.departmentName(), p.subjectKind(), p.subjectName(),
                p.subjectIdentifierMasked(), p.claims(), p.purpose(), p.issuedAt(), p.validUntil(), p.status(),
                p.statusPageUrl(), p.signingKeys()));
        assertThrows(IllegalArgumentException.class, () -> new ProofDocument(p.proofNumber(), p.verificationCode(),
                p.matterCode(), p.matterName(), p.matterVersion(), p.departmentCode(), p.departmentName(), p.subjectKind(),
                p.subjectName(), p.subjectIdentifierMasked(), p.claims(), p.purpose(), p.validUntil(), p.issuedAt(),
                p.status(), p.statusPageUrl(), p.signingKeys()));
    }

    private static ProofDocument withUrl(ProofDocument p, String url) {
        return new ProofDocument(p.proofNumber(), p.verificationCode(), p.matterCode(), p.matterName(), p.matterVersion(),
                p.departmentCode(), p.departmentName(), p.subjectKind(), p.subjectName(), p.subjectIdentifierMasked(),
                p.claims(), p.purpose(), p.issuedAt(), p.validUntil(), p.status(), url, p.signingKeys());
    }
}
