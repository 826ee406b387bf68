package org.certfree.proofs.ofd;

import static org.certfree.proofs.ofd.OfdFixtures.GOOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.certfree.proofs.proof.render.ProofDocument.Status;
import org.junit.jupiter.api.Test;

/**
 * Who may make seals, and chains through an intermediate CA (review of issue #17): a department's signing certificate
 * under the same root is no seal maker when only the demo maker is ({@link OfdTrust.MakerRule#only}); a maker must
 * allow digitalSignature; behind root → intermediate → leaf, seals and OFDs verify once the intermediate is known.
 */
class OfdMakerTrustTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2035-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final String ICA_NAME = "CN=巴中市电子证明中级CA（测试）,O=巴中市人民政府,C=CN";

    /** The demo rule: one root for signers and makers, only GOOD's maker may make seals. */
    private static OfdTrust demoLike() {
        Set<TrustAnchor> roots = Set.of(new TrustAnchor(GOOD.root(), null));
        return new OfdTrust(roots, roots, List.of(), OfdTrust.RevocationLookup.NONE,
                OfdTrust.MakerRule.only(GOOD.maker().getPublicKey(), "只认演示制章者"));
    }

    /** A seal listing GOOD's signer, made by GOOD's signer itself (a department signing certificate). */
    private static byte[] sealMadeByTheSigner() {
        return OfdFixtures.seal(List.of(GOOD.signer()), GOOD.signerKey(), GOOD.signer(), FROM, UNTIL);
    }

    @Test
    void aDepartmentSigningCertificateIsNoSealMaker() throws Exception {
        assertEquals(GOOD.maker(), Seals.check(GOOD.seal(), demoLike(), NOW).maker(), "the demo maker passes");
        OfdRefused e = assertThrows(OfdRefused.class, () -> Seals.check(sealMadeByTheSigner(), demoLike(), NOW));
        assertEquals(OfdRefusal.SEAL_MAKER_UNTRUSTED, e.refusal());
        assertTrue(e.getMessage().contains("只认演示制章者"), e.getMessage());
        assertTrue(Seals.notAMaker(e, demoLike(), GOOD.signer()));

        byte[] ofd = OfdSealSigner.seal(OfdFixtures.builder().build(OfdFixtures.proof(Status.VALID)),
                new OfdSealSigner.SealIdentity(GOOD.signerKey().getPrivate(), List.of(GOOD.signer(), GOOD.root()),
                        sealMadeByTheSigner()), OfdFixtures.SIGNED);
        OfdVerification v = new OfdVerifier(demoLike(), SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertEquals(OfdRefusal.SEAL_MAKER_UNTRUSTED, v.refusal(), v.message());
        OfdVerification good = new OfdVerifier(demoLike(), SafeUnzip.Limits.DEFAULT).verify(OfdFixtures.sealed(GOOD));
        assertTrue(good.passed(), () -> good.refusal() + " " + good.message());
    }

    @Test
    void aMakerWithoutDigitalSignatureIsRefused() throws Exception {
        // non-critical: with a critical key usage the JCA already refuses the maker's signature (SEAL_INVALID)
        KeyPair key = OfdFixtures.sm2();
        X509Certificate maker = OfdFixtures.certificate("CN=只能抗抵赖的制章者,O=巴中市人民政府,C=CN", key,
                OfdFixtures.ROOT_NAME, GOOD.rootKey(), false, KeyUsage.nonRepudiation, false, FROM, UNTIL);
        byte[] seal = OfdFixtures.seal(List.of(GOOD.signer()), key, maker, FROM, UNTIL);
        OfdRefused e = assertThrows(OfdRefused.class, () -> Seals.check(seal, GOOD.trust(), NOW));
        assertEquals(OfdRefusal.SEAL_MAKER_UNTRUSTED, e.refusal());
        assertEquals(Seals.MAKER_KEY_USAGE, e.detail());
    }

    @Test
    void signerAndMakerBehindAnIntermediateVerifyOnceItIsKnown() throws Exception {
        KeyPair icaKey = OfdFixtures.sm2();
        X509Certificate ica = OfdFixtures.certificate(ICA_NAME, icaKey, OfdFixtures.ROOT_NAME, GOOD.rootKey(), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, FROM, UNTIL);
        KeyPair signerKey = OfdFixtures.sm2();
        X509Certificate signer = OfdFixtures.certificate("CN=巴中市民政局 电子证明签章,O=巴中市民政局,C=CN", signerKey, ICA_NAME,
                icaKey, false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, FROM, UNTIL);
        KeyPair makerKey = OfdFixtures.sm2();
        X509Certificate maker = OfdFixtures.certificate("CN=巴中市电子印章制作（中级CA下）,O=巴中市人民政府,C=CN", makerKey,
                ICA_NAME, icaKey, false, KeyUsage.digitalSignature, FROM, UNTIL);
        byte[] seal = OfdFixtures.seal(List.of(signer), makerKey, maker, FROM, UNTIL);
        byte[] ofd = OfdSealSigner.seal(OfdFixtures.builder().build(OfdFixtures.proof(Status.VALID)),
                new OfdSealSigner.SealIdentity(signerKey.getPrivate(), List.of(signer, ica, GOOD.root()), seal),
                OfdFixtures.SIGNED);
        Set<TrustAnchor> roots = Set.of(new TrustAnchor(GOOD.root(), null));

        OfdTrust without = new OfdTrust(roots, roots, List.of(), OfdTrust.RevocationLookup.NONE);
        assertEquals(OfdRefusal.SEAL_MAKER_UNTRUSTED, new OfdVerifier(without, SafeUnzip.Limits.DEFAULT).verify(ofd).refusal());
        OfdTrust signerOnly = new OfdTrust(roots, Set.of(new TrustAnchor(ica, null)), List.of(),
                OfdTrust.RevocationLookup.NONE);
        assertEquals(OfdRefusal.SIGNER_UNTRUSTED, new OfdVerifier(signerOnly, SafeUnzip.Limits.DEFAULT).verify(ofd).refusal(),
                "the seal system's CA as maker root: the signer still needs the intermediate");

        OfdTrust with = new OfdTrust(roots, roots, List.of(ica), OfdTrust.RevocationLookup.NONE);
        OfdVerification v = new OfdVerifier(with, SafeUnzip.Limits.DEFAULT).verify(ofd);
        assertTrue(v.passed(), () -> v.refusal() + " " + v.message());
        assertEquals(signer, v.signer());
        assertEquals(maker, Seals.check(seal, with, NOW).maker());
    }
}
