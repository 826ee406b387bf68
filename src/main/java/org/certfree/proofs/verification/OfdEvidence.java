package org.certfree.proofs.verification;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.keys.KeyDirectory;
import org.certfree.proofs.keys.pki.Sm2Pki;
import org.certfree.proofs.ofd.OfdMetadata;
import org.certfree.proofs.ofd.OfdVerification;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.proof.ProofRecordRow;
import org.certfree.proofs.proof.SignedProof;
import org.certfree.proofs.proof.render.ProofDocument;

/**
 * An uploaded OFD that passed every check of the ofd library (package, integrity, seal and its maker, signer chain to
 * the configured roots, signer in the seal's list, validity at the signing time, key usage, revocation). What the
 * library cannot know is checked here against the issuer's record: that the signer's certificate is for a key of the
 * department that issued the proof the metadata names, and that the metadata is what that department signed.
 */
record OfdEvidence(OfdVerification checked) {

    OfdEvidence {
        if (!checked.passed()) {
            throw new IllegalArgumentException("a refused OFD is no evidence");
        }
    }

    /** The proof number the GB/T 36905 metadata names, normalized as every presented number is. */
    String number() {
        return ProofNumbers.normalize(checked.metadata().number());
    }

    /** What was presented, for the verification pipeline (like a signed presentation: no code). */
    Presentations.Presented presented() {
        return new Presentations.Presented(number(), null, null, null, null, this);
    }

    /**
     * Refuses (422) an OFD sealed by a certificate that is not for a published SM2 key of the department that issued
     * {@code found}, or whose key was reported compromised (the signing time is the signer's own claim: without a
     * trusted timestamp it proves nothing). Runs before anything is written.
     */
    void requireSignerOf(ProofRecordRow found, List<KeyDirectory.PublishedKey> keys) {
        byte[] certified = Sm2Pki.rawPublicKey(checked.signer());
        KeyDirectory.PublishedKey key = keys.stream()
                .filter(k -> k.algorithm() == KeyAlgorithm.SM2_SM3 && k.departmentCode().equals(found.issuerDept())
                        && certified != null && Arrays.equals(raw(k.publicKey()), certified))
                .findFirst()
                .orElseThrow(() -> ApiException.unprocessable(Messages.OFD_SIGNER_NOT_ISSUER.formatted(found.issuerDept())));
        if (key.compromisedAt() != null) {
            throw ApiException.unprocessable(Messages.OFD_SIGNER_KEY_COMPROMISED.formatted(key.compromisedAt()));
        }
    }

    /**
     * The failed verdict when the metadata differs from the signed record (number, type code, issuer, issue date —
     * the record wins: the answer shows it); null when they agree.
     */
    Verdict disagreement(ProofRecordRow proof, SignedProof content) {
        OfdMetadata m = checked.metadata();
        LocalDate issued = content.issuedAt().atZone(ProofDocument.DISPLAY_ZONE).toLocalDate();
        String[] differs = !content.number().equals(number())
                ? new String[] { Messages.OFD_FIELD_NUMBER, m.number(), content.number() }
                : !content.matterCode().equals(m.typeCode())
                        ? new String[] { Messages.OFD_FIELD_TYPE_CODE, m.typeCode(), content.matterCode() }
                        : !content.issuerDept().equals(m.issuerCode())
                                ? new String[] { Messages.OFD_FIELD_ISSUER, m.issuerCode(), content.issuerDept() }
                                : !Objects.equals(m.issueDate(), issued)
                                        ? new String[] { Messages.OFD_FIELD_ISSUE_DATE, String.valueOf(m.issueDate()),
                                            issued.toString() }
                                        : null;
        return differs == null ? null
                : Verdict.failed(SubIndication.NOT_ISSUED, Messages.VERDICT_OFD_METADATA.formatted((Object[]) differs),
                        proof, content);
    }

    /** An SM2 public key as {@code x || y} (the directory's form; a leading 0x04 dropped if present). */
    private static byte[] raw(byte[] key) {
        return key.length == 65 && key[0] == 0x04 ? Arrays.copyOfRange(key, 1, 65) : key;
    }
}
