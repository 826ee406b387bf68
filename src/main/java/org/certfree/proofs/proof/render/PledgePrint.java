package org.certfree.proofs.proof.render;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.certfree.proofs.proof.render.ProofDocument.Claim;
import org.certfree.proofs.proof.render.ProofDocument.SigningKeyRef;
import org.certfree.proofs.proof.render.ProofDocument.SubjectKind;

/**
 * What a printed pledge document (告知承诺书) shows: the full pledge text the applicant pledged to (legal
 * consequences included), the pledger, the answers, the using unit and service matter, the check, the number,
 * the verification code and the status-page QR, and the department that signed it.
 *
 * @param text           the full pledge text, lines separated by {@code \n}
 * @param answers        the answers, labelled as the template labels them (or by field name)
 * @param statusText     the pledge's status in Chinese
 * @param warning        printed in a banner when the document is no longer valid; null when it is
 * @param checkText      how the pledge is checked (method, period, the draw's outcome), one line
 * @param checkDue       the check's due date as printed, or null when the pledge is not checked
 */
public record PledgePrint(String number, String verificationCode, String matterCode, String matterName, int matterVersion,
        String departmentCode, String departmentName, String text, SubjectKind pledgerKind, String pledgerName,
        String pledgerIdMasked, List<Claim> answers, String usingUnit, String serviceMatter, Instant pledgedAt,
        String channelText, String statusText, String warning, String checkText, String checkDue, String statusPageUrl,
        List<SigningKeyRef> signingKeys) {

    public PledgePrint {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(verificationCode, "verificationCode");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pledgedAt, "pledgedAt");
        Objects.requireNonNull(statusPageUrl, "statusPageUrl");
        answers = List.copyOf(answers);
        signingKeys = List.copyOf(signingKeys);
    }
}
