package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.certfree.proofs.calendar.WorkingDayCalendar;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.AgentScope;
import org.certfree.proofs.consent.AssistedFiling;
import org.certfree.proofs.consent.ConsentGate;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.proof.dto.CreateProofRequest;
import org.certfree.proofs.publication.ListSignals;
import org.certfree.proofs.publication.SignalChannel;
import org.certfree.proofs.proof.dto.DecideRequest;
import org.certfree.proofs.proof.dto.ProofRequestView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Proof requests (开具申请): filed by a citizen about themselves or by a using unit with the holder's
 * consent, due within the matter's statutory time limit in working days, and decided by the issuing
 * department — or answered at once from the department's own data for immediately issued matters.
 */
@ApplicationScoped
public class ProofRequestService {

    @Inject
    StaffActions staffActions;

    public static final String PATH = "/api/v1/proof-requests/";

    /** Who issues a request answered at once from the department's own data. */
    static final String IMMEDIATE = "system:immediate";

    @Inject
    Clock clock;

    @Inject
    IssuableMatters matters;

    @Inject
    IssuanceService issuance;

    @Inject
    SubjectRecords records;

    @Inject
    DepartmentService departments;

    @Inject
    ConsentGate consents;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderIndex holders;

    @Inject
    AssistedFiling assisted;

    @Inject
    ListSignals signals;


    /** A request by a citizen about themselves, or by a using unit's VERIFIER with the holder's consent. */
    @Transactional
    public ProofRequestView request(CreateProofRequest body, Caller caller) {
        return request(body, caller, clock.instant());
    }

    /**
     * As {@link #request(CreateProofRequest, Caller)}, filed at {@code at}: the matter must be on the
     * retained list then, and the request's time and deadline count from then (the demo data files a
     * request weeks ago this way). Everything else happens now: a consent is judged now, and an
     * immediately issued proof is issued now.
     */
    @Transactional
    public ProofRequestView request(CreateProofRequest body, Caller caller, Instant at) {
        Optional<IssuableMatter> issuable = matters.retained(body.matterCode(), at);
        if (issuable.isEmpty()) {
            // a using unit asking for a matter off the retained list: a supervision signal, kept despite the refusal
            if (caller.has(Role.VERIFIER) && !caller.has(Role.CITIZEN) && caller.department().isPresent()) {
                signals.recordIfNotRetained(caller.department().get(), body.matterCode().trim(), SignalChannel.REQUEST, at);
            }
            throw ApiException.unprocessable(Messages.MATTER_NOT_ISSUABLE.formatted(body.matterCode()));
        }
        IssuableMatter matter = issuable.get();
        if (!matter.electronic()) {
            throw ApiException.unprocessable(Messages.MATTER_NOT_ELECTRONIC.formatted(matter.name()));
        }
        ProofSubject subject = ProofSubject.of(body.subject(), "subject");
        ProofRequest r = new ProofRequest();
        r.id = UUID.randomUUID();
        r.subjectIdIndex = holders.of(subject.id());
        AssistedFiling.Filer filer = assisted.filer(caller, body.onBehalfOf(), body.assistance(), AgentScope.REQUESTS,
                subject.id()).orElse(null);
        if (filer != null) {
            // 代办: the holder's own request, filed by their agent or a window; the same rules as theirs
            if (!filer.holderId().equals(subject.id())) {
                throw ApiException.invalid("onBehalfOf", Messages.ASSIST_HOLDER_MISMATCH);
            }
            r.requesterKind = ProofRequest.RequesterKind.CITIZEN;
            AssistedFiling.Act act = filer.act();
            r.assistedKind = act.kind();
            r.assistedBy = act.by();
            r.assistedUnit = act.unit();
            r.identityCheck = act.identityCheck();
            r.evidenceSha256 = act.evidenceSha256();
            r.authorisationId = act.authorisationId();
        } else if (caller.has(Role.CITIZEN)) {
            if (!ResidentId.normalize(caller.subject()).equals(subject.id())) {
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
            consents.refusal(body.consentRef(), unit, r.subjectIdIndex, matter.code()).ifPresent(why -> {
                throw ApiException.forbidden(why);
            });
            r.requesterKind = ProofRequest.RequesterKind.USING_UNIT;
            r.requesterUnit = unit;
            r.consentRef = body.consentRef().trim();
        }
        // a citizen by blind index, never the identifier; an assisted request is the holder's (assisted_by says who filed it)
        r.requestedBy = filer != null ? Caller.HOLDER_ACTOR_PREFIX + r.subjectIdIndex : caller.actor();
        r.matterCode = matter.code();
        r.matterVersion = matter.version();
        r.matterName = matter.name();
        r.issuerDept = matter.issuerDept();
        r.subjectKind = subject.kind();
        r.subjectNameEnc = protector.encrypt(subject.name(), IssuanceService.SUBJECT_NAME);
        r.subjectNameMasked = subject.maskedName();
        r.subjectIdEnc = protector.encrypt(subject.id(), IssuanceService.SUBJECT_ID);
        r.subjectIdMasked = subject.maskedId();
        r.purpose = body.purpose().trim();
        r.status = RequestStatus.PENDING;
        r.createdAt = at;
        WorkingDayCalendar.Deadline due = calendar.deadline(LocalDate.ofInstant(at, ControllableClock.ZONE), matter.timeLimitWorkingDays());
        r.dueDate = due.day();
        r.dueDateProvisional = due.provisional();
        // What the department signs about the subject comes from its own record when it holds one, never
        // from the request: a request naming the holder otherwise is refused, nothing is stored.
        Optional<SubjectRecord> record = records.find(matter, r.subjectIdIndex);
        if (record.isPresent() && !records.subject(record.get()).equals(subject)) {
            throw ApiException.unprocessable(Messages.REQUEST_SUBJECT_MISMATCH);
        }
        r.persist();
        if (matter.immediate()) {
            // 即时开具: the department's own data answers at once; without it a person handles it.
            if (record.isPresent()) {
                Proof proof = issuance.create(matter, records.subject(record.get()), records.claims(record.get()), r.purpose,
                        null, r.id, null, IMMEDIATE);
                r.status = RequestStatus.ISSUED;
                r.decidedAt = proof.issuedAt;
                r.decidedBy = IMMEDIATE;
                r.proofNumber = proof.number;
            }
        }
        if (filer != null) {
            staffActions.record(caller, "request.assisted", r.issuerDept, "proof-request", r.id, "matter", r.matterCode,
                    "assisted", r.assistedKind, "unit", r.assistedUnit, "authorisation", r.authorisationId);
            assisted.recordAccess(filer, AccessKind.ASSISTED_REQUEST, r.proofNumber, r.id, null, r.purpose, "matter",
                    r.matterCode, "issuerDept", r.issuerDept);
        }
        // the holder (or their agent) sees it in full; a using unit or an assisting window sees it masked
        return caller.has(Role.CITIZEN) ? ProofRequestView.full(r, today(), subject.name(), subject.id())
                : ProofRequestView.of(r, today());
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
            BusinessEvents.log("request.rejected", "dept", r.issuerDept, "matter", r.matterCode, "outcome", "rejected");
            staffActions.record(caller, "request.rejected", r.issuerDept, "proof-request", r.id, "matter", r.matterCode);
            return ProofRequestView.of(r, today());
        }
        if (body.claims() == null || body.claims().isEmpty()) {
            throw ApiException.invalid("claims", Messages.CLAIMS_REQUIRED);
        }
        IssuableMatter matter = issuance.issuableBy(r.matterCode, caller);
        // the department's record of the subject when it holds one (the request was checked against it)
        ProofSubject subject = records.find(matter, r.subjectIdIndex).map(records::subject)
                .orElseGet(() -> new ProofSubject(r.subjectKind, protector.decrypt(r.subjectNameEnc, IssuanceService.SUBJECT_NAME),
                        protector.decrypt(r.subjectIdEnc, IssuanceService.SUBJECT_ID)));
        Proof proof = issuance.create(matter, subject, body.claims(), r.purpose, body.validUntil(), r.id, null, caller.subject());
        r.status = RequestStatus.ISSUED;
        r.proofNumber = proof.number;
        staffActions.record(caller, "request.issued", r.issuerDept, "proof-request", r.id, "matter",
                r.matterCode, "proof", proof.number);
        return ProofRequestView.of(r, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
