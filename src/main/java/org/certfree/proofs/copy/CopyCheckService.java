package org.certfree.proofs.copy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.copy.dto.CopyCheckResult;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.keys.JwsOutcome;
import org.certfree.proofs.keys.JwsVerification;
import org.certfree.proofs.keys.JwsVerifier;
import org.certfree.proofs.proof.ProofLookup;
import org.certfree.proofs.proof.ProofRecordRow;
import org.certfree.proofs.proof.ProofStatus;
import org.certfree.proofs.proof.SdJwts;
import org.certfree.proofs.proof.SignedProof;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.verification.Indication;
import org.certfree.proofs.verification.SubIndication;

/**
 * The online check of a purpose-bound copy (加注件) by a using unit: the token's signature by the issuing
 * department, that it is a copy this service made (its id and payload digest), the unit it is bound to, its expiry
 * and withdrawal, the proof inside it (signature, disclosures, the issuer's current record: revoked, superseded,
 * expired, suspended). Every check of an identified copy is in the holder's access log, with the unit and purpose.
 * An offline check ({@code src/test/js/verify-copy.mjs}) does the same but cannot see a withdrawal.
 */
@ApplicationScoped
public class CopyCheckService {

    @Inject
    JwsVerifier signatures;

    @Inject
    SdJwts sdJwts;

    @Inject
    CopyTokens tokens;

    @Inject
    CopyService copies;

    @Inject
    ProofLookup proofs;

    @Inject
    DepartmentService departments;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    Clock clock;

    /** What was decided, and about which copy and proof (null where none was identified). */
    private record Outcome(Indication indication, SubIndication sub, String message, ProofCopy copy, ProofRecordRow proof,
            SignedProof content) {

        static Outcome failed(SubIndication sub, String message, ProofCopy copy) {
            return new Outcome(Indication.TOTAL_FAILED, sub, message, copy, null, null);
        }
    }

    @Transactional
    public CopyCheckResult check(String token, Caller caller) {
        String unit = caller.department().orElseThrow(() -> ApiException.forbidden(Messages.FORBIDDEN_ROLE));
        if (!departments.hasRole(unit, DepartmentRole.USING_UNIT)) {
            throw ApiException.forbidden(Messages.COPY_NOT_A_USING_UNIT.formatted(unit));
        }
        Instant now = clock.instant();
        Outcome o = judge(token.trim(), unit, now);
        ProofCopy c = o.copy();
        if (c != null) {
            accessLog.record(new HolderAccess(now, c.subjectIdIndex, AccessKind.COPY_CHECKED, unit, caller.actor(), c.proofNumber,
                    null, c.consentId, c.purpose, result(c, o)));
        }
        BusinessEvents.log("copy-check", "unit", unit, "copy", c == null ? null : c.id, "outcome", o.indication(), "sub", o.sub());
        ProofRecordRow proof = o.proof();
        SignedProof content = o.content();
        boolean passed = o.indication() == Indication.TOTAL_PASSED;
        return new CopyCheckResult(o.indication(), o.indication().uri(), o.sub(), o.sub() == null ? null : o.sub().uri(),
                o.message(), c == null ? null : c.id, c == null ? null : c.unitCode, c == null ? null : c.purpose,
                c == null ? null : c.expiresAt, c == null ? null : c.withdrawnAt, c == null ? null : c.proofNumber,
                proof == null || content == null ? null : content.statusAt(proof.status(), now),
                c == null ? null : c.matterCode, content == null ? null : content.matterName(),
                c == null ? null : c.issuerDept, content == null ? null : content.issuerName(),
                passed ? new CopyCheckResult.Disclosed(content.subjectName(), content.subjectId(), content.claims()) : null, now);
    }

    private Outcome judge(String token, String unit, Instant now) {
        JwsVerification signed = signatures.verify(token);
        Outcome early = switch (signed.outcome()) {
            case MALFORMED -> Outcome.failed(SubIndication.FORMAT_FAILURE, Messages.VERDICT_COPY_FORMAT, null);
            case INVALID_SIGNATURE -> Outcome.failed(SubIndication.SIG_CRYPTO_FAILURE, Messages.VERDICT_SIGNATURE, null);
            case UNKNOWN_KEY -> new Outcome(Indication.INDETERMINATE, SubIndication.NO_SIGNING_KEY_FOUND, Messages.VERDICT_UNKNOWN_KEY,
                    null, null, null);
            case KEY_COMPROMISED -> Outcome.failed(SubIndication.KEY_COMPROMISED, Messages.VERDICT_KEY_COMPROMISED, null);
            case VALID -> null;
        };
        if (early != null) {
            return early;
        }
        CopyTokens.Claims claims;
        try {
            claims = tokens.read(signed.payload());
        } catch (IllegalArgumentException e) {
            return Outcome.failed(SubIndication.FORMAT_FAILURE, Messages.VERDICT_COPY_FORMAT, null);
        }
        if (!CopyTokens.TYP.equals(signed.typ().orElse(null))) {
            return Outcome.failed(SubIndication.FORMAT_FAILURE, Messages.VERDICT_COPY_FORMAT, null);
        }
        // a copy this service made, signed by the issuer it names, exactly as it was made
        ProofCopy c = copies.find(claims.id()).orElse(null);
        if (c == null || !claims.issuer().equals(signed.departmentCode()) || !c.issuerDept.equals(claims.issuer())
                || !MessageDigest.isEqual(c.tokenSha256.getBytes(StandardCharsets.US_ASCII),
                        CopyTokens.hexSha256(signed.payload()).getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.failed(SubIndication.NOT_ISSUED, Messages.VERDICT_COPY_NOT_ISSUED, null);
        }
        if (!c.unitCode.equals(unit)) {
            return Outcome.failed(SubIndication.OTHER_UNIT, Messages.VERDICT_COPY_OTHER_UNIT.formatted(c.unitCode), c);
        }
        if (c.withdrawnAt != null) {
            return Outcome.failed(SubIndication.WITHDRAWN, Messages.VERDICT_COPY_WITHDRAWN.formatted(c.withdrawnAt), c);
        }
        if (!now.isBefore(c.expiresAt)) {
            return Outcome.failed(SubIndication.EXPIRED, Messages.VERDICT_COPY_EXPIRED.formatted(c.expiresAt), c);
        }
        return judgeProof(claims, c, now);
    }

    /** The proof the copy carries, against the issuer's record as it is now. */
    private Outcome judgeProof(CopyTokens.Claims claims, ProofCopy c, Instant now) {
        ProofRecordRow row = proofs.record(c.proofNumber).orElse(null);
        SdJwts.Presentation shown;
        try {
            shown = sdJwts.read(claims.sdJwt());
        } catch (IllegalArgumentException e) {
            return Outcome.failed(SubIndication.FORMAT_FAILURE, Messages.VERDICT_COPY_FORMAT, c);
        }
        JwsVerification inner = signatures.verify(shown.jws());
        if (inner.outcome() == JwsOutcome.KEY_COMPROMISED) {
            return Outcome.failed(SubIndication.KEY_COMPROMISED, Messages.VERDICT_KEY_COMPROMISED, c);
        }
        if (row == null || !inner.valid() || !claims.number().equals(row.number())
                || !MessageDigest.isEqual(inner.payload(), row.payload().getBytes(StandardCharsets.UTF_8))
                || !claims.proofSha256().equals(CopyTokens.proofDigest(row.payload()))) {
            return Outcome.failed(SubIndication.SIG_CRYPTO_FAILURE, Messages.VERDICT_COPY_PROOF, c);
        }
        SignedProof content;
        try {
            content = row.signed().disclose(shown.disclosures());
        } catch (IllegalArgumentException e) {
            return Outcome.failed(SubIndication.HASH_FAILURE, Messages.VERDICT_DISCLOSURE, c);
        }
        ProofStatus status = content.statusAt(row.status(), now);
        return switch (status) {
            case REVOKED -> new Outcome(Indication.TOTAL_FAILED, SubIndication.REVOKED,
                    Messages.VERDICT_REVOKED.formatted(row.revocationReason().chinese()), c, row, content);
            case SUPERSEDED -> new Outcome(Indication.TOTAL_FAILED, SubIndication.SUPERSEDED,
                    Messages.VERDICT_SUPERSEDED.formatted(row.supersededBy()), c, row, content);
            case EXPIRED -> new Outcome(Indication.TOTAL_FAILED, SubIndication.EXPIRED, Messages.VERDICT_EXPIRED, c, row, content);
            case VALID -> row.suspendedAt() != null
                    ? new Outcome(Indication.INDETERMINATE, SubIndication.SUSPENDED, Messages.VERDICT_SUSPENDED.formatted(
                            LocalDate.ofInstant(row.suspendedAt(), ControllableClock.ZONE)), c, row, content)
                    : new Outcome(Indication.TOTAL_PASSED, null, Messages.VERDICT_COPY_PASSED.formatted(c.purpose, c.expiresAt),
                            c, row, content);
        };
    }

    private static Map<String, String> result(ProofCopy c, Outcome o) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("copy", c.id.toString());
        details.put("result", o.indication().name() + (o.sub() == null ? "" : "/" + o.sub().name()));
        return details;
    }
}
