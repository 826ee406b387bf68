package org.certfree.proofs.proof;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.certfree.proofs.calendar.WorkingDayCalendar;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.proof.dto.CreateProofRequest;
import org.certfree.proofs.proof.dto.DecideRequest;
import org.certfree.proofs.proof.dto.IssueProofRequest;
import org.certfree.proofs.proof.dto.ProofRequestView;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.proof.dto.ReissueRequest;
import org.certfree.proofs.proof.dto.RevokeRequest;
import org.certfree.proofs.proof.dto.SubjectRecordInput;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Issuance, requests, revocation and corrected re-issue of electronic proofs. A department issues
 * and revokes only proofs of matters it issues; a citizen sees only proofs about themselves.
 */
@ApplicationScoped
public class IssuanceService {

    public static final String PATH = "/api/v1/proofs/";
    public static final String REQUESTS_PATH = "/api/v1/proof-requests/";

    /** Bitstring status lists hold at least this many entries per department (herd privacy). */
    public static final int STATUS_LIST_MIN_SIZE = 131_072;

    static final String SUBJECT_ID = "proof.subject.id";
    static final String SUBJECT_NAME = "proof.subject.name";
    static final String CODE = "proof.code";

    @Inject
    ControllableClock clock;

    @Inject
    MatterDirectory matters;

    @Inject
    DepartmentService departments;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    PersonalDataProtector protector;

    @Inject
    ProofSigner signer;

    @Inject
    HolderConsents consents;

    @Inject
    EntityManager em;

    private final ProofNumbers numbers = new ProofNumbers();
    private final SecureRandom random = new SecureRandom();

    // ------------------------------------------------------------------ issuance

    /** Direct issuance by an ISSUER of the matter's department. */
    @Transactional
    public ProofView issue(IssueProofRequest body, Caller caller) {
        IssuableMatter matter = issuableBy(body.matterCode(), caller);
        ProofSubject subject = ProofSubject.of(body.subject(), "subject");
        Proof proof = create(matter, subject, body.claims(), body.purpose(), body.validUntil(), null, null, caller.subject());
        return view(proof, true);
    }

    /** A request by a citizen about themselves, or by a using unit's VERIFIER with the holder's consent. */
    @Transactional
    public ProofRequestView request(CreateProofRequest body, Caller caller) {
        IssuableMatter matter = matters.retained(body.matterCode())
                .orElseThrow(() -> ApiException.unprocessable(Messages.MATTER_NOT_ISSUABLE.formatted(body.matterCode())));
        if (!matter.electronic()) {
            throw ApiException.unprocessable(Messages.MATTER_NOT_ELECTRONIC.formatted(matter.name()));
        }
        ProofSubject subject = ProofSubject.of(body.subject(), "subject");
        ProofRequest r = new ProofRequest();
        r.id = UUID.randomUUID();
        if (caller.has(Role.CITIZEN)) {
            if (!caller.subject().equals(subject.id())) {
                throw ApiException.forbidden(Messages.REQUEST_ONLY_FOR_SELF);
            }
            r.requesterKind = ProofRequest.RequesterKind.CITIZEN;
        } else {
            String unit = caller.department().orElseThrow(() -> ApiException.forbidden(Messages.FORBIDDEN_ROLE));
            if (!departments.hasRole(unit, DepartmentRole.USING_UNIT)) {
                throw ApiException.forbidden(Messages.NOT_A_USING_UNIT.formatted(unit));
            }
            if (body.consentRef() == null || body.consentRef().isBlank()) {
                throw ApiException.invalid("consentRef", Messages.CONSENT_REQUIRED);
            }
            consents.refusal(body.consentRef(), unit, protector.blindIndex(subject.id(), SUBJECT_ID), matter.code())
                    .ifPresent(why -> {
                        throw ApiException.forbidden(why);
                    });
            r.requesterKind = ProofRequest.RequesterKind.USING_UNIT;
            r.requesterUnit = unit;
            r.consentRef = body.consentRef().trim();
        }
        r.requestedBy = caller.subject();
        r.matterCode = matter.code();
        r.matterVersion = matter.version();
        r.matterName = matter.name();
        r.issuerDept = matter.issuerDept();
        r.subjectKind = subject.kind();
        r.subjectNameEnc = protector.encrypt(subject.name(), SUBJECT_NAME);
        r.subjectNameMasked = subject.maskedName();
        r.subjectIdEnc = protector.encrypt(subject.id(), SUBJECT_ID);
        r.subjectIdIndex = protector.blindIndex(subject.id(), SUBJECT_ID);
        r.subjectIdMasked = subject.maskedId();
        r.purpose = body.purpose().trim();
        r.status = RequestStatus.PENDING;
        r.createdAt = clock.instant();
        r.dueDate = calendar.addWorkingDays(today(), matter.timeLimitWorkingDays());
        r.persist();
        if (matter.immediate()) {
            // 即时开具: the department's own data answers at once; without it a person handles it.
            Optional<SubjectRecord> record = SubjectRecord.findByIdOptional(
                    new SubjectRecord.Key(matter.issuerDept(), matter.code(), r.subjectIdIndex));
            if (record.isPresent()) {
                Proof proof = create(matter, subject, record.get().claims, r.purpose, null, r.id, null, "system:immediate");
                r.status = RequestStatus.ISSUED;
                r.decidedAt = proof.issuedAt;
                r.decidedBy = "system:immediate";
                r.proofNumber = proof.number;
            }
        }
        return ProofRequestView.of(r, today());
    }

    /** A department's system records what it holds about a subject for one of its matters. */
    @Transactional
    public void putRecord(String matterCode, SubjectRecordInput body, Caller caller) {
        IssuableMatter matter = issuableBy(matterCode, caller);
        ProofSubject subject = ProofSubject.of(body.subject(), "subject");
        SubjectRecord.Key key = new SubjectRecord.Key(matter.issuerDept(), matter.code(),
                protector.blindIndex(subject.id(), SUBJECT_ID));
        SubjectRecord record = SubjectRecord.<SubjectRecord>findByIdOptional(key).orElseGet(() -> {
            SubjectRecord fresh = new SubjectRecord();
            fresh.key = key;
            return fresh;
        });
        record.subjectKind = subject.kind();
        record.subjectNameEnc = protector.encrypt(subject.name(), SUBJECT_NAME);
        record.subjectIdEnc = protector.encrypt(subject.id(), SUBJECT_ID);
        record.claims = new LinkedHashMap<>(body.claims());
        record.updatedAt = clock.instant();
        record.updatedBy = caller.subject();
        record.persist();
    }

    /** An ISSUER of the request's department issues (with the claims) or rejects (with a reason). */
    @Transactional
    public ProofRequestView decide(UUID id, DecideRequest body, Caller caller) {
        ProofRequest r = ProofRequest.findById(id);
        if (r == null) {
            throw ApiException.notFound(Messages.REQUEST_NOT_FOUND.formatted(id));
        }
        caller.requireDepartment(r.issuerDept);
        if (r.status != RequestStatus.PENDING) {
            throw ApiException.conflict(Messages.REQUEST_ALREADY_DECIDED.formatted(r.status));
        }
        r.decidedAt = clock.instant();
        r.decidedBy = caller.subject();
        if (body.decision() == DecideRequest.Decision.REJECT) {
            if (body.reason() == null || body.reason().isBlank()) {
                throw ApiException.invalid("reason", Messages.REJECT_REASON_REQUIRED);
            }
            r.status = RequestStatus.REJECTED;
            r.rejectReason = body.reason().trim();
            return ProofRequestView.of(r, today());
        }
        if (body.claims() == null || body.claims().isEmpty()) {
            throw ApiException.invalid("claims", Messages.CLAIMS_REQUIRED);
        }
        IssuableMatter matter = issuableBy(r.matterCode, caller);
        ProofSubject subject = new ProofSubject(r.subjectKind, protector.decrypt(r.subjectNameEnc, SUBJECT_NAME),
                protector.decrypt(r.subjectIdEnc, SUBJECT_ID));
        Proof proof = create(matter, subject, body.claims(), r.purpose, body.validUntil(), r.id, null, caller.subject());
        r.status = RequestStatus.ISSUED;
        r.proofNumber = proof.number;
        return ProofRequestView.of(r, today());
    }

    @Transactional
    public ProofView revoke(String number, RevokeRequest body, Caller caller) {
        Proof proof = require(number);
        caller.requireDepartment(proof.issuerDept);
        if (proof.status != ProofStatus.VALID) {
            throw ApiException.conflict(Messages.PROOF_NOT_REVOCABLE.formatted(proof.number, proof.status.chinese()));
        }
        proof.status = ProofStatus.REVOKED;
        proof.revokedAt = clock.instant();
        proof.revocationReason = body.reason();
        proof.revocationNote = body.note();
        proof.revokedBy = caller.subject();
        return view(proof, true);
    }

    /** A corrected re-issue: a new proof with its own number; the old one becomes SUPERSEDED. */
    @Transactional
    public ProofView reissue(String number, ReissueRequest body, Caller caller) {
        Proof old = require(number);
        caller.requireDepartment(old.issuerDept);
        if (old.status != ProofStatus.VALID) {
            throw ApiException.conflict(Messages.PROOF_NOT_REVOCABLE.formatted(old.number, old.status.chinese()));
        }
        IssuableMatter matter = issuableBy(old.matterCode, caller);
        ProofSubject subject = body.subject() != null ? ProofSubject.of(body.subject(), "subject")
                : new ProofSubject(old.subjectKind, protector.decrypt(old.subjectNameEnc, SUBJECT_NAME),
                        protector.decrypt(old.subjectIdEnc, SUBJECT_ID));
        Proof successor = create(matter, subject, body.claims(), old.purpose, body.validUntil(), old.requestId, old.number,
                caller.subject());
        old.status = ProofStatus.SUPERSEDED;
        old.supersededBy = successor.number;
        old.revokedAt = successor.issuedAt;
        old.revocationNote = body.note();
        old.revokedBy = caller.subject();
        return view(successor, true);
    }

    // ------------------------------------------------------------------ reading

    /** A proof for a caller entitled to it: its issuing department, its subject, or ADMIN (masked). */
    public ProofView read(String number, Caller caller) {
        Proof proof = require(number);
        return view(proof, entitlement(proof, caller));
    }

    /** The full view for its subject or issuing department only (renderings carry the code); else 403. */
    public ProofView readFull(String number, Caller caller) {
        Proof proof = require(number);
        if (!entitlement(proof, caller)) {
            throw ApiException.forbidden(Messages.PROOF_FORBIDDEN);
        }
        return view(proof, true);
    }

    /** The verification code of a record row. */
    public String verificationCode(ProofRecordRow row) {
        return protector.decrypt(row.codeEnc(), CODE);
    }

    /** The full subject and claims of the proof with {@code id}, for retrieval by a unit holding the holder's consent. */
    public ProofView fullView(UUID id) {
        return view(Proof.<Proof>findById(id), true);
    }

    /** The status-check columns of a proof by its (normalized) number. */
    public Optional<ProofStatusRow> statusRow(String number) {
        return em.createQuery("""
                SELECT new org.certfree.proofs.proof.ProofStatusRow(p.number, p.codeEnc, p.status, p.validUntil, p.matterName,
                       p.issuerName, p.issuedAt, p.subjectNameMasked, p.supersededBy)
                FROM Proof p WHERE p.number = :number""", ProofStatusRow.class)
                .setParameter("number", number).getResultStream().findFirst();
    }

    /** The verification code of a status row, for comparison by the status check. */
    public String verificationCode(ProofStatusRow row) {
        return protector.decrypt(row.codeEnc(), CODE);
    }

    /** The blind index of a subject identifier, for features that look proofs up by holder. */
    public String subjectIndex(String subjectId) {
        return protector.blindIndex(ResidentId.normalize(subjectId), SUBJECT_ID);
    }

    public Page<ProofView> list(Caller caller, String matterCode, ProofStatus status, String subjectId, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caller.has(Role.CITIZEN)) {
            where.add("subjectIdIndex = :subject");
            params.and("subject", protector.blindIndex(caller.subject(), SUBJECT_ID));
        } else if (caller.has(Role.ISSUER)) {
            where.add("issuerDept = :dept");
            params.and("dept", caller.department().orElse("-"));
            if (subjectId != null && !subjectId.isBlank()) {
                where.add("subjectIdIndex = :subject");
                params.and("subject", protector.blindIndex(ResidentId.normalize(subjectId), SUBJECT_ID));
            }
        } else if (!caller.has(Role.ADMIN)) {
            throw ApiException.forbidden(Messages.FORBIDDEN_ROLE);
        }
        if (matterCode != null && !matterCode.isBlank()) {
            where.add("matterCode = :matter");
            params.and("matter", matterCode);
        }
        Instant now = clock.instant();
        if (status != null) {
            switch (status) {
                case VALID -> {
                    where.add("status = :status and validUntil > :now");
                    params.and("status", ProofStatus.VALID).and("now", now);
                }
                case EXPIRED -> {
                    where.add("status = :status and validUntil <= :now");
                    params.and("status", ProofStatus.VALID).and("now", now);
                }
                default -> {
                    where.add("status = :status");
                    params.and("status", status);
                }
            }
        }
        var query = Proof.<Proof>find(String.join(" and ", where), Sort.descending("issuedAt").and("number"), params);
        long total = query.count();
        List<ProofView> items = query.page(page.page(), page.size()).list().stream()
                .map(p -> view(p, entitlement(p, caller))).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    public ProofRequestView readRequest(UUID id, Caller caller) {
        ProofRequest r = ProofRequest.findById(id);
        if (r == null) {
            throw ApiException.notFound(Messages.REQUEST_NOT_FOUND.formatted(id));
        }
        boolean allowed = caller.has(Role.ADMIN)
                || caller.has(Role.ISSUER) && caller.department().filter(r.issuerDept::equals).isPresent()
                || caller.has(Role.VERIFIER) && r.requesterUnit != null && caller.department().filter(r.requesterUnit::equals).isPresent()
                || caller.has(Role.CITIZEN) && r.subjectIdIndex.equals(protector.blindIndex(caller.subject(), SUBJECT_ID));
        if (!allowed) {
            throw ApiException.forbidden(Messages.REQUEST_FORBIDDEN);
        }
        return ProofRequestView.of(r, today());
    }

    /** Requests visible to the caller; {@code status=OVERDUE} lists pending requests past their deadline. */
    public Page<ProofRequestView> listRequests(Caller caller, RequestStatus status, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caller.has(Role.ISSUER)) {
            where.add("issuerDept = :dept");
            params.and("dept", caller.department().orElse("-"));
        } else if (caller.has(Role.VERIFIER)) {
            where.add("requesterUnit = :unit");
            params.and("unit", caller.department().orElse("-"));
        } else if (caller.has(Role.CITIZEN)) {
            where.add("subjectIdIndex = :subject");
            params.and("subject", protector.blindIndex(caller.subject(), SUBJECT_ID));
        } else if (!caller.has(Role.ADMIN)) {
            throw ApiException.forbidden(Messages.FORBIDDEN_ROLE);
        }
        LocalDate today = today();
        if (status != null) {
            switch (status) {
                case OVERDUE -> {
                    where.add("status = :status and dueDate < :today");
                    params.and("status", RequestStatus.PENDING).and("today", today);
                }
                case PENDING -> {
                    where.add("status = :status and dueDate >= :today");
                    params.and("status", RequestStatus.PENDING).and("today", today);
                }
                default -> {
                    where.add("status = :status");
                    params.and("status", status);
                }
            }
        }
        var query = ProofRequest.<ProofRequest>find(String.join(" and ", where), Sort.ascending("dueDate").and("createdAt"), params);
        long total = query.count();
        List<ProofRequestView> items = query.page(page.page(), page.size()).list().stream()
                .map(r -> ProofRequestView.of(r, today)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    // ------------------------------------------------------------------ internals

    private IssuableMatter issuableBy(String matterCode, Caller caller) {
        IssuableMatter matter = matters.retained(matterCode)
                .orElseThrow(() -> ApiException.unprocessable(Messages.MATTER_NOT_ISSUABLE.formatted(matterCode)));
        String own = caller.department().orElse("-");
        if (!own.equals(matter.issuerDept())) {
            throw ApiException.forbidden(Messages.MATTER_OF_OTHER_DEPARTMENT.formatted(matter.name(), matter.issuerDept(), own));
        }
        if (!matter.electronic()) {
            throw ApiException.unprocessable(Messages.MATTER_NOT_ELECTRONIC.formatted(matter.name()));
        }
        return matter;
    }

    private Proof create(IssuableMatter matter, ProofSubject subject, Map<String, String> claims, String purpose,
            Instant requestedValidUntil, UUID requestId, String supersedes, String issuedBy) {
        DepartmentView issuer = departments.findActive(matter.issuerDept())
                .filter(d -> d.roles().contains(DepartmentRole.ISSUER))
                .orElseThrow(() -> ApiException.unprocessable(Messages.ISSUER_INACTIVE.formatted(matter.issuerDept())));
        Instant now = clock.instant();
        Instant maxValidUntil = ZonedDateTime.ofInstant(now, ControllableClock.ZONE).plus(matter.validity()).toInstant();
        Instant validUntil = requestedValidUntil == null ? maxValidUntil : requestedValidUntil;
        if (validUntil.isAfter(maxValidUntil)) {
            throw ApiException.invalid("validUntil", Messages.VALID_UNTIL_TOO_LATE.formatted(matter.validity()));
        }
        if (!validUntil.isAfter(now)) {
            throw ApiException.invalid("validUntil", Messages.VALID_UNTIL_PAST);
        }
        Proof p = new Proof();
        p.id = UUID.randomUUID();
        p.number = numbers.newNumber(ZonedDateTime.ofInstant(now, ControllableClock.ZONE).getYear());
        String code = numbers.newVerificationCode();
        p.codeEnc = protector.encrypt(code, CODE);
        p.matterCode = matter.code();
        p.matterVersion = matter.version();
        p.matterName = matter.name();
        p.issuerDept = issuer.code();
        p.issuerName = issuer.name();
        p.subjectKind = subject.kind();
        p.subjectNameEnc = protector.encrypt(subject.name(), SUBJECT_NAME);
        p.subjectNameMasked = subject.maskedName();
        p.subjectIdEnc = protector.encrypt(subject.id(), SUBJECT_ID);
        p.subjectIdIndex = protector.blindIndex(subject.id(), SUBJECT_ID);
        p.subjectIdMasked = subject.maskedId();
        p.claims = new LinkedHashMap<>(claims);
        p.purpose = purpose.trim();
        p.issuedAt = now;
        p.validUntil = validUntil;
        p.status = ProofStatus.VALID;
        p.statusListIndex = freeStatusListIndex(issuer.code());
        p.requestId = requestId;
        p.supersedes = supersedes;
        p.issuedBy = issuedBy;
        ProofSigner.Signed signed = signer.sign(p, subject);
        p.payload = signed.payload();
        p.jwsCompact = signed.compact();
        p.jwsJson = signed.json();
        p.persist();
        return p;
    }

    /**
     * A random free slot of the department's status list: random so that a status-list bit says
     * nothing about issuance order (herd privacy); the list grows in powers of two past half full.
     * A candidate is taken under a transaction-scoped advisory lock on (department, slot), so two
     * concurrent issuances never pick the same slot; one that finds it locked or used tries another.
     */
    private int freeStatusListIndex(String dept) {
        long used = issuedCount(dept);
        int size = STATUS_LIST_MIN_SIZE;
        while (used * 2 >= size) {
            size *= 2;
        }
        for (int attempt = 0; attempt < 32; attempt++) {
            int candidate = random.nextInt(size);
            Object free = em.createNativeQuery("""
                    SELECT pg_try_advisory_xact_lock(hashtext('status-slot:' || :dept), :slot)
                       AND NOT EXISTS (SELECT 1 FROM proof WHERE issuer_dept = :dept AND status_list_index = :slot)""")
                    .setParameter("dept", dept).setParameter("slot", candidate).getSingleResult();
            if (Boolean.TRUE.equals(free)) {
                issued.computeIfPresent(dept, (d, c) -> new IssuedCount(c.count() + 1, c.countedAt()));
                return candidate;
            }
        }
        throw new IllegalStateException("no free status-list slot found for " + dept);
    }

    /** How many proofs the department has issued, recounted at most every {@link #RECOUNT} (it only sizes the list). */
    private long issuedCount(String dept) {
        Instant now = Instant.now();
        IssuedCount c = issued.get(dept);
        if (c == null || c.countedAt().plus(RECOUNT).isBefore(now)) {
            c = new IssuedCount(Proof.count("issuerDept", dept), now);
            issued.put(dept, c);
        }
        return c.count();
    }

    private static final Duration RECOUNT = Duration.ofSeconds(30);

    private record IssuedCount(long count, Instant countedAt) {
    }

    private final ConcurrentHashMap<String, IssuedCount> issued = new ConcurrentHashMap<>();

    private Proof require(String number) {
        String normalized = ProofNumbers.normalize(number);
        ProofNumbers.problem(normalized).ifPresent(p -> {
            throw ApiException.badParameter("number", Messages.PROOF_NUMBER_INVALID.formatted(number, p));
        });
        return Proof.<Proof>find("number", normalized).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound(Messages.PROOF_NOT_FOUND.formatted(normalized)));
    }

    /** True: full view (subject, issuing department); false: masked (ADMIN supervision). Else 403. */
    private boolean entitlement(Proof proof, Caller caller) {
        if (caller.has(Role.ISSUER) && caller.department().filter(proof.issuerDept::equals).isPresent()) {
            return true;
        }
        if (caller.has(Role.CITIZEN) && proof.subjectIdIndex.equals(protector.blindIndex(caller.subject(), SUBJECT_ID))) {
            return true;
        }
        if (caller.has(Role.ADMIN)) {
            return false;
        }
        throw ApiException.forbidden(Messages.PROOF_FORBIDDEN);
    }

    ProofView view(Proof p, boolean full) {
        Instant now = clock.instant();
        ProofStatus status = p.statusAt(now);
        ProofView.Subject subject = full
                ? new ProofView.Subject(p.subjectKind, protector.decrypt(p.subjectNameEnc, SUBJECT_NAME),
                        protector.decrypt(p.subjectIdEnc, SUBJECT_ID), false)
                : new ProofView.Subject(p.subjectKind, p.subjectNameMasked, p.subjectIdMasked, true);
        ProofView.Revocation revocation = p.status == ProofStatus.REVOKED
                ? new ProofView.Revocation(p.revokedAt, p.revocationReason, p.revocationReason.chinese(), p.revocationNote)
                : null;
        String self = PATH + p.number;
        return new ProofView(p.number, full ? protector.decrypt(p.codeEnc, CODE) : null,
                new ProofView.Matter(p.matterCode, p.matterVersion, p.matterName),
                new ProofView.Issuer(p.issuerDept, p.issuerName), subject,
                full ? new TreeMap<>(p.claims) : null, p.purpose, p.issuedAt, p.validUntil, status, status.chinese(),
                revocation, p.supersededBy, p.supersedes, p.statusListIndex,
                full ? p.jwsCompact : null, full ? p.jwsJson : null,
                new ProofView.Links(self, self + "/status", self + "/qr.png", self + "/qr.svg", self + "/pdf"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
