package org.certfree.proofs.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/**
 * The rows of a job's items as the intake writes them: a batch per statement (arrays unnested in SQL, not a
 * statement per row), and the itemId rule applied in the same statements — an itemId is claimed within its department
 * by one PENDING or ISSUED item at a time (V43's partial unique index).
 */
@ApplicationScoped
public class IssuanceJobItemRows {

    @Inject
    PersonalDataProtector protector;

    @Inject
    ObjectMapper json;

    /**
     * Inserts a batch: items whose itemId is free become PENDING (or FAILED), and claim it; an itemId the department
     * already has PENDING or ISSUED makes a DUPLICATE of that item when the content is the same (the same MAC), or a
     * FAILED item naming it when not.
     */
    void store(Connection conn, UUID job, String department, List<IssuanceJobIntake.Line> batch, int[] counts) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        int n = batch.size();
        Integer[] seqs = new Integer[n];
        String[] ids = new String[n];
        String[] states = new String[n];
        String[] macs = new String[n];
        String[] bodies = new String[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            IssuanceJobIntake.Line l = batch.get(i);
            seqs[i] = l.seq();
            ids[i] = l.itemId();
            macs[i] = l.mac();
            states[i] = l.error() == null ? IssuanceJobItemState.PENDING.name() : IssuanceJobItemState.FAILED.name();
            bodies[i] = l.error() == null ? protector.encrypt(l.content(), IssuanceJobIntake.ITEM_PURPOSE) : null;
            errors[i] = l.error() == null ? null : write(l.error());
            if (l.error() != null) {
                counts[0]++;
            }
        }
        Set<Integer> inserted = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO issuance_job_item (job_id, seq, item_id, department, state, body_mac, body_enc, error)
                SELECT ?, u.seq, u.item_id, ?, u.state, u.mac, u.body, u.error
                  FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(seq, item_id, state, mac, body, error)
                ON CONFLICT (department, item_id) WHERE state IN ('PENDING', 'ISSUED') DO NOTHING
                RETURNING seq""")) {
            ps.setObject(1, job);
            ps.setString(2, department);
            ps.setArray(3, conn.createArrayOf("integer", seqs));
            ps.setArray(4, conn.createArrayOf("text", ids));
            ps.setArray(5, conn.createArrayOf("text", states));
            ps.setArray(6, conn.createArrayOf("text", macs));
            ps.setArray(7, conn.createArrayOf("text", bodies));
            ps.setArray(8, conn.createArrayOf("text", errors));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getInt(1));
                }
            }
        }
        List<IssuanceJobIntake.Line> taken = batch.stream().filter(l -> !inserted.contains(l.seq())).toList();
        if (taken.isEmpty()) {
            return;
        }
        // the items holding those itemIds now (this job's own earlier lines included: this transaction sees them)
        Map<String, Object[]> holders = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT item_id, job_id, seq, body_mac, state FROM issuance_job_item
                WHERE department = ? AND item_id = ANY(?::text[]) AND state IN ('PENDING', 'ISSUED')""")) {
            ps.setString(1, department);
            ps.setArray(2, conn.createArrayOf("text", taken.stream().map(IssuanceJobIntake.Line::itemId).toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.put(rs.getString(1), new Object[] { rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4) });
                }
            }
        }
        int m = taken.size();
        Integer[] dSeqs = new Integer[m];
        String[] dIds = new String[m];
        String[] dStates = new String[m];
        String[] dMacs = new String[m];
        String[] dJobs = new String[m];
        Integer[] dOf = new Integer[m];
        String[] dErrors = new String[m];
        for (int i = 0; i < m; i++) {
            IssuanceJobIntake.Line l = taken.get(i);
            Object[] holder = holders.get(l.itemId());
            if (holder == null) { // its holder failed or was cancelled since the insert: cannot happen in one statement's gap
                throw new IllegalStateException("itemId conflict without a holder in job " + job);
            }
            dSeqs[i] = l.seq();
            dIds[i] = l.itemId();
            dMacs[i] = l.mac();
            if (holder[2].equals(l.mac())) { // (a FAILED line never conflicts: it claims no itemId)
                dStates[i] = IssuanceJobItemState.DUPLICATE.name();
                dJobs[i] = holder[0].toString();
                dOf[i] = (Integer) holder[1];
                counts[1]++;
            } else {
                dStates[i] = IssuanceJobItemState.FAILED.name();
                dErrors[i] = write(IssuanceJobIntake.problem(ProblemType.DUPLICATE, Messages.BULK_ISSUE_ITEM_ID_REUSED.formatted(l.itemId(), holder[0],
                        holder[1]), List.of(new Problem.FieldError("itemId", Messages.BULK_ISSUE_ITEM_ID_REUSED.formatted(
                                l.itemId(), holder[0], holder[1])))));
                counts[0]++;
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO issuance_job_item (job_id, seq, item_id, department, state, body_mac, duplicate_job, duplicate_seq, error)
                SELECT ?, u.seq, u.item_id, ?, u.state, u.mac, u.dup_job::uuid, u.dup_seq, u.error
                  FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[])
                    AS u(seq, item_id, state, mac, dup_job, dup_seq, error)""")) {
            ps.setObject(1, job);
            ps.setString(2, department);
            ps.setArray(3, conn.createArrayOf("integer", dSeqs));
            ps.setArray(4, conn.createArrayOf("text", dIds));
            ps.setArray(5, conn.createArrayOf("text", dStates));
            ps.setArray(6, conn.createArrayOf("text", dMacs));
            ps.setArray(7, conn.createArrayOf("text", dJobs));
            ps.setArray(8, conn.createArrayOf("integer", dOf));
            ps.setArray(9, conn.createArrayOf("text", dErrors));
            ps.executeUpdate();
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
