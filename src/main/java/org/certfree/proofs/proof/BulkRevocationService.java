package org.certfree.proofs.proof;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.catalog.dto.MatterView;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.keys.KeyService;
import org.certfree.proofs.keys.dto.KeyView;
import org.certfree.proofs.proof.dto.BulkRevocationRequest;
import org.certfree.proofs.proof.dto.BulkRevocationView;
import org.certfree.proofs.system.security.Caller;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Bulk revocation by an ISSUER of its own department's proofs ({@code POST /api/v1/revocations}): by a
 * list of numbers, by matter and issue dates, or by signing key from an instant. Checks the request
 * (every refusal changes nothing), then hands the selection to {@link RevocationRunService} (a durable run in
 * chunks), or for a preview to {@link BulkRevocation#preview}.
 */
@ApplicationScoped
public class BulkRevocationService {

    private static final Logger LOG = Logger.getLogger(BulkRevocationService.class);

    /** Most numbers one request may list, and most proofs one run may select. */
    public static final int MAX_PROOFS = 100_000;

    /** Most numbers an answer lists per kind (its counts are exact), and most malformed ones a 400 names. */
    static final int MAX_LISTED = 1_000;
    static final int MAX_SAMPLE = 20;
    static final int MAX_ERRORS = 20;

    @Inject
    BulkRevocation bulk;

    @Inject
    RevocationRunService runs;

    @Inject
    CatalogService catalog;

    @Inject
    KeyService keys;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /** Counts what {@code body} would revoke among the caller's department's proofs now, changing nothing. */
    @Transactional
    public BulkRevocationView preview(BulkRevocationRequest body, Caller caller) {
        String dept = department(body, caller);
        RevocationSelection selection = checked(body, dept, caller);
        return view(null, true, dept, selection, body.reason(), clock.instant(), bulk.preview(dept, selection, MAX_PROOFS));
    }

    /**
     * Revokes what {@code body} selects among the caller's department's proofs, as a durable run in chunks
     * ({@link RevocationRunService}); {@code idempotencyKey} (may be null) lets a retry find the run of its first attempt.
     * Not one transaction: the checks read in the caller's (if any), the run's chunks commit each in its own.
     */
    public BulkRevocationView revoke(BulkRevocationRequest body, Caller caller, String idempotencyKey) {
        String dept = department(body, caller);
        RevocationSelection selection = QuarkusTransaction.joiningExisting().call(() -> checked(body, dept, caller));
        return runs.revoke(dept, selection, body.reason(), body.note().trim(), caller, idempotencyKey);
    }

    private static String department(BulkRevocationRequest body, Caller caller) {
        String dept = caller.department().orElseThrow(() -> ApiException.forbidden(Messages.BULK_REVOKE_NO_DEPARTMENT));
        if (body.reason() == RevocationReason.FALSE_PLEDGE) { // a pledge's, and only through its post-check
            throw ApiException.invalid("reason", Messages.REVOKE_FALSE_PLEDGE_REASON);
        }
        return dept;
    }

    private RevocationSelection checked(BulkRevocationRequest body, String dept, Caller caller) {
        long t0 = System.nanoTime();
        RevocationSelection selection = selection(body, dept);
        LOG.infof("Bulk revocation by %s of %s (%s): request checked in %d ms", caller.actor(), dept, selection.name(),
                (System.nanoTime() - t0) / 1_000_000);
        return selection;
    }

    /** The one selector of {@code body}, checked: 400 for a malformed one, 403 for another department's, 422 for an unknown one. */
    private RevocationSelection selection(BulkRevocationRequest body, String dept) {
        int given = (body.numbers() != null ? 1 : 0) + (body.matter() != null ? 1 : 0) + (body.key() != null ? 1 : 0);
        if (given != 1) {
            throw ApiException.invalid("numbers", Messages.BULK_REVOKE_ONE_SELECTOR.formatted(given));
        }
        if (body.numbers() != null) {
            return numbers(body.numbers(), dept);
        }
        if (body.matter() != null) {
            return matter(body.matter(), dept);
        }
        return key(body.key(), dept);
    }

    private RevocationSelection numbers(List<String> listed, String dept) {
        if (listed.isEmpty()) {
            throw ApiException.invalid("numbers", Messages.BULK_REVOKE_NUMBERS_EMPTY);
        }
        if (listed.size() > MAX_PROOFS) {
            throw ApiException.invalid("numbers", Messages.BULK_REVOKE_TOO_MANY_NUMBERS.formatted(MAX_PROOFS, listed.size()));
        }
        Set<String> numbers = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        int malformed = 0;
        for (int i = 0; i < listed.size(); i++) {
            String normalized = ProofNumbers.normalize(listed.get(i));
            Optional<String> problem = ProofNumbers.problem(normalized);
            if (problem.isPresent()) {
                if (++malformed <= MAX_ERRORS) {
                    errors.add(new Problem.FieldError("numbers[" + i + "]",
                            Messages.BULK_REVOKE_NUMBER_INVALID.formatted(listed.get(i), problem.get())));
                }
            } else {
                numbers.add(normalized);
            }
        }
        if (malformed > 0) {
            throw new ApiException(ProblemType.VALIDATION,
                    Messages.BULK_REVOKE_NUMBERS_INVALID.formatted(malformed, errors.size()), null, errors);
        }
        List<String> distinct = List.copyOf(numbers);
        List<String> foreign = otherDepartments(distinct, dept);
        if (!foreign.isEmpty()) {
            throw ApiException.forbidden(Messages.BULK_REVOKE_OTHER_DEPARTMENT.formatted(foreign.size(), dept,
                    String.join("、", foreign.subList(0, Math.min(3, foreign.size())))));
        }
        return new RevocationSelection.Numbers(distinct);
    }

    /** Which of {@code numbers} are documents of another department (in number order). */
    private List<String> otherDepartments(List<String> numbers, String dept) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT number FROM proof WHERE number = ANY(?::text[]) AND issuer_dept <> ? ORDER BY number")) {
                ps.setArray(1, c.createArrayOf("text", numbers.toArray()));
                ps.setString(2, dept);
                List<String> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            }
        });
    }

    private RevocationSelection matter(BulkRevocationRequest.MatterSelector m, String dept) {
        if (m.code() == null || m.code().isBlank()) {
            throw ApiException.invalid("matter.code", Messages.BULK_REVOKE_MATTER_CODE_REQUIRED);
        }
        if (m.issuedFrom() == null || m.issuedTo() == null) {
            throw ApiException.invalid(m.issuedFrom() == null ? "matter.issuedFrom" : "matter.issuedTo",
                    Messages.BULK_REVOKE_DATES_REQUIRED);
        }
        if (m.issuedFrom().isAfter(m.issuedTo())) {
            throw ApiException.invalid("matter.issuedTo", Messages.BULK_REVOKE_DATES_INVERTED.formatted(m.issuedFrom(), m.issuedTo()));
        }
        String code = m.code().trim();
        MatterView matter = catalog.find(code)
                .orElseThrow(() -> ApiException.unprocessable(Messages.BULK_REVOKE_MATTER_UNKNOWN.formatted(code)));
        if (!dept.equals(matter.departmentCode())) {
            throw ApiException.forbidden(Messages.BULK_REVOKE_MATTER_OTHER_DEPARTMENT.formatted(matter.name(),
                    matter.departmentCode(), dept));
        }
        return new RevocationSelection.MatterIssued(code, m.issuedFrom().atStartOfDay(ControllableClock.ZONE).toInstant(),
                m.issuedTo().plusDays(1).atStartOfDay(ControllableClock.ZONE).toInstant());
    }

    private RevocationSelection key(BulkRevocationRequest.KeySelector k, String dept) {
        if (k.kid() == null || k.kid().isBlank()) {
            throw ApiException.invalid("key.kid", Messages.BULK_REVOKE_KID_REQUIRED);
        }
        if (k.from() == null) {
            throw ApiException.invalid("key.from", Messages.BULK_REVOKE_FROM_REQUIRED);
        }
        Instant now = clock.instant();
        if (k.from().isAfter(now)) {
            throw ApiException.invalid("key.from", Messages.BULK_REVOKE_FROM_FUTURE.formatted(k.from(), now));
        }
        String kid = k.kid().trim();
        KeyView key = keys.find(kid).orElseThrow(() -> ApiException.unprocessable(Messages.BULK_REVOKE_KID_UNKNOWN.formatted(kid)));
        if (!dept.equals(key.departmentCode())) {
            throw ApiException.forbidden(Messages.BULK_REVOKE_KID_OTHER_DEPARTMENT.formatted(kid, key.departmentCode(), dept));
        }
        // iat is in whole seconds: the second of the instant counts (as for a compromise)
        return new RevocationSelection.SignedBy(kid, k.from().truncatedTo(ChronoUnit.SECONDS));
    }

    private static BulkRevocationView view(UUID id, boolean preview, String dept, RevocationSelection selection,
            RevocationReason reason, Instant at, BulkRevocation.Outcome o) {
        Integer listed = null;
        Integer notFound = null;
        List<String> notFoundNumbers = null;
        if (selection instanceof RevocationSelection.Numbers n) {
            Set<String> missing = new LinkedHashSet<>(n.numbers());
            o.revoked().forEach(r -> missing.remove(r.number()));
            o.alreadyRevoked().forEach(missing::remove);
            o.superseded().forEach(missing::remove);
            o.disputed().forEach(missing::remove);
            listed = n.numbers().size();
            notFound = missing.size();
            notFoundNumbers = first(List.copyOf(missing), MAX_LISTED);
        }
        List<String> sample = preview ? first(o.revoked().stream().map(BulkRevocation.Revoked::number).toList(), MAX_SAMPLE) : null;
        return new BulkRevocationView(id, preview, dept, selection.name(), reason, at, listed, o.matched(), o.revoked().size(),
                o.alreadyRevoked().size(), o.superseded().size(), o.disputed().size(), notFound, sample,
                first(o.disputed(), MAX_LISTED), first(o.alreadyRevoked(), MAX_LISTED), notFoundNumbers,
                preview ? null : "/api/v1/status-lists/" + dept);
    }

    /** The first {@code max} of {@code numbers} in number order. */
    private static List<String> first(List<String> numbers, int max) {
        return numbers.stream().sorted().limit(max).toList();
    }
}
