package org.certfree.proofs.copy;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.consent.ConsentService;
import org.certfree.proofs.consent.dto.ConsentView;
import org.certfree.proofs.copy.dto.CopyInput;
import org.certfree.proofs.copy.dto.CopyView;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.proof.DocumentKind;
import org.certfree.proofs.proof.ProofLookup;
import org.certfree.proofs.proof.ProofNumbers;
import org.certfree.proofs.proof.ProofRecordRow;
import org.certfree.proofs.proof.SignedProof;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Making and withdrawing purpose-bound copies (加注件). The holder makes a copy of their proof for a using unit; a
 * using unit makes one for itself under the holder's active consent for that matter and purpose (covering no more
 * disclosures, lasting no longer). A proof that is revoked, superseded, expired or suspended gets none; at most
 * {@code certfree.copies.max-valid} valid copies per proof are made within {@code certfree.copies.window}, counted
 * under a per-proof advisory lock so that parallel requests cannot pass the limit together. Every copy made and
 * withdrawn is in the holder's access log.
 */
@ApplicationScoped
public class CopyService {

    /** Where a copy is served. */
    public static final String PATH = "/api/v1/copies/";

    /** The associated data of the encrypted tokens (see {@link PersonalDataProtector}). */
    static final String TOKEN = "proof_copy.token";
    static final String TOKEN_JSON = "proof_copy.token_json";

    @Inject
    ProofLookup proofs;

    @Inject
    ConsentService consents;

    @Inject
    DepartmentService departments;

    @Inject
    HolderIndex holders;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    StaffActions staffActions;

    @Inject
    CopyTokens tokens;

    @Inject
    CertfreeConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Makes a copy for the holder (CITIZEN) or, under consent, for the caller's own unit (VERIFIER). */
    @Transactional
    public CopyView make(CopyInput in, Caller caller) {
        Instant now = clock.instant();
        String purpose = in.purpose().trim();
        if (purpose.codePointCount(0, purpose.length()) > 200) {
            throw ApiException.invalid("purpose", Messages.PURPOSE_TOO_LONG);
        }
        String unit = in.unit().trim();
        String number = ProofNumbers.normalize(in.proofNumber());
        ProofNumbers.problem(number).ifPresent(problem -> {
            throw ApiException.invalid("proofNumber", problem);
        });
        ProofRecordRow row = proofs.record(number).orElse(null);
        ConsentView consent = null;
        if (caller.has(Role.CITIZEN)) {
            if (row == null || !row.subjectIdIndex().equals(holders.of(caller.subject()))) {
                throw ApiException.notFound(Messages.COPY_PROOF_NOT_FOUND.formatted(number));
            }
        } else {
            String own = caller.department().orElseThrow(() -> ApiException.forbidden(Messages.FORBIDDEN_ROLE));
            if (!own.equals(unit)) {
                throw ApiException.forbidden(Messages.COPY_OWN_UNIT.formatted(own, unit));
            }
            // an unknown number and a proof without consent answer alike: a unit learns nothing of others' proofs
            consent = row == null ? null : consents.active(row.subjectIdIndex(), unit, row.matterCode()).stream()
                    .filter(c -> c.purpose().equals(purpose)).findFirst().orElse(null);
            if (consent == null) {
                throw ApiException.forbidden(Messages.COPY_NO_CONSENT.formatted(purpose));
            }
        }
        if (!departments.hasRole(unit, DepartmentRole.USING_UNIT)) {
            throw ApiException.invalid("unit", Messages.COPY_NOT_A_USING_UNIT.formatted(unit));
        }
        if (row.kind() != DocumentKind.PROOF) {
            throw ApiException.unprocessable(Messages.COPY_ONLY_PROOFS);
        }
        SignedProof whole = proofs.signed(row); // signature checked, every disclosure decrypted and checked
        String unusable = switch (whole.statusAt(row.status(), now)) {
            case REVOKED -> Messages.COPY_PROOF_REVOKED;
            case SUPERSEDED -> Messages.COPY_PROOF_SUPERSEDED;
            case EXPIRED -> Messages.COPY_PROOF_EXPIRED;
            case VALID -> row.suspendedAt() != null ? Messages.COPY_PROOF_SUSPENDED : null;
        };
        if (unusable != null) {
            throw ApiException.conflict(Messages.COPY_PROOF_NOT_USABLE.formatted(unusable));
        }
        Instant expiresAt = expiry(in.expiresAt(), now, whole.validUntil(), consent == null ? null : consent.expiresAt());
        List<String> disclose = disclosures(in.disclose(), whole, consent);

        // the limit, counted with the copies of this proof committed by anyone, on any replica
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('proof-copy:' || :n))").setParameter("n", number)
                .getSingleResult();
        limit(number, now);

        ProofCopy c = new ProofCopy();
        c.id = UUID.randomUUID();
        c.proofNumber = number;
        c.subjectIdIndex = row.subjectIdIndex();
        c.issuerDept = row.issuerDept();
        c.matterCode = row.matterCode();
        c.unitCode = unit;
        c.purpose = purpose;
        c.disclose = disclose;
        c.madeAt = now.truncatedTo(ChronoUnit.MICROS);
        c.expiresAt = expiresAt;
        c.madeBy = caller.actor();
        c.consentId = consent == null ? null : consent.id();
        CopyTokens.Token token = tokens.sign(c.id, row, whole.only(disclose), unit, purpose, now, expiresAt);
        c.tokenSha256 = token.payloadSha256();
        c.tokenEnc = protector.encrypt(token.compact(), TOKEN);
        c.tokenJsonEnc = protector.encrypt(token.generalJson(), TOKEN_JSON);
        c.persist();
        staffActions.record(caller, "copy.made", row.issuerDept(), "copy", c.id, "number", number, "unit", unit,
                "expiresAt", expiresAt, "consent", c.consentId);
        accessLog.record(new HolderAccess(now, c.subjectIdIndex, AccessKind.COPY_MADE, unit, caller.actor(), number, null,
                c.consentId, purpose, Map.of("copy", c.id.toString(), "expiresAt", expiresAt.toString(),
                        "disclosed", String.join(",", disclose))));
        return view(c, now, token.compact(), token.generalJson());
    }

    /** The holder withdraws their copy: online checks refuse it from then on (offline ones cannot know). */
    @Transactional
    public CopyView withdraw(UUID id, Caller caller) {
        ProofCopy c = own(id, caller);
        Instant now = clock.instant();
        if (c.withdrawnAt == null) {
            c.withdrawnAt = now.truncatedTo(ChronoUnit.MICROS);
            staffActions.record(caller, "copy.withdrawn", c.issuerDept, "copy", c.id, "number", c.proofNumber, "unit", c.unitCode);
            accessLog.record(new HolderAccess(now, c.subjectIdIndex, AccessKind.COPY_WITHDRAWN, c.unitCode, caller.actor(),
                    c.proofNumber, null, c.consentId, c.purpose, Map.of("copy", c.id.toString())));
        }
        return view(c, now, null, null);
    }

    /** The holder's copy with its token. */
    public CopyView get(UUID id, Caller caller) {
        ProofCopy c = own(id, caller);
        return view(c, clock.instant(), protector.decrypt(c.tokenEnc, TOKEN), protector.decrypt(c.tokenJsonEnc, TOKEN_JSON));
    }

    /** The holder's copies, newest first, optionally of one proof (without their tokens). */
    public List<CopyView> list(Caller caller, String proofNumber) {
        Instant now = clock.instant();
        String holder = holders.of(caller.subject());
        List<ProofCopy> found = proofNumber == null || proofNumber.isBlank()
                ? ProofCopy.list("subjectIdIndex", Sort.descending("madeAt"), holder)
                : ProofCopy.list("subjectIdIndex = ?1 and proofNumber = ?2", Sort.descending("madeAt"), holder,
                        ProofNumbers.normalize(proofNumber));
        return found.stream().map(c -> view(c, now, null, null)).toList();
    }

    /** The copy by id (for the online check), whoever asks. */
    Optional<ProofCopy> find(UUID id) {
        return Optional.ofNullable(ProofCopy.findById(id));
    }

    private ProofCopy own(UUID id, Caller caller) {
        ProofCopy c = ProofCopy.findById(id);
        if (c == null || !c.subjectIdIndex.equals(holders.of(caller.subject()))) {
            throw ApiException.notFound(Messages.COPY_NOT_FOUND.formatted(id));
        }
        return c;
    }

    private Instant expiry(Instant asked, Instant now, Instant proofValidUntil, Instant consentExpiry) {
        CertfreeConfig.Copies limits = config.copies();
        Instant expiresAt;
        if (asked == null) {
            expiresAt = min(now.plus(limits.defaultValidity()), proofValidUntil);
            expiresAt = consentExpiry == null ? expiresAt : min(expiresAt, consentExpiry);
        } else {
            expiresAt = asked;
        }
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS); // the token's exp is in seconds
        if (!expiresAt.isAfter(now)) {
            throw ApiException.invalid("expiresAt", Messages.COPY_EXPIRES_PAST);
        }
        Instant latest = now.plus(limits.maxValidity());
        if (expiresAt.isAfter(latest)) {
            throw ApiException.invalid("expiresAt", Messages.COPY_EXPIRES_TOO_LATE.formatted(limits.maxValidity().toDays(), latest));
        }
        if (expiresAt.isAfter(proofValidUntil)) {
            throw ApiException.invalid("expiresAt", Messages.COPY_EXPIRES_AFTER_PROOF.formatted(proofValidUntil));
        }
        if (consentExpiry != null && expiresAt.isAfter(consentExpiry)) {
            throw ApiException.invalid("expiresAt", Messages.COPY_CONSENT_EXPIRY.formatted(consentExpiry));
        }
        return expiresAt;
    }

    private static List<String> disclosures(List<String> asked, SignedProof whole, ConsentView consent) {
        List<String> available = whole.disclosed().stream().map(SignedProof.Disclosed::path).toList();
        List<String> allowed = consent == null || consent.disclose() == null ? available : consent.disclose();
        if (asked == null) {
            return available.stream().filter(allowed::contains).toList();
        }
        List<String> wanted = List.copyOf(new LinkedHashSet<>(asked));
        for (String path : wanted) {
            if (!available.contains(path)) {
                throw ApiException.invalid("disclose", Messages.COPY_DISCLOSE_UNKNOWN.formatted(path));
            }
            if (!allowed.contains(path)) {
                throw ApiException.forbidden(Messages.COPY_CONSENT_DISCLOSE.formatted(path));
            }
        }
        return wanted;
    }

    /** 429 when the proof already has as many valid copies made within the window as allowed. */
    private void limit(String number, Instant now) {
        CertfreeConfig.Copies limits = config.copies();
        List<ProofCopy> valid = ProofCopy.list("proofNumber = ?1 and madeAt > ?2 and withdrawnAt is null and expiresAt > ?3",
                number, now.minus(limits.window()), now);
        if (valid.size() < limits.maxValid()) {
            return;
        }
        // the first of them to stop counting: by its expiry, or by leaving the window
        Instant free = valid.stream().map(c -> min(c.expiresAt, c.madeAt.plus(limits.window()))).min(Instant::compareTo).orElseThrow();
        long seconds = Math.max(1, Duration.between(now, free).toSeconds() + 1);
        throw new ApiException(ProblemType.TOO_MANY_REQUESTS, Messages.COPY_LIMIT.formatted(limits.window().toDays(),
                valid.size(), free)).withHeader("Retry-After", Long.toString(seconds));
    }

    static CopyView view(ProofCopy c, Instant now, String token, String tokenJson) {
        return new CopyView(c.id, c.proofNumber, c.matterCode, c.issuerDept, c.unitCode, c.purpose, List.copyOf(c.disclose),
                c.madeAt, c.expiresAt, c.withdrawnAt, c.validAt(now), c.consentId, token, tokenJson);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
