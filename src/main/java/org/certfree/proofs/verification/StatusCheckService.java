package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.proof.DocumentKind;
import org.certfree.proofs.proof.ProofLookup;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.ProofStatusRow;
import org.certfree.proofs.proof.SignedProof;
import org.certfree.proofs.verification.dto.StatusAnswer;

/** The citizen status check: number plus verification code, answered on the issuer's record. */
@ApplicationScoped
public class StatusCheckService {

    @Inject
    ProofLookup proofs;

    @Inject
    Clock clock;

    /**
     * The status when number and code match; empty when the number is unknown OR the code is
     * wrong — the two answer alike so the endpoint cannot be used to find issued numbers.
     */
    public Optional<StatusAnswer> check(String number, String code) {
        String normalized = ProofNumbers.normalize(number);
        ProofLookup.Found<ProofStatusRow> found = proofs.findStatus(normalized);
        if (found.codeLocked()) { // too many wrong codes for this number, from any client, on any replica
            throw new ApiException(ProblemType.TOO_MANY_REQUESTS, Messages.STATUS_CODE_LOCKED.formatted(
                    ProofLookup.MAX_WRONG_CODES, ProofLookup.CODE_LOCK.toMinutes()))
                    .withHeader("Retry-After", Long.toString(ProofLookup.CODE_LOCK.toSeconds()));
        }
        if (!proofs.codeMatches(found.proof(), code)) {
            proofs.wrongCode(normalized); // counted for an unknown number too, so a lock tells nothing
            return Optional.empty();
        }
        ProofStatusRow p = found.proof();
        SignedProof signed = proofs.signed(p);
        ProofStatus status = signed.statusAt(p.status(), clock.instant());
        boolean suspended = status == ProofStatus.VALID && p.suspendedAt() != null; // while a dispute is open
        return Optional.of(new StatusAnswer(p.number(), status, status.uri(), status.chinese(), signed.matterName(),
                signed.issuerName(), signed.issuedAt(), signed.validUntil(), signed.subjectNameMasked(), p.supersededBy(),
                clock.instant(), p.kind(), p.kind() == DocumentKind.PLEDGE ? Messages.DOCUMENT_PLEDGE : Messages.DOCUMENT_PROOF,
                status == ProofStatus.REVOKED ? p.revocationReason() : null,
                status != ProofStatus.REVOKED || p.revocationReason() == null ? null
                        : p.falseFindingWithdrawnAt() != null ? Messages.STATUS_FALSE_FINDING_WITHDRAWN
                        : p.revocationReason().chinese(), p.falseFindingWithdrawnAt(),
                suspended ? p.suspendedAt() : null, suspended ? Messages.STATUS_SUSPENDED : null));
    }
}
