package org.certfree.proofs.ofd;

import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;

/**
 * Which check refused an uploaded OFD, in the order they run (ETSI EN 319 102-1 §5.1.3 sub-indication in each
 * comment). Each maps to one RFC 9457 problem: a package we will not open is a 400 or 413, a package that opens but
 * does not hold a trustworthy seal a 422.
 */
public enum OfdRefusal {
    /** An entry name leaves the package, or too many entries, or not a zip (SafeUnzip). — FORMAT_FAILURE */
    UNSAFE_PACKAGE(ProblemType.VALIDATION, Messages.OFD_UNSAFE_PACKAGE),
    /** Inflates beyond the size or ratio limits: a zip bomb. — FORMAT_FAILURE */
    TOO_LARGE(ProblemType.PAYLOAD_TOO_LARGE, Messages.OFD_TOO_LARGE),
    /** Unpacks, but is no OFD ofdrw can read (no OFD.xml, broken XML, missing files). — FORMAT_FAILURE */
    NOT_OFD(ProblemType.UNPROCESSABLE, Messages.OFD_NOT_OFD),
    /** No signature, several, not a seal, or not covering every file of the package. — FORMAT_FAILURE */
    NOT_SEALED(ProblemType.UNPROCESSABLE, Messages.OFD_NOT_SEALED),
    /** A protected file, Signature.xml or the signed value does not match (ofdrw's OFDValidator). — HASH_FAILURE / SIG_CRYPTO_FAILURE */
    INTEGRITY(ProblemType.UNPROCESSABLE, Messages.OFD_INTEGRITY),
    /** The seal cannot be read, its maker's signature over SES_SealInfo fails, or it is not V4. — SIG_CRYPTO_FAILURE */
    SEAL_INVALID(ProblemType.UNPROCESSABLE, Messages.OFD_SEAL_INVALID),
    /** The seal maker's certificate does not chain to a configured seal-maker root. — NO_CERTIFICATE_CHAIN_FOUND */
    SEAL_MAKER_UNTRUSTED(ProblemType.UNPROCESSABLE, Messages.OFD_SEAL_MAKER_UNTRUSTED),
    /** The signer's certificate does not chain to a configured root (PKIX). — NO_CERTIFICATE_CHAIN_FOUND */
    SIGNER_UNTRUSTED(ProblemType.UNPROCESSABLE, Messages.OFD_SIGNER_UNTRUSTED),
    /** The signer's certificate is not in the seal's certificate list. — NOT_YET_VALID / CHAIN_CONSTRAINTS_FAILURE */
    SIGNER_NOT_IN_SEAL(ProblemType.UNPROCESSABLE, Messages.OFD_SIGNER_NOT_IN_SEAL),
    /** The signing time lies outside the seal's or a certificate's validity. — OUT_OF_BOUNDS_NO_POE / EXPIRED */
    NOT_VALID_AT_SIGNING(ProblemType.UNPROCESSABLE, Messages.OFD_NOT_VALID_AT_SIGNING),
    /** The signer's certificate does not allow digital signatures (key usage). — CHAIN_CONSTRAINTS_FAILURE */
    KEY_USAGE(ProblemType.UNPROCESSABLE, Messages.OFD_KEY_USAGE),
    /** The signer's or the seal maker's certificate is revoked. — REVOKED_NO_POE */
    REVOKED(ProblemType.UNPROCESSABLE, Messages.OFD_REVOKED),
    /** The GB/T 36905 metadata (proof number, type code) is missing. — FORMAT_FAILURE */
    METADATA(ProblemType.UNPROCESSABLE, Messages.OFD_METADATA);

    private final ProblemType problem;
    private final String message;

    OfdRefusal(ProblemType problem, String message) {
        this.problem = problem;
        this.message = message;
    }

    /** Stable name of the refusal, for receipts and clients. */
    public String uri() {
        return "urn:certfree:ofd-refusal:" + name().toLowerCase().replace('_', '-');
    }

    public ProblemType problem() {
        return problem;
    }

    /** The Chinese message with its arguments. */
    public String message(Object... args) {
        return args.length == 0 && !message.contains("%") ? message : String.format(message, args);
    }

    /** The 4xx problem for this refusal. */
    public ApiException toApiException(String detail) {
        return new ApiException(problem, detail);
    }
}
