package org.certfree.proofs.verification;

import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.ProofRecordRow;
import org.certfree.proofs.proof.SignedProof;

/**
 * The outcome of a verification before it is logged and signed: a verdict on {@code proof} (null: none
 * identified); {@code content} is what the proof says, once its signature checked out.
 */
record Verdict(Indication indication, SubIndication sub, String message, ProofRecordRow proof, SignedProof content) {

    /** No proof was issued with what was presented (or the presented content is not what was issued). */
    static Verdict notIssued() {
        return failed(SubIndication.NOT_ISSUED, Messages.VERDICT_NOT_ISSUED, null);
    }

    static Verdict failed(SubIndication sub, String message, ProofRecordRow proof) {
        return new Verdict(Indication.TOTAL_FAILED, sub, message, proof, null);
    }

    static Verdict failed(SubIndication sub, String message, ProofRecordRow proof, SignedProof content) {
        return new Verdict(Indication.TOTAL_FAILED, sub, message, proof, content);
    }
}
