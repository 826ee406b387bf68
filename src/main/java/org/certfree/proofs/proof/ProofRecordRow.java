package org.certfree.proofs.proof;

import java.time.Instant;
import java.util.UUID;
import org.certfree.proofs.keys.DetachedJws;

/**
 * What online verification needs of a proof: the issuer's record (status, index columns) and its
 * signed form and its encrypted disclosures, read only when the answer needs the subject (a projection: read on every verification,
 * never changed by it). What the proof says is read from the signed payload by {@link #signed()} —
 * only once the verifier has checked the signature and the code (so an unknown number, a wrong code
 * and a found one cost alike up to that point); {@code matterCode} and {@code issuerDept} are index
 * columns, to be compared with it.
 */
public record ProofRecordRow(UUID id, String number, DocumentKind kind, String codeEnc, String matterCode, String issuerDept,
        String subjectIdIndex, ProofStatus status, RevocationReason revocationReason, Instant falseFindingWithdrawnAt,
        String supersededBy, String payload,
        String jwsSignatures, String disclosuresEnc, Instant suspendedAt) {

    /** The compact JWS as signed, rebuilt from the stored payload and signatures ({@link DetachedJws}). */
    public String jwsCompact() {
        return DetachedJws.compact(payload, jwsSignatures);
    }


    /**
     * What the proof says, parsed from the stored payload with nothing disclosed (check its signature first);
     * IllegalArgumentException if unreadable. {@link ProofLookup#signed(ProofRecordRow)} adds the disclosures.
     */
    public SignedProof signed() {
        return SignedProof.parseStored(payload);
    }

    /** As {@link #signed()}, or null when the payload is unreadable (only by tampering). */
    public SignedProof signedOrNull() {
        try {
            return signed();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
