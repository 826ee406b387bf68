package org.certfree.proofs.verification;

/** Why a verification did not pass (ETSI EN 319 102-1 §5.1.3 sub-indications, narrowed to proofs). */
public enum SubIndication {
    /** The input is not a proof in any accepted form (JWS, QR URL, number + code). — FORMAT_FAILURE */
    FORMAT_FAILURE,
    /** The signature does not verify: the payload or signature was altered. — SIG_CRYPTO_FAILURE */
    SIG_CRYPTO_FAILURE,
    /** A disclosure presented with an SD-JWT is not one its issuer signed (no digest of it in the payload). — HASH_FAILURE */
    HASH_FAILURE,
    /** The signing key is not one the departments have published. — NO_SIGNING_CERTIFICATE_FOUND */
    NO_SIGNING_KEY_FOUND,
    /** The signing key was compromised before this signature was made. — REVOKED_NO_POE */
    KEY_COMPROMISED,
    /** No proof with this number (and code) was ever issued, or the signed content is not what was issued. */
    NOT_ISSUED,
    /** The issuing department revoked the proof. — REVOKED */
    REVOKED,
    /** The proof's validity period has passed. — EXPIRED */
    EXPIRED,
    /** A corrected proof replaced this one; see the successor. */
    SUPERSEDED,
    /** The proof is about someone other than the holder presenting it. */
    SUBJECT_MISMATCH,
    /**
     * The proof is suspended while a dispute (异议) on it is open; the issuing department decides it. With
     * indication INDETERMINATE: more information (the decision) may change the answer. — TRY_LATER (EN 319 102-1
     * §5.1.3), and the W3C Bitstring Status List's {@code statusPurpose: suspension}.
     */
    SUSPENDED,
    /** A purpose-bound copy (加注件) presented by a using unit other than the one it is bound to ({@code aud}). */
    OTHER_UNIT,
    /** The holder withdrew the purpose-bound copy (加注件) presented; only an online check can see it. */
    WITHDRAWN;

    public String uri() {
        return "urn:certfree:sub-indication:" + name().toLowerCase().replace('_', '-');
    }
}
