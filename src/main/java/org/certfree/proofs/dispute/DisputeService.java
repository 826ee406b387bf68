package org.certfree.proofs.dispute;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.calendar.WorkingDayCalendar;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.dispute.dto.DecisionInput;
import org.certfree.proofs.dispute.dto.DisputeInput;
import org.certfree.proofs.dispute.dto.DisputeView;
import org.certfree.proofs.keys.Jws;
import org.certfree.proofs.keys.KeyAlgorithm;
import org.certfree.proofs.proof.DocumentKind;
import org.certfree.proofs.proof.IssuanceService;
import org.certfree.proofs.proof.RevocationReason;
import org.certfree.proofs.proof.Suspensions;
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
import org.certfree.proofs.system.security.Role;
import org.certfree.proofs.verification.VerificationIds;

/**
 * Disputes (异议) on proofs and pledge documents: opened by the holder or a using unit, the document
 * suspended while open, decided by the issuing department within {@link #DECISION_WORKING_DAYS} working
 * days — upheld (corrected re-issue, or revocation) or dismissed (suspension lifted). Each step is signed
 * by the issuing department, written to the holder's access log and audited.
 */
@ApplicationScoped
public class DisputeService {

    public static final String PATH = "/api/v1/disputes/";

    /**
     * Working days the issuing department has to decide (a constant, not configuration: it is the service
     * promise printed on the acknowledgement, the same for every department; 10 as for proof requests' usual limit).
     */
    public static final int DECISION_WORKING_DAYS = 10;

    /** {@code typ} of the signed records of each step. */
    public static final String TYP = "certfree-dispute+jws";

    /** Encryption purposes (they key stored data: never change them). */
    static final String REASON = "dispute.reason";
    static final String NOTE = "dispute.note";

    @Inject
    Suspensions suspensions;

    @Inject
    IssuanceService issuance;

    @Inject
    DepartmentService departments;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderIndex holders;

    @Inject
    HolderAccessLog accessLog;

    @Inject
    StaffActions staffActions;

    @Inject
    Jws jws;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    DisputeQueries queries;

    /** Opens a dispute and suspends the document; 409 (with the open one's location) when one is open already. */
    @Inject
    VerificationIds verifications;

    @Transactional
    public DisputeView open(DisputeInput in, Caller caller) {
        Suspensions.Disputable d = suspensions.find(in.proofNumber().trim())
                .orElseThrow(() -> ApiException.notFound(Messages.DISPUTE_DOCUMENT_NOT_FOUND.formatted(in.proofNumber().trim())));
        OpenerKind opener;
        if (caller.has(Role.CITIZEN) && d.subjectIdIndex().equals(holders.of(caller.subject()))) {
            opener = OpenerKind.HOLDER;
        } else if (caller.has(Role.VERIFIER) && departments.hasRole(caller.department().orElse(null), DepartmentRole.USING_UNIT)) {
            // only a unit the document was presented to: another learns nothing, not even that the number exists
            if (!verifications.verifiedBy(caller.department().orElseThrow(), d.number())) {
                throw ApiException.notFound(Messages.DISPUTE_DOCUMENT_NOT_FOUND.formatted(in.proofNumber().trim()));
            }
            opener = OpenerKind.USING_UNIT;
            // a unit's dispute once dismissed is not reopened by the unit: it complains to the justice bureau instead,
            // so no unit can keep a holder's proof suspended by disputing it again and again
            Dispute dismissed = Dispute.<Dispute>find("proofNumber = ?1 and openerUnit = ?2 and status = ?3 order by decidedAt desc",
                    d.number(), caller.department().orElseThrow(), DisputeStatus.DISMISSED).firstResult();
            if (dismissed != null) {
                throw ApiException.duplicate(Messages.DISPUTE_UNIT_DISMISSED_BEFORE.formatted(d.number(),
                        LocalDate.ofInstant(dismissed.decidedAt, ControllableClock.ZONE)), PATH + dismissed.id);
            }
        } else {
            throw ApiException.forbidden(Messages.DISPUTE_OPEN_FORBIDDEN);
        }
        Dispute open = Dispute.<Dispute>find("proofNumber = ?1 and status = ?2", d.number(), DisputeStatus.OPEN)
                .firstResult();
        if (open != null) {
            throw ApiException.duplicate(Messages.DISPUTE_OPEN_EXISTS.formatted(d.number()), PATH + open.id);
        }
        Instant now = clock.instant();
        Dispute x = new Dispute();
        x.id = UUID.randomUUID();
        suspensions.suspend(d.number(), x.id); // 409 unless VALID
        WorkingDayCalendar.Deadline due = calendar.deadline(LocalDate.ofInstant(now, ControllableClock.ZONE), DECISION_WORKING_DAYS);
        x.proofNumber = d.number();
        x.documentKind = d.kind();
        x.issuerDept = d.issuerDept();
        x.holderIndex = d.subjectIdIndex();
        x.openerKind = opener;
        x.openerUnit = opener == OpenerKind.USING_UNIT ? caller.department().orElse(null) : null;
        x.openedBy = caller.actor();
        x.reasonEnc = protector.encrypt(in.reason().trim(), REASON);
        x.openedAt = now;
        x.dueOn = due.day();
        x.dueProvisional = due.provisional();
        x.status = DisputeStatus.OPEN;
        x.openedJws = sign(x, "opened", in.reason().trim(), null, null);
        x.persist();
        BusinessEvents.log("dispute.opened", "dept", x.issuerDept, "number", x.proofNumber, "opener", opener, "outcome", "ok");
        accessLog.record(new HolderAccess(now, x.holderIndex, AccessKind.DISPUTE_OPENED, x.openerUnit, caller.actor(),
                x.proofNumber, null, null, null, Map.of("dispute", x.id.toString(), "opener", opener.name(),
                        "dueOn", x.dueOn.toString())));
        staffActions.record(caller, "dispute.opened", x.issuerDept, "dispute", x.id, "proof", x.proofNumber,
                "opener", opener);
        return queries.view(x, true);
    }

    /** The issuing department decides; whoever opened the dispute never decides it. */
    @Transactional
    public DisputeView decide(UUID id, DecisionInput in, Caller caller) {
        Dispute x = require(id);
        if (!caller.has(Role.ISSUER) || !caller.actsFor(x.issuerDept)) {
            throw ApiException.forbidden(Messages.DISPUTE_DECIDE_FORBIDDEN.formatted(x.issuerDept));
        }
        if (caller.actor().equals(x.openedBy)) {
            throw ApiException.forbidden(Messages.DISPUTE_DECIDE_OWN);
        }
        if (x.status != DisputeStatus.OPEN) {
            throw ApiException.conflict(Messages.DISPUTE_NOT_OPEN.formatted(x.id, x.status.chinese()));
        }
        Instant now = clock.instant();
        String note = in.note().trim();
        // the proof's revocation note is no place for the decision's note (it may describe the holder's
        // circumstances, and it is stored in clear there): it names the dispute, whose note stays encrypted
        String proofNote = Messages.DISPUTE_UPHELD_PROOF_NOTE.formatted(x.id);
        // the suspension goes in every outcome: a re-issued or revoked document is answered by its status
        suspensions.lift(x.proofNumber, x.id);
        switch (in.outcome()) {
            case DISMISSED -> x.status = DisputeStatus.DISMISSED;
            case REISSUE -> {
                if (x.documentKind == DocumentKind.PLEDGE) {
                    throw ApiException.invalid("outcome", Messages.DISPUTE_PLEDGE_NO_REISSUE);
                }
                if (in.claims() == null || in.claims().isEmpty()) {
                    throw ApiException.invalid("claims", Messages.DISPUTE_REISSUE_CLAIMS);
                }
                x.successorNumber = issuance.reissue(x.proofNumber, new ReissueRequest(in.subject(), in.claims(), proofNote, null),
                        caller).number();
                x.status = DisputeStatus.UPHELD;
            }
            case REVOKE -> {
                if (in.revocationReason() == null) {
                    throw ApiException.invalid("revocationReason", Messages.DISPUTE_REVOKE_REASON);
                }
                if (x.documentKind == DocumentKind.PLEDGE) {
                    suspensions.revokePledge(x.proofNumber, in.revocationReason(), proofNote, caller);
                } else {
                    issuance.revoke(x.proofNumber, new RevokeRequest(in.revocationReason(), proofNote), caller);
                }
                x.status = DisputeStatus.UPHELD;
            }
        }
        x.outcome = in.outcome();
        x.noteEnc = protector.encrypt(note, NOTE);
        x.decidedBy = caller.subject();
        x.decidedAt = now;
        x.decisionJws = sign(x, "decided", protector.decrypt(x.reasonEnc, REASON), note, in.revocationReason());
        BusinessEvents.log("dispute.decided", "dept", x.issuerDept, "number", x.proofNumber, "decision", x.outcome,
                "outcome", "ok");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("dispute", x.id.toString());
        details.put("decision", x.outcome.name());
        if (x.successorNumber != null) {
            details.put("successor", x.successorNumber);
        }
        accessLog.record(new HolderAccess(now, x.holderIndex, AccessKind.DISPUTE_DECIDED, x.issuerDept, caller.actor(),
                x.proofNumber, null, null, null, details));
        staffActions.record(caller, "dispute.decided", x.issuerDept, "dispute", x.id, "proof", x.proofNumber,
                "decision", x.outcome, "successor", x.successorNumber);
        return queries.view(x, true);
    }

    /**
     * Hex SHA-256 of {@code certfree-dispute-<what>:v1|<dispute id>|<text>} (UTF-8): binds the signed record to the
     * text without disclosing it. Bound to the dispute's random id, so a digest cannot be looked up in a table.
     */
    public static String digest(UUID id, String what, String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("certfree-dispute-" + what + ":v1|" + id + "|" + text)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dispute require(UUID id) {
        Dispute x = Dispute.findById(id);
        if (x == null) {
            throw ApiException.notFound(Messages.DISPUTE_NOT_FOUND.formatted(id));
        }
        return x;
    }

    /**
     * The department's signed record of a step: RFC 8785 canonical JSON of what happened, as a compact JWS
     * (SM2SM3) of the issuing department. No reason, note or other personal data — those stay encrypted here —
     * but their digests ({@link #digest}), so the parties who read them can show which text was signed for.
     */
    private String sign(Dispute x, String step, String reason, String note, RevocationReason revocationReason) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("typ", "certfree-dispute");
        doc.put("step", step);
        doc.put("dispute", x.id.toString());
        doc.put("proofNumber", x.proofNumber);
        doc.put("documentKind", x.documentKind.name());
        doc.put("issuer", x.issuerDept);
        doc.put("openerKind", x.openerKind.name());
        if (x.openerUnit != null) {
            doc.put("openerUnit", x.openerUnit);
        }
        doc.put("openedAt", x.openedAt.toString());
        doc.put("dueOn", x.dueOn.toString());
        doc.put("status", x.status.uri());
        doc.put("reasonDigest", digest(x.id, "reason", reason));
        if (note != null) {
            doc.put("noteDigest", digest(x.id, "note", note));
        }
        if (revocationReason != null && x.outcome == DisputeOutcome.REVOKE) {
            doc.put("revocationReason", revocationReason.name());
        }
        if (x.decidedAt != null) {
            doc.put("decidedAt", x.decidedAt.toString());
            doc.put("decidedBy", x.decidedBy);
            doc.put("outcome", x.outcome.uri());
        }
        if (x.successorNumber != null) {
            doc.put("successorNumber", x.successorNumber);
        }
        return jws.signCompact(x.issuerDept, KeyAlgorithm.SM2_SM3, CanonicalJson.canonicalize(doc, json), TYP);
    }
}
