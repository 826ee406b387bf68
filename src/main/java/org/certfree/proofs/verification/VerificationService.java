package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.consent.ConsentService;
import org.certfree.proofs.consent.UsageListService;
import org.certfree.proofs.consent.dto.ConsentView;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.KeyDirectory;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.proof.DocumentKind;
import org.certfree.proofs.proof.ProofLookup;
import org.certfree.proofs.proof.ProofRecordRow;
import org.certfree.proofs.proof.RevocationReason;
import org.certfree.proofs.proof.SdJwts;
import org.certfree.proofs.proof.SignedProof;
import org.certfree.proofs.publication.ListSignals;
import org.certfree.proofs.publication.SignalChannel;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.verification.dto.Receipt;
import org.certfree.proofs.verification.dto.VerificationResult;
import org.certfree.proofs.verification.dto.VerifyRequest;

/**
 * Verification by using units, answered on the issuing department's authority ("谁制发、谁核验"):
 * signature and key state, the issuer's record (issued? revoked? superseded? expired?), the holder,
 * and — with the holder's consent — the full content. Every answer is logged and signed.
 */
@ApplicationScoped
public class VerificationService {

    @Inject
    JwsVerifier signatures;

    @Inject
    ReceiptBatcher receipts;


    @Inject
    ProofLookup proofs;

    @Inject
    Presentations presentations;

    @Inject
    UsageListService usage;

    @Inject
    HolderIndex holders;

    @Inject
    ConsentService consents;

    @Inject
    DepartmentService departments;

    @Inject
    Clock clock;

    @Inject
    ListSignals signals;

    @Inject
    KeyDirectory keys;

    /** Verifies on the issuer's authority and records the verification (see {@link ReceiptBatcher#record}). */
    public VerificationResult verify(VerifyRequest in, Caller caller) {
        return verify(in, caller, null);
    }

    /** {@link #verify(VerifyRequest, Caller)} of an uploaded OFD ({@code ofd}; {@code in} then carries the purpose only). */
    VerificationResult verify(VerifyRequest in, Caller caller, OfdEvidence ofd) {
        String unit = caller.department().orElseThrow(() -> ApiException.forbidden(Messages.FORBIDDEN_ROLE));
        int given = ofd != null ? 1
                : (blank(in.jws()) ? 0 : 1) + (blank(in.qr()) ? 0 : 1) + (blank(in.number()) && blank(in.code()) ? 0 : 1);
        if (!departments.hasRole(unit, DepartmentRole.USING_UNIT)) {
            throw ApiException.forbidden(Messages.NOT_A_USING_UNIT.formatted(unit));
        }
        Presentations.Presented presented = ofd != null ? ofd.presented() : given == 1 ? presentations.present(in) : null;
        ProofLookup.Found<ProofRecordRow> looked = proofs.find(presented == null ? null : presented.number());
        ProofRecordRow found = looked.proof();
        if (ofd != null && found != null) { // 422 before anything is written: sealed by someone else's key
            ofd.requireSignerOf(found, keys.publishedKeys());
        }
        // verifying a proof of a matter off the retained list is a supervision signal (a pledge is not: its
        // matter is on the notify-and-commit list by design)
        if (found != null && found.kind() == DocumentKind.PROOF) {
            signals.recordIfNotRetained(unit, found.matterCode(), SignalChannel.VERIFY, clock.instant());
        }
        if (given != 1) {
            throw ApiException.invalid("jws", Messages.VERIFY_ONE_INPUT);
        }
        boolean byCode = presented.code() != null; // number and code (typed or from the QR payload)
        // the 用证 list is checked whenever the number exists, right code or not: a unit outside it
        // must not learn from 403-or-200 whether a code it tried was right
        // a pledge document is on no 用证 list (its matter is on the notify-and-commit list): any using unit checks it
        if (found != null && found.kind() == DocumentKind.PROOF && !usage.allowed(unit, found.matterCode())) {
            throw ApiException.forbidden(Messages.UNIT_NOT_ON_USAGE_LIST.formatted(unit, found.matterCode()));
        }
        // a pledge is made to one using unit, which the document names (signed): only that unit checks it
        if (found != null && found.kind() == DocumentKind.PLEDGE && !unit.equals(pledgeUnit(found))) {
            throw ApiException.forbidden(Messages.PLEDGE_OTHER_UNIT.formatted(unit));
        }
        if (byCode && looked.codeLocked()) { // too many wrong codes for this number, from anyone, on any replica
            throw new ApiException(ProblemType.TOO_MANY_REQUESTS, Messages.VERIFY_CODE_LOCKED.formatted(
                    ProofLookup.MAX_WRONG_CODES, ProofLookup.CODE_LOCK.toMinutes()))
                    .withHeader("Retry-After", Long.toString(ProofLookup.CODE_LOCK.toSeconds()));
        }
        Instant now = clock.instant(); // one instant for the verdict, the status and the receipt
        Verdict verdict = judge(presented, found, now);
        VerificationResult.Disclosed disclosed = null;
        if (verdict.content() != null && presented.disclosures() != null) {
            try { // each disclosure the holder presented must be one the issuer signed a digest of
                SignedProof shown = verdict.content().disclose(presented.disclosures());
                disclosed = new VerificationResult.Disclosed(shown.subjectName(), shown.subjectId(), shown.claims(),
                        shown.disclosed().stream().map(SignedProof.Disclosed::path).toList());
            } catch (IllegalArgumentException e) {
                verdict = Verdict.failed(SubIndication.HASH_FAILURE, Messages.VERDICT_DISCLOSURE, verdict.proof(), verdict.content());
            }
        }
        ProofRecordRow proof = verdict.proof();
        // a wrong code for an existing proof answers exactly as an unknown number, but it is counted,
        // and the holder's access log shows the attempt
        ProofRecordRow attempted = byCode && proof == null ? found : null;
        if (byCode && proof == null && verdict.sub() == SubIndication.NOT_ISSUED) {
            proofs.wrongCode(presented.number()); // counted for an unknown number too, so a lock tells nothing
        }
        Boolean subjectMatches = null;
        if (verdict.indication() == Indication.TOTAL_PASSED && !blank(in.holderId())) {
            subjectMatches = holders.of(in.holderId()).equals(proof.subjectIdIndex());
            if (!subjectMatches) {
                verdict = Verdict.failed(SubIndication.SUBJECT_MISMATCH, Messages.VERDICT_SUBJECT, proof);
            }
        }
        VerificationResult.Content content = null;
        String withheld = null;
        UUID consentId = null;
        String purpose = in.purpose().trim();
        // the subject and claims, from the stored disclosures checked against the signed digests: decrypted
        // once, when the signature checked out (the masked name for the window, and what a consent covers)
        SignedProof whole = verdict.content() == null ? null : proofs.signed(proof);
        if (Boolean.TRUE.equals(in.retrieve()) && proof != null) {
            List<ConsentView> granted = consents.active(proof.subjectIdIndex(), unit, proof.matterCode());
            Optional<ConsentView> consent = granted.stream().filter(c -> c.purpose().equals(purpose)).findFirst();
            if (consent.isPresent() && verdict.indication() == Indication.TOTAL_PASSED) {
                consentId = consent.get().id();
                SignedProof covered = whole.only(consent.get().disclose()); // what the consent covers
                content = new VerificationResult.Content(covered.subjectKind().name(), covered.subjectName(),
                        covered.subjectId(), covered.claims(), covered.purpose(),
                        covered.disclosed().stream().map(SignedProof.Disclosed::path).toList(),
                        SdJwts.compact(proof.jwsCompact(), covered.disclosures()));
            } else if (consent.isPresent()) { // consented, but the proof is revoked, suspended, expired or failed
                withheld = Messages.CONTENT_NOT_PASSED.formatted(verdict.message());
            } else if (!granted.isEmpty()) {
                withheld = Messages.CONTENT_OTHER_PURPOSE.formatted(granted.get(0).purpose(), purpose);
            } else {
                withheld = Messages.CONTENT_NO_CONSENT;
            }
        }
        Verification v = new Verification();
        v.id = UUID.randomUUID();
        v.unitCode = unit;
        v.verifier = caller.subject();
        v.purpose = purpose;
        v.serviceMatter = blank(in.serviceMatter()) ? null : in.serviceMatter().trim();
        v.indication = verdict.indication();
        v.subIndication = verdict.sub();
        v.retrieved = content != null;
        v.consentId = consentId;
        v.verifiedAt = now;
        v.presented = ofd != null ? "OFD" : null;
        ProofRecordRow logged = proof != null ? proof : attempted;
        if (logged != null) {
            v.proofNumber = logged.number();
            v.subjectIdIndex = logged.subjectIdIndex();
            v.issuerDept = logged.issuerDept();
            v.matterCode = logged.matterCode();
        }
        byte[] body = null;
        SignedProof signed = verdict.content(); // null unless the record's signature checked out
        if (proof != null) {
            v.proofStatus = signed != null ? signed.statusAt(proof.status(), now) : proof.status();
            // The receipt is signed by the issuing department (its answer); a failure to identify any
            // issuer (format errors, unknown numbers) is not signed by anyone.
            body = new VerificationResult.ReceiptBody("certfree-receipt", v.id, now, unit,
                    v.verifier, v.purpose, v.serviceMatter, proof.number(), verdict.indication().uri(),
                    verdict.sub() == null ? null : verdict.sub().uri(), v.proofStatus.uri(), proof.issuerDept(),
                    v.retrieved, v.consentId, ofd != null ? "ofd" : null).canonical();
        }
        Receipt receipt = receipts.record(v, proof == null ? null : proof.issuerDept(), body);
        BusinessEvents.log("verification", "unit", unit, "dept", v.issuerDept, "matter", v.matterCode, "number", v.proofNumber,
                "outcome", verdict.indication(), "sub", verdict.sub(), "retrieved", v.retrieved);
        boolean pledge = proof != null && proof.kind() == DocumentKind.PLEDGE;
        boolean foundFalse = pledge && verdict.sub() == SubIndication.REVOKED
                && proof.revocationReason() == RevocationReason.FALSE_PLEDGE;
        String message = pledge && verdict.indication() == Indication.TOTAL_PASSED ? Messages.VERDICT_PLEDGE_PASSED
                : foundFalse && proof.falseFindingWithdrawnAt() != null ? Messages.VERDICT_PLEDGE_FINDING_WITHDRAWN
                : foundFalse ? Messages.VERDICT_PLEDGE_FALSE : verdict.message();
        return new VerificationResult(v.id, verdict.indication(), verdict.indication().uri(), verdict.sub(),
                verdict.sub() == null ? null : verdict.sub().uri(), message,
                proof == null ? null : proof.number(), v.proofStatus,
                proof == null ? null : proof.matterCode(), signed == null ? null : signed.matterName(),
                proof == null ? null : proof.issuerDept(), signed == null ? null : signed.issuerName(),
                signed == null ? null : signed.issuedAt(), signed == null ? null : signed.validUntil(),
                proof == null ? null : proof.revocationReason(), proof == null ? null : proof.supersededBy(),
                subjectMatches, whole == null ? null : whole.subjectNameMasked(), withheld, content, disclosed,
                proof == null ? null : proof.kind(), signed == null ? null : signed.pledge(), now, receipt);
    }


    /** Decides the verdict from what was presented and the issuer's record; never changes the proof. */
    private Verdict judge(Presentations.Presented presented, ProofRecordRow proof, Instant now) {
        if (presented.early() != null) {
            return presented.early();
        }
        if (presented.ofd() != null) {
            if (proof == null) {
                return Verdict.notIssued();
            }
        } else if (presented.signedPayload() != null) {
            if (proof == null || !MessageDigest.isEqual(proof.payload().getBytes(StandardCharsets.UTF_8), presented.signedPayload())) {
                return Verdict.notIssued();
            }
        } else {
            if (!proofs.codeMatches(proof, presented.code())) {
                // a mistyped code and an unknown number read alike: the window cannot tell which it was
                return Verdict.failed(SubIndication.NOT_ISSUED, Messages.VERDICT_NUMBER_OR_CODE, null);
            }
        }
        // The issuer's own signature on its record: catches a key compromised before issuance and a
        // row altered in the database (the signature's mathematics is remembered, the key state is not).
        JwsVerification stored = signatures.verifyDetached(proof.payload(), proof.jwsSignatures(), false);
        if (stored.outcome() == JwsOutcome.KEY_COMPROMISED) {
            return Verdict.failed(SubIndication.KEY_COMPROMISED, Messages.VERDICT_KEY_COMPROMISED, proof);
        }
        if (stored.outcome() == JwsOutcome.UNKNOWN_KEY) { // as for a presented JWS whose key is not published
            return new Verdict(Indication.INDETERMINATE, SubIndication.NO_SIGNING_KEY_FOUND, Messages.VERDICT_UNKNOWN_KEY, proof, null);
        }
        if (stored.outcome() != JwsOutcome.VALID
                || !MessageDigest.isEqual(stored.payload(), proof.payload().getBytes(StandardCharsets.UTF_8))
                || !proof.issuerDept().equals(stored.departmentCode())) {
            // a signature that does not verify, or one that is not over this row's payload by its issuer
            return Verdict.failed(SubIndication.SIG_CRYPTO_FAILURE, Messages.VERDICT_SIGNATURE, proof);
        }
        // what the proof says comes from the payload just checked; the row's index columns must agree with it
        SignedProof content = proof.signedOrNull();
        if (content == null || !content.number().equals(proof.number()) || !content.issuerDept().equals(proof.issuerDept())
                || !content.matterCode().equals(proof.matterCode())) {
            return Verdict.failed(SubIndication.SIG_CRYPTO_FAILURE, Messages.VERDICT_SIGNATURE, proof);
        }
        Verdict differs = presented.ofd() == null ? null : presented.ofd().disagreement(proof, content);
        if (differs != null) { // an OFD saying other than the issuer's signed record
            return differs;
        }
        return switch (content.statusAt(proof.status(), now)) {
            case REVOKED -> Verdict.failed(SubIndication.REVOKED,
                    Messages.VERDICT_REVOKED.formatted(proof.revocationReason().chinese()), proof, content);
            case SUPERSEDED -> Verdict.failed(SubIndication.SUPERSEDED, Messages.VERDICT_SUPERSEDED.formatted(proof.supersededBy()),
                    proof, content);
            case EXPIRED -> Verdict.failed(SubIndication.EXPIRED, Messages.VERDICT_EXPIRED, proof, content);
            case VALID -> proof.suspendedAt() != null
                    ? new Verdict(Indication.INDETERMINATE, SubIndication.SUSPENDED, Messages.VERDICT_SUSPENDED.formatted(
                            java.time.LocalDate.ofInstant(proof.suspendedAt(), org.certfree.proofs.common.ControllableClock.ZONE)),
                            proof, content)
                    : new Verdict(Indication.TOTAL_PASSED, null, Messages.VERDICT_PASSED, proof, content);
        };
    }


    /** The using unit a pledge document names in its signed block (read before the signature check: only to refuse). */
    private static String pledgeUnit(ProofRecordRow row) {
        SignedProof content = row.signedOrNull();
        return content == null || content.pledge() == null ? null : content.pledge().path("usingUnit").asText(null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
