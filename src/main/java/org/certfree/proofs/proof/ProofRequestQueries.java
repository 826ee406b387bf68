package org.certfree.proofs.proof;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.dto.ProofRequestView;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Reading proof requests with their access rules and masking: who may see a request, who sees its
 * applicant in full, and which of those reads go into the holder's access log ({@link HolderReads}).
 */
@ApplicationScoped
public class ProofRequestQueries {

    @Inject
    Clock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HolderIndex holders;

    @Inject
    HolderReads reads;

    /**
     * A request for its issuing department, its using unit (or the window that filed it in the
     * holder's name, to tell a holder without a phone how it went), its subject, or ADMIN; else 403. The
     * subject sees it in full, and so does the issuing department — a read of the applicant's name and
     * identifier that goes into the subject's access log, with the {@code purpose} the reader states; the
     * using unit, the window and ADMIN see it masked.
     */
    @Transactional
    public ProofRequestView read(UUID id, Caller caller, String purpose) {
        String why = HolderReads.purpose(purpose);
        ProofRequest r = ProofRequest.findById(id);
        if (r == null) {
            throw ApiException.notFound(Messages.REQUEST_NOT_FOUND.formatted(id));
        }
        boolean department = caller.has(Role.ISSUER) && caller.actsFor(r.issuerDept);
        boolean holder = reads.isHolder(caller, r.subjectIdIndex);
        boolean allowed = caller.has(Role.ADMIN) || department || holder
                || caller.has(Role.VERIFIER) && (caller.actsFor(r.requesterUnit) || caller.actsFor(r.assistedUnit));
        if (!allowed) {
            throw ApiException.forbidden(Messages.REQUEST_FORBIDDEN);
        }
        if (!department && !holder) {
            return ProofRequestView.of(r, today());
        }
        ProofRequestView view = full(r);
        reads.request(r, caller, why); // not the holder's own read
        return view;
    }

    /**
     * Requests visible to the caller; {@code status=OVERDUE} lists pending requests past their deadline.
     * A citizen sees their own requests in full; every other list shows many subjects, masked (nothing
     * is logged): the issuing department reads one request to see whom it decides for.
     */
    public Page<ProofRequestView> list(Caller caller, RequestStatus status, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        boolean own = false;
        if (caller.has(Role.ISSUER)) {
            where.add("issuerDept = :dept");
            params.and("dept", caller.department().orElse("-"));
        } else if (caller.has(Role.VERIFIER)) {
            where.add("(requesterUnit = :unit or assistedUnit = :unit)");
            params.and("unit", caller.department().orElse("-"));
        } else if (caller.has(Role.CITIZEN)) {
            where.add("subjectIdIndex = :subject");
            params.and("subject", holders.of(caller.subject()));
            own = true;
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
        boolean inFull = own;
        List<ProofRequestView> items = query.page(page.page(), page.size()).list().stream()
                .map(r -> inFull ? full(r) : ProofRequestView.of(r, today)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The request with its subject decrypted. */
    private ProofRequestView full(ProofRequest r) {
        return ProofRequestView.full(r, today(), protector.decrypt(r.subjectNameEnc, IssuanceService.SUBJECT_NAME),
                protector.decrypt(r.subjectIdEnc, IssuanceService.SUBJECT_ID));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
