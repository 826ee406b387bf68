package org.certfree.proofs.ofd;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.certfree.proofs.common.error.ApiException;

/**
 * The outcome of verifying an uploaded OFD: passed with what the document says, or refused by one check.
 *
 * @param refusal  the check that failed; null when every check passed
 * @param message  Chinese text for the client (the refusal's message), null when passed
 * @param metadata the GB/T 36905 metadata read back (proof number, type code...), null when refused
 * @param signedAt the signing time the signature claims (TBS_Sign timeInfo)
 * @param sealId   the seal's code
 * @param sealName the seal's name
 * @param signer   the signer's certificate
 * @param copy     what makes the document a purpose-bound copy (加注件), as the signed metadata says; null for a proof
 */
public record OfdVerification(OfdRefusal refusal, String message, OfdMetadata metadata, Instant signedAt,
        String sealId, String sealName, X509Certificate signer, CopyMark.Read copy) {

    static OfdVerification refused(OfdRefused refused) {
        return new OfdVerification(refused.refusal(), refused.getMessage(), null, null, null, null, null, null);
    }

    public boolean passed() {
        return refusal == null;
    }

    /** The 4xx problem of a refusal; for a passed verification there is none. */
    public ApiException toApiException() {
        if (passed()) {
            throw new IllegalStateException("a passed verification is no error");
        }
        return refusal.toApiException(message);
    }
}
