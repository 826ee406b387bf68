package org.certfree.proofs.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.proof.dto.IssueProofRequest;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Issues one chunk of a bulk job per transaction: claims the next PENDING items of the oldest open job that no other
 * worker holds ({@code FOR UPDATE SKIP LOCKED}: two workers, on one replica or two, never claim the same item), issues
 * each exactly as a single issuance would ({@link IssuanceService#issuableBy}, {@link ProofSubject#of},
 * {@link IssuanceService#document}, {@link IssuanceService#storeAll}), and writes the items' outcomes and the job's
 * counts in the same transaction. A crash before the commit leaves the items PENDING and no proof of them; after it,
 * both are there: nothing is lost or issued twice.
 */
@ApplicationScoped
public class IssuanceJobChunks {

    /** Longest a chunk's transaction may run (a chunk of a few hundred items takes well under a second). */
    private static final int TIMEOUT_SECONDS = 600;

    @Inject
    DataSource db;

    @Inject
    EntityManager em;

    @Inject
    IssuanceService issuance;

    @Inject
    PersonalDataProtector protector;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Test seam: runs when a chunk's proofs and outcomes are written, before its transaction commits. */
    private volatile Consumer<UUID> beforeCommit = job -> {
    };

    /** Tests: what runs before each chunk's commit (a crash there is simulated by throwing). */
    void beforeCommit(Consumer<UUID> hook) {
        beforeCommit = hook;
    }

    private record Job(UUID id, String department, String submittedBy) {
    }

    private record Item(int seq, String itemId, String bodyEnc) {
    }

    /** A chunk that failed other than by a 4xx of one of its items: which items it held. */
    static final class ChunkFailed extends RuntimeException {
        final UUID job;
        final List<Integer> seqs;

        ChunkFailed(UUID job, List<Integer> seqs, RuntimeException cause) {
            super("issuing chunk of job " + job + " (lines " + seqs.get(0) + "–" + seqs.get(seqs.size() - 1) + ") failed", cause);
            this.job = job;
            this.seqs = seqs;
        }
    }

    /**
     * Claims and issues the next chunk of at most {@code size} items, in a transaction of its own; false when no
     * open job has an item left that no other worker holds. Throws {@link ChunkFailed} when the chunk rolled back.
     */
    boolean processNext(int size) {
        List<Integer> claimed = new ArrayList<>();
        UUID[] on = new UUID[1];
        try {
            return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
                try (Connection conn = db.getConnection()) {
                    for (Job job : openJobs(conn)) {
                        List<Item> items = claim(conn, job.id(), size);
                        if (!items.isEmpty()) {
                            on[0] = job.id();
                            items.forEach(i -> claimed.add(i.seq()));
                            process(conn, job, items);
                            beforeCommit.accept(job.id());
                            return true;
                        }
                    }
                    return false;
                }
            });
        } catch (RuntimeException e) {
            if (claimed.isEmpty()) {
                throw e;
            }
            throw new ChunkFailed(on[0], claimed, e);
        }
    }

    /**
     * Marks one item FAILED with {@code problem} when it is still PENDING (an item whose issuance fails every time for
     * a reason of ours, so its job can end); true when it was.
     */
    boolean fail(UUID job, int seq, Problem problem) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection conn = db.getConnection()) {
                try (PreparedStatement ps = conn.prepareStatement("""
                        UPDATE issuance_job_item SET state = 'FAILED', error = ?, body_enc = NULL
                        WHERE job_id = ? AND seq = ? AND state = 'PENDING'""")) {
                    ps.setString(1, write(problem));
                    ps.setObject(2, job);
                    ps.setInt(3, seq);
                    if (ps.executeUpdate() == 0) {
                        return false;
                    }
                }
                count(conn, job, 0, 1);
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<Job> openJobs(Connection conn) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT id, department, submitted_by FROM issuance_job
                WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at LIMIT 50""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
            }
        }
        return jobs;
    }

    private static List<Item> claim(Connection conn, UUID job, int size) throws SQLException {
        List<Item> items = new ArrayList<>(size);
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT seq, item_id, body_enc FROM issuance_job_item
                WHERE job_id = ? AND state = 'PENDING' ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setObject(1, job);
            ps.setInt(2, size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return items;
    }

    private void process(Connection conn, Job job, List<Item> items) throws SQLException {
        Caller actor = Caller.acting(job.submittedBy(), job.department(), Role.ISSUER);
        Instant now = clock.instant();
        int n = items.size();
        String[] states = new String[n];
        String[] numbers = new String[n];
        String[] errors = new String[n];
        Map<String, Object> matters = new HashMap<>(); // matter code → IssuableMatter, or the ApiException refusing it
        List<IssuanceService.Document> docs = new ArrayList<>(n);
        List<Integer> docItems = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            try {
                IssueProofRequest r = read(items.get(i));
                Object matter = matters.computeIfAbsent(r.matterCode(), code -> {
                    try {
                        return issuance.issuableBy(code, actor);
                    } catch (ApiException e) {
                        return e;
                    }
                });
                if (matter instanceof ApiException e) {
                    throw e;
                }
                ProofSubject subject = ProofSubject.of(r.subject(), "subject");
                docs.add(issuance.document((IssuableMatter) matter, subject, r.claims(), r.purpose(), r.validUntil(), null,
                        null, job.submittedBy(), now));
                docItems.add(i);
            } catch (ApiException e) {
                states[i] = IssuanceJobItemState.FAILED.name();
                errors[i] = write(IssuanceJobIntake.problem(e));
            }
        }
        if (!docs.isEmpty()) {
            try {
                List<Proof> proofs = issuance.storeAll(job.department(), docs, null, new IssuedRecords.Origin(actor, job.id()));
                for (int k = 0; k < proofs.size(); k++) {
                    states[docItems.get(k)] = IssuanceJobItemState.ISSUED.name();
                    numbers[docItems.get(k)] = proofs.get(k).number;
                }
            } catch (ApiException e) { // the department cannot issue now at all (no longer an active issuer)
                String error = write(IssuanceJobIntake.problem(e));
                for (int k : docItems) {
                    states[k] = IssuanceJobItemState.FAILED.name();
                    errors[k] = error;
                }
            }
        }
        em.flush(); // the proofs and audit rows, in batches, before the items that name them
        Integer[] seqs = items.stream().map(Item::seq).toArray(Integer[]::new);
        try (PreparedStatement ps = conn.prepareStatement("""
                UPDATE issuance_job_item i SET state = u.state, proof_number = u.number, error = u.error, body_enc = NULL
                  FROM unnest(?::int[], ?::text[], ?::text[], ?::text[]) AS u(seq, state, number, error)
                 WHERE i.job_id = ? AND i.seq = u.seq""")) {
            ps.setArray(1, conn.createArrayOf("integer", seqs));
            ps.setArray(2, conn.createArrayOf("text", states));
            ps.setArray(3, conn.createArrayOf("text", numbers));
            ps.setArray(4, conn.createArrayOf("text", errors));
            ps.setObject(5, job.id());
            ps.executeUpdate();
        }
        int issued = docs.isEmpty() || numbers[docItems.get(0)] == null ? 0 : docs.size();
        count(conn, job.id(), issued, n - issued);
    }

    /** Adds a chunk's outcomes to its job's counts; the chunk that decides the last item ends the job. */
    private void count(Connection conn, UUID job, int issued, int failed) throws SQLException {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (PreparedStatement ps = conn.prepareStatement("""
                UPDATE issuance_job SET done = done + ?, issued = issued + ?, failed = failed + ?,
                    started_at = coalesce(started_at, ?),
                    status = CASE WHEN status = 'CANCELLED' THEN status WHEN done + ? >= total THEN 'DONE' ELSE 'RUNNING' END,
                    finished_at = CASE WHEN status = 'CANCELLED' THEN finished_at WHEN done + ? >= total THEN ? END
                WHERE id = ?
                RETURNING status, department, total, issued, failed, duplicates""")) {
            int done = issued + failed;
            ps.setInt(1, done);
            ps.setInt(2, issued);
            ps.setInt(3, failed);
            ps.setObject(4, at);
            ps.setInt(5, done);
            ps.setInt(6, done);
            ps.setObject(7, at);
            ps.setObject(8, job);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && "DONE".equals(rs.getString(1))) {
                    BusinessEvents.log("issuance-job.done", "dept", rs.getString(2), "job", job, "items", rs.getInt(3),
                            "issued", rs.getInt(4), "failed", rs.getInt(5), "duplicates", rs.getInt(6), "outcome", "ok");
                }
            }
        }
    }

    private IssueProofRequest read(Item item) {
        try {
            return json.readValue(protector.decrypt(item.bodyEnc(), IssuanceJobIntake.ITEM_PURPOSE), IssueProofRequest.class);
        } catch (JsonProcessingException e) { // it was read at intake: the stored form is ours
            throw new IllegalStateException("stored item " + item.seq() + " does not read back", e);
        }
    }

    private String write(Problem p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
