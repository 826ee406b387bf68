package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.proof.dto.SubjectInput;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;

/**
 * Pledge documents (告知承诺书) for the commitment feature: signed by the matter's department with its keys,
 * in a proof's two forms (compact SM2SM3; general JSON with SM2SM3 and EdDSA), numbered and coded like a
 * proof and kept in the proof table as kind {@link DocumentKind#PLEDGE} — so online verification, the public
 * status check, the department's status list and the QR treat a pledge as they treat a proof. The payload
 * is a proof's (see {@link ProofSigner}) with {@code typ} {@code certfree-pledge} and a {@code pledge} block
 * the commitment feature writes (the template bound, the using unit, the check); the pledger's name,
 * identifier and answers are SD-JWT disclosures, stored encrypted. Everything else about a pledge — the
 * case, its check and finding — belongs to the commitment feature.
 */
@ApplicationScoped
public class PledgeDocuments {

    @Inject
    IssuanceService issuance;

    @Inject
    ProofQueries queries;

    @Inject
    Clock clock;

    @Inject
    StaffActions staffActions;

    /**
     * What a pledge document says before it has a number.
     *
     * @param pledger      who pledges (kind, name, identifier), validated as a proof's subject
     * @param pledgerField the request field that named the pledger, for error messages
     * @param answers      the applicant's answers to the template's fields (disclosures, like a proof's claims)
     * @param purpose      the service matter the pledge is made for (the document's {@code purpose})
     * @param signedFor    who the document was signed for (the pledger's or clerk's actor), as {@code issued_by}
     * @param pledgedAt    when the pledge was made (now, but for the demo data's history)
     */
    public record Draft(String matterCode, int matterVersion, String matterName, String department, SubjectInput pledger,
            String pledgerField, Map<String, String> answers, String purpose, Instant validUntil, String signedFor,
            Instant pledgedAt) {
    }

    /** A signed pledge document: the pledger as lists show them, and the document as its holder sees it (links aside). */
    public record Signed(String number, SubjectKind subjectKind, String subjectIdIndex, String subjectNameMasked,
            String subjectIdMasked, Instant signedAt, ProofView document) {
    }

    /**
     * The FALSE finding of a pledge document withdrawn on the holder's objection: the revocation stays (final),
     * verifications and the status check say the finding no longer stands. Nothing when the document was not
     * revoked for a FALSE finding.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawFalseFinding(String number, Caller by) {
        Proof p = queries.require(number, DocumentKind.PLEDGE);
        if (p.revocationReason != RevocationReason.FALSE_PLEDGE || p.falseFindingWithdrawnAt != null) {
            return;
        }
        p.falseFindingWithdrawnAt = clock.instant();
        staffActions.record(by, "pledge.false-finding-withdrawn", p.issuerDept, "proof", p.number);
    }

    /** The pledger's identifier, normalized; a 400 problem naming {@code field} when it is no valid ID or USCC. */
    public String pledgerId(SubjectInput pledger, String field) {
        return ProofSubject.of(pledger, field).id();
    }

    /**
     * Numbers, signs and stores a pledge document in the caller's transaction; {@code pledge} makes the signed
     * {@code pledge} block from the new number (so a draw seeded by the number is signed with it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Signed sign(Draft d, Function<String, Map<String, Object>> pledge) {
        ProofSubject subject = ProofSubject.of(d.pledger(), d.pledgerField());
        Proof p = issuance.store(new IssuanceService.Document(DocumentKind.PLEDGE, d.matterCode(), d.matterVersion(),
                d.matterName(), d.department(), subject, d.answers(), d.purpose(), d.validUntil(), null, null, d.signedFor(),
                d.pledgedAt()),
                pledge);
        return new Signed(p.number, p.subjectKind, p.subjectIdIndex, p.subjectNameMasked, p.subjectIdMasked, p.issuedAt,
                queries.view(p, ProofQueries.Sight.FULL, null, false));
    }

    /**
     * The pledge document as its holder and its department see it ({@code full}: every disclosure and the
     * verification code) or masked (supervision); its content from the signed payload. The caller decides
     * who may read it and logs the read for the holder; 404 when there is no pledge of that number.
     */
    @Transactional
    public ProofView document(String number, boolean full) {
        Proof p = queries.require(number, DocumentKind.PLEDGE);
        return queries.view(p, full ? ProofQueries.Sight.FULL : ProofQueries.Sight.MASKED, null, false);
    }

    /**
     * A FALSE finding (不实承诺): the document is revoked with reason {@link RevocationReason#FALSE_PLEDGE}, so
     * verifications say so and the department's status list carries it. Like every revocation it is final. A
     * document no longer VALID (revoked after a key compromise, expired) keeps its status: the finding stands
     * in the pledge's record all the same.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markFalse(String number, String note, Caller by) {
        Proof p = queries.require(number, DocumentKind.PLEDGE);
        if (p.status != ProofStatus.VALID) {
            return;
        }
        p.status = ProofStatus.REVOKED;
        p.revokedAt = clock.instant();
        p.revocationReason = RevocationReason.FALSE_PLEDGE;
        p.revocationNote = note;
        p.revokedBy = by.subject();
        // audited as every revocation is: the revocations check holds the status to it
        staffActions.record(by, "proof.revoked", p.issuerDept, "proof", p.number, "reason", RevocationReason.FALSE_PLEDGE);
        BusinessEvents.log("pledge.found-false", "dept", p.issuerDept, "matter", p.matterCode, "number", p.number,
                "outcome", "ok");
    }
}
