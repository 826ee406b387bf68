package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.proof.dto.ProofView;
import org.certfree.proofs.proof.dto.ReissueRequest;
import org.certfree.proofs.proof.dto.RevokeRequest;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;

/**
 * Issuance, revocation and corrected re-issue of electronic proofs. A department issues and revokes
 * only proofs of matters it issues, on the retained list, issued electronically.
 */
@ApplicationScoped
public class IssuanceService {

    @Inject
    StaffActions staffActions;

    @Inject
    HolderAccessLog holderLog;

    /**
     * Purposes of the personal-data encryption of the proof feature's data (they key stored data: never
     * change them): a proof's disclosures and code, and the subject of requests and subject records. The
     * identifier's encryption purpose is the string its blind index uses too.
     */
    static final String SUBJECT_ID = HolderIndex.PURPOSE;
    static final String SUBJECT_NAME = "proof.subject.name";
    static final String CODE = "proof.code";
    static final String DISCLOSURES = "proof.disclosures";

    @Inject
    Clock clock;

    @Inject
    IssuableMatters matters;

    @Inject
    DepartmentService departments;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderIndex holders;

    @Inject
    ProofSigner signer;

    @Inject
    SignedProofs signed;

    @Inject
    StatusSlots slots;

    @Inject
    ProofQueries queries;

    @Inject
    SigningPool pool;

    @Inject
    IssuedRecords issuedRecords;

    private final ProofNumbers numbers = new ProofNumbers();

    /** Revocation by an ISSUER of the proof's department; only a VALID proof can be revoked. */
    @Transactional
    public ProofView revoke(String number, RevokeRequest body, Caller caller) {
        if (body.reason() == RevocationReason.FALSE_PLEDGE) { // a pledge's, and only through its post-check
            throw ApiException.invalid("reason", Messages.REVOKE_FALSE_PLEDGE_REASON);
        }
        Proof proof = queries.require(number);
        caller.requireDepartment(proof.issuerDept);
        refuseWhileDisputed(proof);
        if (proof.status != ProofStatus.VALID) {
            throw ApiException.conflict(Messages.PROOF_NOT_REVOCABLE.formatted(proof.number, proof.status.chinese()));
        }
        proof.status = ProofStatus.REVOKED;
        proof.revokedAt = clock.instant();
        proof.revocationReason = body.reason();
        proof.revocationNote = body.note();
        proof.revokedBy = caller.subject();
        BusinessEvents.log("proof.revoked", "dept", proof.issuerDept, "matter", proof.matterCode, "number", proof.number,
                "reason", body.reason(), "outcome", "ok");
        staffActions.record(caller, "proof.revoked", proof.issuerDept, "proof", proof.number, "reason", body.reason());
        holderLog.record(new HolderAccess(proof.revokedAt, proof.subjectIdIndex, AccessKind.PROOF_REVOKED, proof.issuerDept,
                caller.actor(), proof.number, null, null, body.reason().chinese(), Map.of("reason", body.reason().name())));
        return queries.view(proof, true);
    }

    /** A corrected re-issue: a new proof with its own number; the old one becomes SUPERSEDED. */
    @Transactional
    public ProofView reissue(String number, ReissueRequest body, Caller caller) {
        Proof old = queries.require(number);
        caller.requireDepartment(old.issuerDept);
        refuseWhileDisputed(old);
        if (old.status != ProofStatus.VALID) {
            throw ApiException.conflict(Messages.PROOF_NOT_REVOCABLE.formatted(old.number, old.status.chinese()));
        }
        IssuableMatter matter = issuableBy(old.matterCode, caller);
        SignedProof was = signed.read(old.number, old.payload, old.jwsSignatures, old.disclosuresEnc);
        ProofSubject subject = body.subject() != null ? ProofSubject.of(body.subject(), "subject")
                : new ProofSubject(was.subjectKind(), was.subjectName(), was.subjectId());
        Proof successor = create(matter, subject, body.claims(), old.purpose, body.validUntil(), old.requestId, old.number,
                caller.subject());
        old.status = ProofStatus.SUPERSEDED;
        old.supersededBy = successor.number;
        old.revokedAt = successor.issuedAt;
        old.revocationNote = body.note();
        old.revokedBy = caller.subject();
        return queries.view(successor, true);
    }

    /**
     * A proof under dispute (suspended) is revoked or re-issued only by deciding the dispute, so the dispute, the
     * suspension and the signed decision stay one story: 409 naming the dispute. The dispute feature's own
     * decision lifts the suspension first.
     */
    private static void refuseWhileDisputed(Proof proof) {
        if (proof.suspensionRef != null) {
            throw ApiException.conflict(Messages.PROOF_UNDER_DISPUTE.formatted(proof.number, proof.suspensionRef));
        }
    }

    /** The matter, if the caller's department may issue it now: on the retained list, its own, electronic. */
    IssuableMatter issuableBy(String matterCode, Caller caller) {
        IssuableMatter matter = matters.retained(matterCode, clock.instant())
                .orElseThrow(() -> ApiException.unprocessable(Messages.MATTER_NOT_ISSUABLE.formatted(matterCode)));
        if (!caller.actsFor(matter.issuerDept())) {
            throw ApiException.forbidden(Messages.MATTER_OF_OTHER_DEPARTMENT.formatted(matter.name(), matter.issuerDept(),
                    caller.department().orElse("-")));
        }
        if (!matter.electronic()) {
            throw ApiException.unprocessable(Messages.MATTER_NOT_ELECTRONIC.formatted(matter.name()));
        }
        return matter;
    }

    /** Creates, signs and stores a proof in the caller's transaction. */
    Proof create(IssuableMatter matter, ProofSubject subject, Map<String, String> claims, String purpose,
            Instant requestedValidUntil, UUID requestId, String supersedes, String issuedBy) {
        return store(document(matter, subject, claims, purpose, requestedValidUntil, requestId, supersedes, issuedBy,
                clock.instant()), null);
    }

    /**
     * The document of a proof issued at {@code now}, after the validity rules: {@code requestedValidUntil} (null: the
     * matter's default validity) must be after now and not after the default. Throws the 400 a single issuance
     * answers; a bulk job records it as the item's error.
     */
    Document document(IssuableMatter matter, ProofSubject subject, Map<String, String> claims, String purpose,
            Instant requestedValidUntil, UUID requestId, String supersedes, String issuedBy, Instant now) {
        Instant maxValidUntil = ZonedDateTime.ofInstant(now, ControllableClock.ZONE).plus(matter.validity()).toInstant();
        Instant validUntil = requestedValidUntil == null ? maxValidUntil : requestedValidUntil;
        if (validUntil.isAfter(maxValidUntil)) {
            throw ApiException.invalid("validUntil", Messages.VALID_UNTIL_TOO_LATE.formatted(matter.validity()));
        }
        if (!validUntil.isAfter(now)) {
            throw ApiException.invalid("validUntil", Messages.VALID_UNTIL_PAST);
        }
        return new Document(DocumentKind.PROOF, matter.code(), matter.version(), matter.name(), matter.issuerDept(),
                subject, claims, purpose, validUntil, requestId, supersedes, issuedBy, now);
    }

    /** What a signed document says, before it has a number, and when it is issued: see {@link #store}. */
    record Document(DocumentKind kind, String matterCode, int matterVersion, String matterName, String department,
            ProofSubject subject, Map<String, String> claims, String purpose, Instant validUntil, UUID requestId,
            String supersedes, String issuedBy, Instant issuedAt) {
    }

    /**
     * Numbers, signs and stores {@code d} in the caller's transaction, as its department, which must be an
     * active issuer. {@code pledge} makes the signed {@code pledge} block of a pledge document from its new
     * number (null for a proof).
     */
    Proof store(Document d, Function<String, Map<String, Object>> pledge) {
        return storeAll(d.department(), List.of(d), pledge, IssuedRecords.Origin.REQUEST).get(0);
    }

    /**
     * Numbers, signs and stores documents of one department in the caller's transaction — the one path of every
     * issuance, single or bulk: the department must be an active issuer (checked once), each document gets a
     * status-list slot ({@link StatusSlots#take(String, int)}: two statements for all), the keys are confirmed once
     * ({@link org.certfree.proofs.keys.Jws#signing}), the work that needs no database (numbers, codes, encryption,
     * signatures) runs on every core when there is more than one document ({@link SigningPool}), and the rows are
     * persisted in order, then each proof's business event and audit row. Hibernate batches the inserts at flush.
     */
    List<Proof> storeAll(String department, List<Document> docs, Function<String, Map<String, Object>> pledge, IssuedRecords.Origin origin) {
        return storeAll(department, docs, pledge, Collections.nCopies(docs.size(), origin));
    }

    /** {@link #storeAll(String, List, Function, IssuedRecords.Origin)} with each document's own origin (single issuances stored together). */
    List<Proof> storeAll(String department, List<Document> docs, Function<String, Map<String, Object>> pledge,
            List<IssuedRecords.Origin> origins) {
        DepartmentView issuer = departments.findActive(department)
                .filter(x -> x.roles().contains(DepartmentRole.ISSUER))
                .orElseThrow(() -> ApiException.unprocessable(Messages.ISSUER_INACTIVE.formatted(department)));
        List<Integer> slotList = slots.take(issuer.code(), docs.size());
        var signing = signer.signingFor(issuer.code());
        List<Proof> proofs = pool.map(docs.size(), i -> prepare(docs.get(i), slotList.get(i), issuer, pledge, signing));
        for (Proof p : proofs) {
            p.persist();
        }
        for (int i = 0; i < proofs.size(); i++) {
            issuedRecords.record(proofs.get(i), docs.get(i), origins.get(i));
        }
        return proofs;
    }

    /** A proof of {@code d}, numbered, signed and encrypted, not yet stored: no database, any thread. */
    private Proof prepare(Document d, int slot, DepartmentView issuer, Function<String, Map<String, Object>> pledge,
            org.certfree.proofs.keys.Jws.Signing signing) {
        Instant now = d.issuedAt();
        Proof p = new Proof();
        p.id = UUID.randomUUID();
        p.kind = d.kind();
        p.number = numbers.newNumber(ZonedDateTime.ofInstant(now, ControllableClock.ZONE).getYear());
        p.codeEnc = protector.encrypt(numbers.newVerificationCode(), CODE);
        p.matterCode = d.matterCode();
        p.matterVersion = d.matterVersion();
        p.matterName = d.matterName();
        p.issuerDept = issuer.code();
        p.issuerName = issuer.name();
        p.subjectKind = d.subject().kind();
        p.subjectNameMasked = d.subject().maskedName();
        p.subjectIdIndex = holders.of(d.subject().id());
        p.subjectIdMasked = d.subject().maskedId();
        p.purpose = d.purpose().trim();
        p.issuedAt = now;
        p.validUntil = d.validUntil();
        p.status = ProofStatus.VALID;
        p.statusListIndex = slot;
        p.requestId = d.requestId();
        p.supersedes = d.supersedes();
        p.issuedBy = d.issuedBy();
        ProofSigner.Signed forms = signer.sign(p, d.subject(), d.claims(), pledge == null ? null : pledge.apply(p.number),
                signing);
        p.payload = forms.payload();
        p.jwsSignatures = forms.signatures();
        p.disclosuresEnc = protector.encrypt(SignedProofs.join(forms.disclosures()), DISCLOSURES);
        return p;
    }
}
