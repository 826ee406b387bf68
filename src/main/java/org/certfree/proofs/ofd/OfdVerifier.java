package org.certfree.proofs.ofd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ofdrw.core.signatures.SigType;
import org.ofdrw.gm.ses.v4.SES_Signature;
import org.ofdrw.gm.ses.v4.TBS_Sign;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.verify.OFDValidator;
import org.ofdrw.sign.verify.SignedDataValidateContainer;
import org.ofdrw.sign.verify.container.SESV4ValidateContainer;
import org.ofdrw.sign.verify.exceptions.InvalidSignedValueException;
import org.ofdrw.sign.verify.exceptions.OFDVerifyException;

/**
 * Verifies an OFD nobody vouches for (an upload), in this order: our own unzip with limits into a folder we create
 * and always delete ({@link SafeUnzip}); our own reading of the signature's files ({@link SignedPackage}); ofdrw's
 * {@link OFDValidator} with {@link SESV4ValidateContainer} on the extracted folder only (file digests, the seal in
 * the signed value equal to {@code Seal.esl}, the SM2 signature over {@code Signature.xml}); then the trust ofdrw
 * does not check — it trusts whatever certificate the file carries: the seal maker's signature and chain, the signer
 * in the seal's certificate list, validity at the signing time, the signer's chain to the configured roots, key
 * usage, revocation; and last the GB/T 36905 metadata. The first failure is the answer.
 *
 * <p>The signing time is the one the signer wrote; without a trusted timestamp (RFC 3161 / GM/T 0033) a holder of a
 * compromised key can backdate, so a revoked certificate is refused whatever the signing time.
 *
 * <p>Thread-safe: each call works in its own folder.
 */
public final class OfdVerifier {

    private final OfdTrust trust;
    private final SafeUnzip.Limits limits;

    public OfdVerifier(OfdTrust trust, SafeUnzip.Limits limits) {
        this.trust = trust;
        this.limits = limits;
    }

    /** Verifies the bytes of an uploaded OFD. */
    public OfdVerification verify(byte[] upload) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("certfree-ofd-verify-");
            return check(upload, dir);
        } catch (OfdRefused refused) {
            return OfdVerification.refused(refused);
        } catch (IOException e) {
            throw new UncheckedIOException("OFD verification failed", e);
        } finally {
            TempFolders.delete(dir);
        }
    }

    private OfdVerification check(byte[] upload, Path dir) throws OfdRefused, IOException {
        try {
            SafeUnzip.extract(upload, dir, limits);
        } catch (SafeUnzip.UnsafePackageException e) {
            boolean size = e.reason() == SafeUnzip.Reason.SIZE || e.reason() == SafeUnzip.Reason.RATIO;
            throw new OfdRefused(size ? OfdRefusal.TOO_LARGE : OfdRefusal.UNSAFE_PACKAGE, e.getMessage());
        }
        SignedPackage pkg = SignedPackage.read(dir);
        SES_Signature signature = integrity(dir);

        TBS_Sign toSign = signature.getToSign();
        Instant signedAt;
        X509Certificate signer;
        try {
            signedAt = Seals.instant(toSign.getTimeInfo());
            signer = OfdCrypto.certificate(signature.getCert().getOctets());
        } catch (ParseException | GeneralSecurityException | RuntimeException e) {
            throw new OfdRefused(OfdRefusal.INTEGRITY, "签章时间或签章人证书无法读取");
        }
        Seals.SealInfo seal = Seals.read(toSign.getEseal());
        Seals.trusted(seal, trust, signedAt);
        if (!seal.allows(signer)) {
            throw new OfdRefused(OfdRefusal.SIGNER_NOT_IN_SEAL);
        }
        CertificateChecks.validAt(signer, signedAt, "签章人证书");
        CertificateChecks.chain(signer, trust.signerRoots(), trust.intermediates(), signedAt,
                OfdRefusal.SIGNER_UNTRUSTED);
        CertificateChecks.signingKeyUsage(signer);
        CertificateChecks.notRevoked(signer, trust.revocations(), "签章人证书");
        return new OfdVerification(null, null, metadata(pkg.customData), signedAt, seal.id(), seal.name(), signer,
                CopyMark.from(pkg.customData).orElse(null));
    }

    /** ofdrw's checks on the extracted folder; returns the one signature it verified. */
    private static SES_Signature integrity(Path dir) throws OfdRefused {
        Capture capture = new Capture();
        try (OFDReader reader = new OFDReader(dir.toString(), false);
                OFDValidator validator = new OFDValidator(reader)) {
            validator.setValidator(capture);
            validator.exeValidate();
        } catch (OFDVerifyException e) {
            throw new OfdRefused(OfdRefusal.INTEGRITY, e.getMessage());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new OfdRefused(OfdRefusal.INTEGRITY, e.getClass().getSimpleName());
        }
        if (capture.signatures.size() != 1) {
            throw new OfdRefused(OfdRefusal.NOT_SEALED, "已核验的签章数为 " + capture.signatures.size());
        }
        return capture.signatures.get(0);
    }

    private static OfdMetadata metadata(Map<String, String> data) throws OfdRefused {
        for (String required : List.of(OfdMetadata.NUMBER, OfdMetadata.TYPE_CODE, OfdMetadata.ISSUER_CODE)) {
            String value = data.get(required);
            if (value == null || value.isBlank()) {
                throw new OfdRefused(OfdRefusal.METADATA, required);
            }
        }
        try {
            String date = data.get(OfdMetadata.ISSUE_DATE);
            if (date != null) {
                LocalDate.parse(date);
            }
            return OfdMetadata.from(data);
        } catch (DateTimeParseException e) {
            throw new OfdRefused(OfdRefusal.METADATA, OfdMetadata.ISSUE_DATE);
        }
    }

    /** ofdrw's SES V4 check, keeping each signature it accepted for our trust checks. */
    private static final class Capture implements SignedDataValidateContainer {
        private final SESV4ValidateContainer delegate = new SESV4ValidateContainer();
        final List<SES_Signature> signatures = new ArrayList<>();

        @Override
        public void validate(SigType type, String signAlgName, byte[] tbsContent, byte[] signedValue)
                throws InvalidSignedValueException, IOException, GeneralSecurityException {
            delegate.validate(type, signAlgName, tbsContent, signedValue);
            signatures.add(SES_Signature.getInstance(signedValue));
        }
    }
}
