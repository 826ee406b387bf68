package org.certfree.proofs.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.proof.dto.IssuanceJobView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;

/**
 * Bulk issuance jobs (批量开具) as their department sees them: taking one in ({@link IssuanceJobIntake}), its progress,
 * the department's list, cancelling, and the results stream. A job is its department's alone: any other caller is
 * told it does not exist (404), so job ids reveal nothing across departments. Issuing is {@link IssuanceJobWorker}'s.
 */
@ApplicationScoped
public class IssuanceJobs {

    public static final String PATH = "/api/v1/issuance-jobs/";

    /** Failed items shown with a job's progress; all of them are in its results ({@code status=FAILED}). */
    static final int ERRORS_SHOWN = 20;

    @Inject
    IssuanceJobIntake intake;

    @Inject
    IssuanceJobWorker worker;

    @Inject
    IssuanceJobResults resultRows;

    @Inject
    DataSource db;

    @Inject
    PersonalDataProtector protector;

    @Inject
    ObjectMapper json;

    @Inject
    StaffActions staffActions;

    @Inject
    Clock clock;

    private record JobRow(UUID id, String department, String submittedBy, IssuanceJobStatus status, int total, int done,
            int issued, int failed, int duplicates, int cancelled, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    private static final String JOB_COLUMNS = """
            id, department, submitted_by, status, total, done, issued, failed, duplicates, cancelled, created_at,
            started_at, finished_at""";

    /**
     * Takes a job in: stores every line of {@code body} in the caller's transaction (see {@link IssuanceJobIntake}) and
     * records the submission; the workers are woken once the caller's transaction has committed ({@link #started}).
     */
    public IssuanceJobView submit(InputStream body, Caller caller) {
        String department = department(caller);
        UUID id = UUID.randomUUID();
        IssuanceJobIntake.Received r = intake.receive(id, department, caller.subject(), body);
        staffActions.record(caller, "issuance-job.submitted", department, "issuance-job", id, "items", r.total(),
                "failed", r.failed(), "duplicates", r.duplicates());
        BusinessEvents.log("issuance-job.submitted", "dept", department, "job", id, "items", r.total(), "failed", r.failed(),
                "duplicates", r.duplicates(), "outcome", "ok");
        return view(query(id).orElseThrow(), true);
    }

    /** After a submission committed: this replica's workers start on it at once (others find it at their next poll). */
    public void started() {
        worker.wake();
    }

    /** A job of the caller's department, with its first failed items; 404 for any other. */
    @Transactional
    public IssuanceJobView find(String id, Caller caller) {
        return view(require(id, caller), true);
    }

    /** The department's jobs, newest first. */
    @Transactional
    public Page<IssuanceJobView> list(Caller caller, PageRequest page) {
        String department = department(caller);
        List<IssuanceJobView> items = new ArrayList<>();
        long total;
        try (Connection conn = db.getConnection()) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + JOB_COLUMNS
                    + " FROM issuance_job WHERE department = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")) {
                ps.setString(1, department);
                ps.setInt(2, page.size());
                ps.setInt(3, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(job(rs), false));
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM issuance_job WHERE department = ?")) {
                ps.setString(1, department);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * Cancels a job that has not ended: its items not yet issued become CANCELLED and never will be; what was issued
     * stays (revoke it like any proof). A chunk being issued finishes first (its items are locked until it commits).
     */
    @Transactional
    public IssuanceJobView cancel(String id, Caller caller) {
        JobRow job = require(id, caller);
        if (job.status().finished()) {
            throw ApiException.conflict(Messages.BULK_ISSUE_NOT_CANCELLABLE.formatted(job.id(), job.status().chinese()));
        }
        try (Connection conn = db.getConnection()) {
            int n;
            // the items first, then the job row: the order a chunk takes them in, so the two never deadlock
            try (PreparedStatement ps = conn.prepareStatement("""
                    UPDATE issuance_job_item SET state = 'CANCELLED', body_enc = NULL WHERE job_id = ? AND state = 'PENDING'""")) {
                ps.setObject(1, job.id());
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    UPDATE issuance_job SET cancelled = cancelled + ?, done = done + ?, status = 'CANCELLED',
                        finished_at = ?, cancelled_by = ?
                    WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""")) {
                ps.setInt(1, n);
                ps.setInt(2, n);
                ps.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.setString(4, caller.subject());
                ps.setObject(5, job.id());
                if (ps.executeUpdate() == 0) { // its last chunk ended it meanwhile
                    JobRow now = query(job.id()).orElseThrow();
                    throw ApiException.conflict(Messages.BULK_ISSUE_NOT_CANCELLABLE.formatted(job.id(), now.status().chinese()));
                }
            }
            staffActions.record(caller, "issuance-job.cancelled", job.department(), "issuance-job", job.id(), "cancelled", n);
            BusinessEvents.log("issuance-job.cancelled", "dept", job.department(), "job", job.id(), "cancelled", n, "outcome", "ok");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return view(query(job.id()).orElseThrow(), true);
    }

    /**
     * Checks the caller may read job {@code id}'s results and records the read (the results carry verification codes);
     * the returned writer streams them as NDJSON ({@link IssuanceJobResults}), from the line after
     * {@code after}, only items in {@code state} when given.
     */
    public IssuanceJobResults.ResultsWriter results(String id, Caller caller, Integer after, IssuanceJobItemState state) {
        if (after != null && after < 0) {
            throw ApiException.badParameter("after", Messages.BULK_ISSUE_BAD_AFTER);
        }
        JobRow job = QuarkusTransaction.requiringNew().call(() -> require(id, caller));
        staffActions.record(caller, "issuance-job.results-read", job.department(), "issuance-job", job.id(), "after", after,
                "status", state);
        return resultRows.writer(job.id(), after == null ? 0 : after, state);
    }

    private static String department(Caller caller) {
        return caller.department().orElseThrow(() -> ApiException.forbidden(Messages.FORBIDDEN_DEPARTMENT.formatted("-", "-")));
    }

    /** The job if it is the caller's department's; 404 otherwise (also for an id that is no UUID: 400). */
    private JobRow require(String id, Caller caller) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("id", Messages.BULK_ISSUE_JOB_ID_INVALID.formatted(id));
        }
        return query(uuid).filter(j -> caller.actsFor(j.department()))
                .orElseThrow(() -> ApiException.notFound(Messages.BULK_ISSUE_JOB_NOT_FOUND.formatted(uuid)));
    }

    private java.util.Optional<JobRow> query(UUID id) {
        try (Connection conn = db.getConnection();
                PreparedStatement ps = conn.prepareStatement("SELECT " + JOB_COLUMNS + " FROM issuance_job WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(job(rs)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JobRow job(ResultSet rs) throws SQLException {
        return new JobRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                IssuanceJobStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getInt(9), rs.getInt(10), instant(rs, 11), instant(rs, 12), instant(rs, 13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private IssuanceJobView view(JobRow j, boolean withErrors) {
        List<IssuanceJobView.ItemError> errors = null;
        if (withErrors && j.failed() > 0) {
            errors = new ArrayList<>();
            try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement("""
                    SELECT seq, item_id, error FROM issuance_job_item WHERE job_id = ? AND state = 'FAILED' ORDER BY seq LIMIT ?""")) {
                ps.setObject(1, j.id());
                ps.setInt(2, ERRORS_SHOWN);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        errors.add(new IssuanceJobView.ItemError(rs.getInt(1), rs.getString(2), problem(rs.getString(3))));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        String self = PATH + j.id();
        return new IssuanceJobView(j.id(), j.department(), j.status(), j.status().chinese(), j.total(), j.done(), j.issued(),
                j.failed(), j.duplicates(), j.cancelled(), j.done() + "/" + j.total(), j.submittedBy(), j.createdAt(),
                j.startedAt(), j.finishedAt(), errors,
                new IssuanceJobView.Links(self, self + "/results", self + "/results?status=FAILED"));
    }

    private Problem problem(String stored) {
        try {
            return json.readValue(stored, Problem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored problem does not read back", e);
        }
    }
}
