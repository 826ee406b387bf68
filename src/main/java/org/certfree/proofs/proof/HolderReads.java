package org.certfree.proofs.proof;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Puts each read of a holder's proof or proof request in full by someone other than the holder into
 * the holder's access log (through {@link HolderAccessLog}, in the read's transaction — or one of the
 * log's own: a read that cannot be logged fails). The holder's own reads are not logged.
 *
 * <p>Which reads are full, per endpoint: a proof or request read one at a time by its issuing
 * department ({@code GET /proofs/{n}}, {@code /pdf}, {@code /qr.png}, {@code /qr.svg},
 * {@code GET /proof-requests/{id}}), and the issuer's proof list filtered to one holder
 * ({@code GET /proofs?subjectId=}: each proof of the page is logged). Lists that show many holders —
 * the issuer's proof list unfiltered, every list of requests, ADMIN's views — show them masked and log
 * nothing; the answers to an issuer's own actions (issue, revoke, re-issue, decide) are not reads.
 */
@ApplicationScoped
class HolderReads {

    /** The longest stated purpose of a read (the log's column). */
    static final int MAX_PURPOSE = 200;

    @Inject
    HolderAccessLog log;

    @Inject
    HolderIndex holders;

    @Inject
    Clock clock;

    /** Whether the caller is the holder the blind index names: their own reads are not logged. */
    boolean isHolder(Caller caller, String subjectIdIndex) {
        return caller.has(Role.CITIZEN) && subjectIdIndex != null && subjectIdIndex.equals(holders.of(caller.subject()));
    }

    /**
     * The purpose a reader stated ({@code ?purpose=}), trimmed; null when none; 400 when too long. Checked
     * before the read, so a refused purpose reads nothing.
     */
    static String purpose(String stated) {
        if (stated == null || stated.isBlank()) {
            return null;
        }
        String p = stated.trim();
        if (p.codePointCount(0, p.length()) > MAX_PURPOSE) {
            throw ApiException.badParameter("purpose", Messages.PURPOSE_TOO_LONG);
        }
        return p;
    }

    /** {@code caller} read {@code proof} in full ({@code kind}: read, PDF or QR), unless it is the holder. */
    void proof(Proof proof, Caller caller, AccessKind kind, String purpose, Map<String, String> details) {
        if (isHolder(caller, proof.subjectIdIndex)) {
            return;
        }
        log.record(new HolderAccess(clock.instant(), proof.subjectIdIndex, kind, caller.department().orElse(null),
                caller.actor(), proof.number, proof.requestId, null, purpose, details));
    }

    /** A using unit fetched (调取) {@code proof} under the holder's consent, seeing {@code details}' disclosures. */
    void retrieval(Proof proof, Caller caller, UUID requestId, UUID consentId, String purpose, Map<String, String> details) {
        log.record(new HolderAccess(clock.instant(), proof.subjectIdIndex, AccessKind.RETRIEVAL, caller.department().orElse(null),
                caller.actor(), proof.number, requestId, consentId, purpose, details));
    }

    /** {@code caller} read {@code request} in full (the applicant's name and identifier), unless it is the holder. */
    void request(ProofRequest request, Caller caller, String purpose) {
        if (isHolder(caller, request.subjectIdIndex)) {
            return;
        }
        log.record(new HolderAccess(clock.instant(), request.subjectIdIndex, AccessKind.REQUEST_READ,
                caller.department().orElse(null), caller.actor(), request.proofNumber, request.id,
                consentId(request.consentRef).orElse(null), purpose, Map.of("matter", request.matterCode)));
    }

    private static Optional<UUID> consentId(String ref) {
        try {
            return ref == null ? Optional.empty() : Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
