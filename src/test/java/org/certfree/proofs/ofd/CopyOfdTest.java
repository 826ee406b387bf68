package org.certfree.proofs.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.junit.jupiter.api.Test;

/** A purpose-bound copy's OFD: the unit, purpose and expiry printed and as a watermark, the token in its metadata. */
class CopyOfdTest {

    static final CopyMark MARK = new CopyMark(UUID.fromString("0f8e7c1a-54b2-4c3d-9e6f-2a1b3c4d5e6f"), "BZSRSJ",
            "巴中市人力资源和社会保障局", "办理失业保险金申领", OfdFixtures.SIGNED,
            OfdFixtures.SIGNED.plus(Duration.ofDays(30)), "eyJhbGciOiJTTTJTTTMifQ.eyJqdGkiOiIwZjhlIn0.c2ln");

    private final ProofOfdBuilder builder = OfdFixtures.builder();

    @Test
    void theCopyPrintsItsUnitPurposeAndExpiryAndHidesTheVerificationCode() {
        Map<String, byte[]> files = OfdZips.entries(builder.buildCopy(OfdFixtures.proof(Status.VALID), MARK).bytes());
        String content = new String(files.get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        for (String text : java.util.List.of("电子证明（加注件）", "加注件编号", MARK.id().toString(), "巴中市人力资源和社会保障局（BZSRSJ）",
                "办理失业保险金申领", "本件有效期至", "2025年4月6日 09:05", OfdFixtures.NUMBER)) {
            assertTrue(content.contains(text), text);
        }
        assertFalse(content.contains(OfdFixtures.CODE), "a copy never prints the proof's verification code");
        assertFalse(content.contains("核验码</"), "no verification-code row");
    }

    @Test
    void theWatermarkIsSlantedTranslucentAndOverThePage() {
        Map<String, byte[]> files = OfdZips.entries(builder.buildCopy(OfdFixtures.proof(Status.VALID), MARK).bytes());
        String content = new String(files.get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        String mark = "仅供巴中市人力资源和社会保障局用于办理失业保险金申领";
        int first = content.indexOf(mark);
        assertTrue(first > 0, "watermark text");
        assertTrue(content.indexOf("开具单位：巴中市公安局") < first, "the watermark is drawn after (over) the page content");
        int rows = content.split(mark, -1).length - 1;
        assertTrue(rows >= 10, "rows of watermark: " + rows);
        String textObject = content.substring(content.lastIndexOf("<ofd:TextObject", first), first);
        assertTrue(textObject.contains("Alpha=\"40\""), textObject);
        assertTrue(textObject.contains("CTM=\""), "slanted: " + textObject);
    }

    @Test
    void theMetadataCarriesTheCopyAndItsTokenAndTheSealedCopyVerifies() throws Exception {
        byte[] sealed = OfdSealSigner.seal(builder.buildCopy(OfdFixtures.proof(Status.VALID), MARK),
                OfdFixtures.GOOD.identity(), OfdFixtures.SIGNED);
        Path dir = Files.createTempDirectory("certfree-ofd-test-");
        try {
            SafeUnzip.extract(sealed, dir, SafeUnzip.Limits.DEFAULT);
            Map<String, String> data = SignedPackageTestAccess.customData(dir);
            CopyMark.Read read = CopyMark.from(data).orElseThrow();
            assertEquals(MARK.id().toString(), read.id());
            assertEquals("BZSRSJ", read.unitCode());
            assertEquals("办理失业保险金申领", read.purpose());
            assertEquals(MARK.token(), read.token());
            assertEquals(OfdFixtures.NUMBER, data.get("证照编号"));
        } finally {
            TempFolders.delete(dir);
        }
        OfdVerification v = new OfdVerifier(OfdFixtures.GOOD.trust(), SafeUnzip.Limits.DEFAULT).verify(sealed);
        assertTrue(v.passed(), v.message());
        assertTrue(CopyMark.from(Map.of("证照编号", OfdFixtures.NUMBER)).isEmpty(), "a proof's OFD is no copy");
    }

    @Test
    void aCopyIsAsDeterministicAsTheProof() {
        byte[] a = builder.buildCopy(OfdFixtures.proof(Status.VALID), MARK).bytes();
        byte[] b = builder.buildCopy(OfdFixtures.proof(Status.VALID), MARK).bytes();
        Map<String, byte[]> fa = OfdZips.entries(a);
        Map<String, byte[]> fb = OfdZips.entries(b);
        assertEquals(fa.keySet(), fb.keySet());
        fa.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, fb.get(name)), name));
        assertTrue(Instant.now().isAfter(MARK.expires()), "fixture copy lies in the past, as the fixture proof");
    }
}
