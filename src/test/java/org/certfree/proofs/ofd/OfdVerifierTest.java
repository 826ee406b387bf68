package org.certfree.proofs.ofd;

import static org.certfree.proofs.ofd.OfdFixtures.FORGED;
import static org.certfree.proofs.ofd.OfdFixtures.GOOD;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.proof.render.ProofDocument;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.verify.OFDValidator;
import org.ofdrw.sign.verify.container.SESV4ValidateContainer;

/** Verification of uploaded OFDs: the good one passes, each forgery, change and hostile package is refused. */
class OfdVerifierTest {

    private static final byte[] GOOD_OFD = OfdFixtures.sealed(GOOD);

    private final OfdVerifier verifier = new OfdVerifier(GOOD.trust(), SafeUnzip.Limits.DEFAULT);

    private OfdVerification verify(byte[] ofd) {
        return verifier.verify(ofd);
    }

    @Test
    void aGoodOfdVerifiesAndItsProofIsReadBack() {
        OfdVerification v = verify(GOOD_OFD);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertEquals(OfdFixtures.NUMBER, v.metadata().number());
        assertEquals(OfdFixtures.MATTER, v.metadata().typeCode());
        assertEquals("BZGAJ", v.metadata().issuerCode());
        assertEquals("张*华", v.metadata().holder());
        assertEquals(OfdFixtures.SIGNED, v.signedAt());
        assertEquals("巴中市公安局电子证明专用章", v.sealName());
        assertEquals(GOOD.signer(), v.signer());
    }

    @Test
    void aForgedChainWithIdenticalNamesSigningAnAlteredDocumentIsRefused() throws Exception {
        ProofDocument p = OfdFixtures.proof(Status.VALID);
        ProofDocument altered = new ProofDocument(p.proofNumber(), p.verificationCode(), p.matterCode(), p.matterName(),
                p.matterVersion(), p.departmentCode(), p.departmentName(), p.subjectKind(), "李*明", p.subjectIdentifierMasked(),
                List.of(new ProofDocument.Claim("查询结果", "未发现该人员有犯罪记录。")), p.purpose(), p.issuedAt(),
                p.validUntil(), p.status(), p.statusPageUrl(), p.signingKeys());
        byte[] forged = OfdSealSigner.seal(OfdFixtures.builder().build(altered), FORGED.identity(), OfdFixtures.SIGNED);
        assertEquals(GOOD.signer().getSubjectX500Principal(), FORGED.signer().getSubjectX500Principal());

        // ofdrw's own validator accepts it: it trusts the certificates the file carries
        Path dir = Files.createTempDirectory("certfree-ofd-test-");
        try {
            SafeUnzip.extract(forged, dir, SafeUnzip.Limits.DEFAULT);
            try (OFDReader reader = new OFDReader(dir.toString(), false);
                    OFDValidator validator = new OFDValidator(reader)) {
                validator.setValidator(new SESV4ValidateContainer());
                assertDoesNotThrow(validator::exeValidate);
            }
        } finally {
            TempFolders.delete(dir);
        }

        OfdVerification v = verify(forged);
        assertEquals(OfdRefusal.SEAL_MAKER_UNTRUSTED, v.refusal(), v.message());
        assertEquals(422, v.toApiException().type().status());
    }

    @Test
    void aForgedSignerUnderTheRealSealIsRefused() {
        // the real seal, but the forger's key and a certificate with the signer's name
        var identity = new OfdSealSigner.SealIdentity(FORGED.signerKey().getPrivate(), List.of(FORGED.signer()),
                GOOD.seal());
        byte[] ofd = OfdSealSigner.seal(OfdFixtures.builder().build(OfdFixtures.proof(Status.VALID)), identity,
                OfdFixtures.SIGNED);
        assertEquals(OfdRefusal.SIGNER_NOT_IN_SEAL, verify(ofd).refusal());
    }

    @Test
    void aSignerListedInARealSealButNotChainingToTheRootIsRefused() {
        // the real maker lists a self-made certificate: the seal is genuine, the signer is not a department's
        byte[] seal = OfdFixtures.seal(List.of(FORGED.signer()), GOOD.makerKey(), GOOD.maker(),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
        var identity = new OfdSealSigner.SealIdentity(FORGED.signerKey().getPrivate(), List.of(FORGED.signer()), seal);
        byte[] ofd = OfdSealSigner.seal(OfdFixtures.builder().build(OfdFixtures.proof(Status.VALID)), identity,
                OfdFixtures.SIGNED);
        assertEquals(OfdRefusal.SIGNER_UNTRUSTED, verify(ofd).refusal());
    }

    @Test
    void aOneByteChangeOfAnyFileIsRefused() {
        Map<String, byte[]> files = OfdZips.entries(GOOD_OFD);
        assertTrue(files.size() >= 10, files.keySet().toString());
        List<String> passed = new ArrayList<>();
        for (String name : files.keySet()) {
            Map<String, byte[]> changed = new LinkedHashMap<>(files);
            byte[] bytes = changed.get(name).clone();
            int i = bytes.length / 2;
            bytes[i] = (byte) (bytes[i] == 'A' ? 'B' : bytes[i] ^ 0x01);
            changed.put(name, bytes);
            OfdVerification v = verify(OfdZips.zip(changed));
            if (v.passed()) {
                passed.add(name);
            }
        }
        assertEquals(List.of(), passed, "changed files that still verified");
    }

    @Test
    void rezippingTheUnchangedFilesStillVerifies() {
        assertTrue(verify(OfdZips.zip(OfdZips.entries(GOOD_OFD))).passed());
    }

    @Test
    void anAddedUnprotectedFileIsRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>(OfdZips.entries(GOOD_OFD));
        files.put("Doc_0/Res/note.xml", "<x/>".getBytes());
        assertEquals(OfdRefusal.NOT_SEALED, verify(OfdZips.zip(files)).refusal());
    }

    @Test
    void anUnsignedOfdIsRefused() {
        byte[] unsigned = OfdFixtures.builder().build(OfdFixtures.proof(Status.VALID)).bytes();
        assertEquals(OfdRefusal.NOT_SEALED, verify(unsigned).refusal());
    }

    @Test
    void zipSlipEntriesAreRefusedAndNothingIsWrittenOutside() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (String evil : List.of("../../certfree-ofd-slip.txt", "Doc_0/../../certfree-ofd-slip.txt",
                "/tmp/certfree-ofd-slip.txt", "..\\certfree-ofd-slip.txt", "C:/certfree-ofd-slip.txt")) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(evil, "owned".getBytes());
            files.putAll(OfdZips.entries(GOOD_OFD));
            OfdVerification v = verify(OfdZips.zip(files));
            assertEquals(OfdRefusal.UNSAFE_PACKAGE, v.refusal(), evil);
            assertEquals(ProblemType.VALIDATION, v.toApiException().type());
        }
        assertFalse(Files.exists(tmp.resolve("certfree-ofd-slip.txt")));
        assertFalse(Files.exists(tmp.getParent() == null ? tmp : tmp.getParent().resolve("certfree-ofd-slip.txt")));
    }

    @Test
    void aZipBombIsRefusedAtTheLimit() {
        Map<String, byte[]> files = new LinkedHashMap<>(OfdZips.entries(GOOD_OFD));
        files.put("Doc_0/Res/bomb.bin", new byte[64 << 20]);
        byte[] bomb = OfdZips.zip(files);
        assertTrue(bomb.length < 1 << 20, "64 MB of zeros pack to " + bomb.length + " bytes");
        OfdVerification v = verify(bomb);
        assertEquals(OfdRefusal.TOO_LARGE, v.refusal(), v.message());
        assertEquals(413, v.toApiException().type().status());
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, byte[]> files = new LinkedHashMap<>(OfdZips.entries(GOOD_OFD));
        for (int i = 0; i < 300; i++) {
            files.put("Doc_0/Res/f" + i, new byte[0]);
        }
        assertEquals(OfdRefusal.UNSAFE_PACKAGE, verify(OfdZips.zip(files)).refusal());
    }

    @Test
    void garbageIsRefusedAndLeavesNoFolderBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = count(tmp);
        assertEquals(OfdRefusal.UNSAFE_PACKAGE, verify("not a zip".getBytes()).refusal());
        assertEquals(OfdRefusal.NOT_OFD, verify(OfdZips.zip(Map.of("a.txt", new byte[1]))).refusal());
        assertTrue(verify(GOOD_OFD).passed());
        assertEquals(before, count(tmp), "temporary folders left behind");
    }

    private static long count(Path tmp) throws Exception {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("certfree-ofd-")
                    || p.getFileName().toString().startsWith("ofd-tmp-")).count();
        }
    }

    @Test
    void aRevokedSignerIsRefused() {
        OfdVerifier withRevocation = new OfdVerifier(GOOD.trust(c -> c.equals(GOOD.signer())
                ? Optional.of(new OfdTrust.Revocation(Instant.parse("2025-02-01T00:00:00Z"), "密钥泄露"))
                : Optional.empty()), SafeUnzip.Limits.DEFAULT);
        OfdVerification v = withRevocation.verify(GOOD_OFD);
        assertEquals(OfdRefusal.REVOKED, v.refusal());
        assertTrue(v.message().contains("签章人证书"), v.message());
    }

    @Test
    void aSealOutsideItsValidityAtSigningTimeIsRefused() {
        byte[] seal = OfdFixtures.seal(List.of(GOOD.signer()), GOOD.makerKey(), GOOD.maker(),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));
        var identity = new OfdSealSigner.SealIdentity(GOOD.signerKey().getPrivate(), List.of(GOOD.signer()), seal);
        byte[] ofd = OfdSealSigner.seal(OfdFixtures.builder().build(OfdFixtures.proof(Status.VALID)), identity,
                OfdFixtures.SIGNED);
        OfdVerification v = verify(ofd);
        assertEquals(OfdRefusal.NOT_VALID_AT_SIGNING, v.refusal());
        assertTrue(v.message().contains("电子印章"), v.message());
    }

    @Test
    void aSignerWhoseKeyMayNotSignIsRefused() throws Exception {
        KeyPair key = OfdFixtures.sm2();
        // a critical key usage without digitalSignature already fails ofdrw's JCA check (INTEGRITY); a non-critical
        // one passes there and must fail ours
        X509Certificate encipherOnly = OfdFixtures.certificate(OfdFixtures.SIGNER_NAME, key, OfdFixtures.ROOT_NAME,
                GOOD.rootKey(), false, KeyUsage.keyEncipherment, false, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"));
        byte[] seal = OfdFixtures.seal(List.of(encipherOnly), GOOD.makerKey(), GOOD.maker(),
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
        byte[] ofd = OfdSealSigner.seal(OfdFixtures.builder().build(OfdFixtures.proof(Status.VALID)),
                new OfdSealSigner.SealIdentity(key.getPrivate(), List.of(encipherOnly), seal), OfdFixtures.SIGNED);
        assertEquals(OfdRefusal.KEY_USAGE, verify(ofd).refusal());
    }

    @Test
    void aPassedVerificationHasNoProblem() {
        OfdVerification v = verify(GOOD_OFD);
        assertNull(v.refusal());
        assertNull(v.message());
    }
}
