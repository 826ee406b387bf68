package org.certfree.proofs.keys.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.certfree.proofs.keys.crypto.RawKeyPair;
import org.certfree.proofs.keys.crypto.Sm2Sm3;
import org.junit.jupiter.api.Test;

/** The verdict on a signing time, and path validation, with named fixtures: GOOD, EXPIRED, REVOKED, UNTRUSTED, MISSING. */
class CertificateTrustTest {

    private static final Instant NOW = Instant.now();
    private static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    private static final X500Name SUBJECT = new X500Name("CN=测试局,UID=T1");
    private static final List<X509Certificate> ROOTS = List.of(TestCa.CONFIGURED.certificate);

    private static byte[] key() {
        RawKeyPair pair = Sm2Sm3.generate(new java.security.SecureRandom());
        return pair.publicKey();
    }

    private static ChainValidator.Chain chain(byte[] xy, Instant from, Instant to) throws ChainValidator.Refused {
        return ChainValidator.validate(TestCa.CONFIGURED.issue(xy, SUBJECT, SIGNING, from, to), List.of(), xy, ROOTS, null);
    }

    @Test
    void goodExpiredAndRevokedAtTheSigningTime() throws Exception {
        byte[] xy = key();
        ChainValidator.Chain good = chain(xy, NOW.minusSeconds(3600), NOW.plusSeconds(3600));
        CertificateTrust trust = new CertificateTrust(List.of(new CertificateTrust.Trusted(good, null)), List.of());
        assertEquals(CertificateTrust.Verdict.TRUSTED, trust.refusal(NOW, true).verdict());
        assertEquals(CertificateTrust.Verdict.NOT_VALID_AT, trust.refusal(NOW.plusSeconds(7200), true).verdict(), "EXPIRED");
        assertEquals(CertificateTrust.Verdict.NOT_VALID_AT, trust.refusal(NOW.minusSeconds(7200), true).verdict(), "not yet");

        CertificateTrust revoked = new CertificateTrust(List.of(new CertificateTrust.Trusted(good, NOW)), List.of());
        assertEquals(CertificateTrust.Verdict.TRUSTED, revoked.refusal(NOW.minusSeconds(1), true).verdict(), "before");
        assertEquals(CertificateTrust.Verdict.REVOKED, revoked.refusal(NOW, true).verdict(), "from the invalidity date");

        ChainValidator.Chain renewed = chain(xy, NOW.minusSeconds(60), NOW.plusSeconds(86400));
        CertificateTrust both = new CertificateTrust(List.of(new CertificateTrust.Trusted(renewed, null),
                new CertificateTrust.Trusted(good, null)), List.of());
        // (the test root's validity starts on 2026-11-30 10:04 UTC: the chain's window starts there)
        assertEquals(CertificateTrust.Verdict.TRUSTED, both.refusal(NOW.minusSeconds(90), true).verdict(), "older certificate");
        assertEquals(CertificateTrust.Verdict.TRUSTED, both.refusal(NOW.plusSeconds(7200), true).verdict(), "renewed one");
    }

    @Test
    void aMissingCertificateIsRefusedInProductionOnlyAndAnUntrustedOneAlways() {
        assertEquals(CertificateTrust.Verdict.MISSING, CertificateTrust.NONE.refusal(NOW, true).verdict());
        assertEquals(CertificateTrust.Verdict.TRUSTED, CertificateTrust.NONE.refusal(NOW, false).verdict());
        CertificateTrust untrusted = new CertificateTrust(List.of(), List.of("01: issuer X is not a configured root"));
        assertEquals(CertificateTrust.Verdict.UNTRUSTED, untrusted.refusal(NOW, false).verdict());
    }

    @Test
    void pathValidationRefusesWrongKeyUsageUntrustedRootAndEmptyWindow() {
        byte[] xy = key();
        X509Certificate forged = TestCa.generate().issue(xy, SUBJECT, SIGNING, NOW.minusSeconds(60), NOW.plusSeconds(60));
        assertEquals(ChainValidator.Reason.UNTRUSTED, assertThrows(ChainValidator.Refused.class,
                () -> ChainValidator.validate(forged, List.of(), xy, ROOTS, null)).reason(), "same names, other key");
        X509Certificate good = TestCa.CONFIGURED.issue(xy, SUBJECT, SIGNING, NOW.minusSeconds(60), NOW.plusSeconds(60));
        assertEquals(ChainValidator.Reason.WRONG_KEY, assertThrows(ChainValidator.Refused.class,
                () -> ChainValidator.validate(good, List.of(), key(), ROOTS, null)).reason());
        assertEquals(ChainValidator.Reason.NOT_VALID_AT, assertThrows(ChainValidator.Refused.class,
                () -> ChainValidator.validate(good, List.of(), xy, ROOTS, NOW.plusSeconds(3600))).reason(), "expired now");
        X509Certificate encipher = TestCa.CONFIGURED.issue(xy, SUBJECT, KeyUsage.keyEncipherment, NOW.minusSeconds(60),
                NOW.plusSeconds(60));
        assertEquals(ChainValidator.Reason.KEY_USAGE, assertThrows(ChainValidator.Refused.class,
                () -> ChainValidator.validate(encipher, List.of(), xy, ROOTS, null)).reason());
    }
}
