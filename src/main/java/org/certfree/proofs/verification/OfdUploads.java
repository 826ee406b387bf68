package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.ofd.OfdTrusts;
import org.certfree.proofs.ofd.OfdVerification;
import org.certfree.proofs.ofd.OfdVerifier;
import org.certfree.proofs.ofd.OfdWork;
import org.certfree.proofs.ofd.SafeUnzip;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.verification.dto.VerificationResult;
import org.certfree.proofs.verification.dto.VerifyRequest;

/**
 * Verification of an uploaded sealed OFD proof: the body read within {@code certfree.ofd.upload-max-bytes} (also
 * refused before reading, by {@code RequestLimits}), the ofd
 * library's checks against the service's current trust ({@link OfdTrusts}) — a refusal is a 4xx problem naming the
 * failed check, and nothing is written — then the same pipeline as every other verification
 * ({@link VerificationService}): the issuer's record, its current status, one verdict, a receipt signed by the issuing
 * department, the verification row and the holder's access-log row.
 */
@ApplicationScoped
public class OfdUploads {

    /** The media type of an OFD document (GB/T 33190). */
    public static final String MEDIA_TYPE = "application/ofd";

    @Inject
    OfdTrusts trusts;

    @Inject
    OfdWork work;

    @Inject
    CertfreeConfig config;

    @Inject
    VerificationService verification;

    @Inject
    DepartmentService departments;

    /** The upload's bytes: 413 beyond the limit (a declared length is refused before reading), 400 when empty. */
    public byte[] read(InputStream body, Long declaredLength) {
        long max = config.ofd().uploadMaxBytes();
        if (declaredLength != null && declaredLength > max) {
            throw tooLarge(max);
        }
        try {
            byte[] data = body == null ? new byte[0] : SafeUnzip.readUpload(body, max);
            if (data.length == 0) {
                throw ApiException.badParameter("body", Messages.OFD_UPLOAD_EMPTY);
            }
            return data;
        } catch (SafeUnzip.UnsafePackageException e) {
            throw tooLarge(max);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an OFD upload failed", e);
        }
    }

    /** Verifies the OFD {@code upload} for the calling using unit and records the verification. */
    public VerificationResult verify(byte[] upload, String purpose, String serviceMatter, Caller caller) {
        String unit = caller.department().orElseThrow(() -> ApiException.forbidden(Messages.FORBIDDEN_ROLE));
        if (!departments.hasRole(unit, DepartmentRole.USING_UNIT)) { // before the costly checks
            throw ApiException.forbidden(Messages.NOT_A_USING_UNIT.formatted(unit));
        }
        OfdVerification checked = work.run(() -> new OfdVerifier(trusts.current(), SafeUnzip.Limits.DEFAULT).verify(upload));
        if (!checked.passed()) {
            BusinessEvents.log("verification.ofd-refused", "unit", unit, "refusal", checked.refusal());
            throw checked.toApiException();
        }
        if (checked.copy() != null) { // a copy is bound to its unit, purpose and expiry: only the copy check knows them
            throw ApiException.unprocessable(Messages.OFD_IS_A_COPY.formatted(checked.copy().unitCode()));
        }
        VerifyRequest in = new VerifyRequest(null, null, null, null, purpose, serviceMatter, null, null);
        return verification.verify(in, caller, new OfdEvidence(checked));
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, Messages.OFD_UPLOAD_TOO_LARGE.formatted(max));
    }
}
