package org.certfree.proofs.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.proof.dto.IssuanceJobResult;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/**
 * A job's results as NDJSON, read {@value #RESULTS_PAGE} rows per transaction by line number (so a 100,000-item job
 * is never in memory, and a broken download resumes after its last line): each item's outcome, with the proof's
 * number and decrypted verification code for an issued one (a duplicate's from the item it repeats), the problem
 * for a failed one. Who may read them is {@link IssuanceJobs#results}' to decide.
 */
@ApplicationScoped
public class IssuanceJobResults {

    /** Rows read per transaction while streaming results. */
    static final int RESULTS_PAGE = 1000;

    @Inject
    DataSource db;

    @Inject
    PersonalDataProtector protector;

    @Inject
    ObjectMapper json;

    /** The results of {@code job} from the line after {@code after}, only items in {@code state} when given. */
    ResultsWriter writer(UUID job, int after, IssuanceJobItemState state) {
        return new ResultsWriter(job, after, state);
    }

    /** Writes a job's results as NDJSON, one {@link IssuanceJobResult} per line, never more than a page in memory. */
    public final class ResultsWriter {
        private final UUID job;
        private final int after;
        private final IssuanceJobItemState state;

        private ResultsWriter(UUID job, int after, IssuanceJobItemState state) {
            this.job = job;
            this.after = after;
            this.state = state;
        }

        public void write(OutputStream out) {
            int cursor = after;
            try {
                while (true) {
                    int from = cursor;
                    List<IssuanceJobResult> page = QuarkusTransaction.requiringNew().call(() -> page(job, from, state));
                    for (IssuanceJobResult r : page) {
                        out.write(json.writeValueAsBytes(r));
                        out.write('\n');
                        cursor = r.line();
                    }
                    out.flush();
                    if (page.size() < RESULTS_PAGE) {
                        return;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<IssuanceJobResult> page(UUID job, int after, IssuanceJobItemState state) {
        List<IssuanceJobResult> out = new ArrayList<>();
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement("""
                SELECT i.seq, i.item_id, i.state, coalesce(i.proof_number, o.proof_number), i.error, i.duplicate_job,
                       i.duplicate_seq, o.state, o.error, p.code_enc, p.issued_at, p.valid_until
                  FROM issuance_job_item i
                  LEFT JOIN issuance_job_item o ON o.job_id = i.duplicate_job AND o.seq = i.duplicate_seq
                  LEFT JOIN proof p ON p.number = coalesce(i.proof_number, o.proof_number)
                 WHERE i.job_id = ? AND i.seq > ? AND (CAST(? AS varchar) IS NULL OR i.state = ?)
                 ORDER BY i.seq LIMIT ?""")) {
            ps.setObject(1, job);
            ps.setInt(2, after);
            ps.setString(3, state == null ? null : state.name());
            ps.setString(4, state == null ? null : state.name());
            ps.setInt(5, RESULTS_PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IssuanceJobItemState s = IssuanceJobItemState.valueOf(rs.getString(3));
                    String number = rs.getString(4);
                    String codeEnc = rs.getString(10);
                    IssuanceJobResult.Original original = null;
                    String error = rs.getString(5);
                    if (s == IssuanceJobItemState.DUPLICATE) {
                        IssuanceJobItemState o = rs.getString(8) == null ? null : IssuanceJobItemState.valueOf(rs.getString(8));
                        original = new IssuanceJobResult.Original(rs.getObject(6, UUID.class), rs.getInt(7), o);
                        error = rs.getString(9);
                    }
                    out.add(new IssuanceJobResult(rs.getInt(1), rs.getString(2), s, number,
                            codeEnc == null ? null : protector.decrypt(codeEnc, IssuanceService.CODE),
                            instant(rs, 11), instant(rs, 12), number == null ? null : ProofQueries.PATH + number, original,
                            error == null ? null : problem(error)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private Problem problem(String stored) {
        try {
            return json.readValue(stored, Problem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored problem does not read back", e);
        }
    }
}
