package org.certfree.proofs.verification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.verification.dto.AccessLogEntry;

/**
 * The holder's "who saw my data": every verification and retrieval of their proofs (the
 * {@code verification} table) and every other read of, or action on, their data by someone else
 * ({@code holder_access}), newest first, as one listing paged in SQL.
 */
@ApplicationScoped
public class AccessLogService {

    /**
     * Both logs as one (UNION ALL), newest first; ties broken by id so pages never overlap. Each branch
     * reads its holder index, (subject_id_index, time DESC), so a page is a merge of two index scans.
     */
    private static final String PAGE = """
            SELECT id, at, unit_code, actor, proof_number, purpose, service_matter, indication, retrieved, kind,
                   request_id, consent_id, details
            FROM (SELECT id, verified_at AS at, unit_code, verifier AS actor, proof_number, purpose, service_matter,
                         indication, retrieved,
                         CASE WHEN presented = 'OFD' THEN 'OFD_VERIFICATION' END::varchar AS kind,
                         NULL::uuid AS request_id, consent_id,
                         NULL::text AS details
                  FROM verification WHERE subject_id_index = ?
                  UNION ALL
                  SELECT id, at, unit_code, actor, proof_number, purpose, NULL, NULL, kind = 'RETRIEVAL', kind,
                         request_id, consent_id, details
                  FROM holder_access WHERE subject_id_index = ?) entry
            ORDER BY at DESC, id DESC
            LIMIT ? OFFSET ?""";

    private static final String COUNT = """
            SELECT (SELECT count(*) FROM verification WHERE subject_id_index = ?)
                 + (SELECT count(*) FROM holder_access WHERE subject_id_index = ?)""";

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    @Inject
    DataSource db;

    @Inject
    DepartmentService departments;

    @Inject
    HolderIndex holders;

    @Inject
    ObjectMapper json;

    /** A citizen's access log: everything others did with their data, newest first. */
    public Page<AccessLogEntry> of(Caller caller, PageRequest page) {
        String holder = holders.of(caller.subject());
        Map<String, String> names = new HashMap<>();
        List<AccessLogEntry> items = new ArrayList<>();
        long total;
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(PAGE)) {
                ps.setString(1, holder);
                ps.setString(2, holder);
                ps.setInt(3, page.size());
                ps.setInt(4, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(entry(rs, names));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(COUNT)) {
                ps.setString(1, holder);
                ps.setString(2, holder);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a holder's access log failed", e);
        }
        return new Page<>(items, page.page(), page.size(), total);
    }

    private AccessLogEntry entry(ResultSet rs, Map<String, String> names) throws SQLException {
        String unit = rs.getString("unit_code");
        String unitName = unit == null ? null
                : names.computeIfAbsent(unit, u -> departments.find(u).map(DepartmentView::name).orElse(u));
        String indication = rs.getString("indication");
        String kind = rs.getString("kind");
        boolean retrieved = rs.getBoolean("retrieved");
        AccessKind what = kind != null ? AccessKind.valueOf(kind) : retrieved ? AccessKind.RETRIEVAL : AccessKind.VERIFICATION;
        return new AccessLogEntry(rs.getObject("at", OffsetDateTime.class).toInstant(), unit, unitName,
                rs.getString("proof_number"), rs.getString("purpose"), rs.getString("service_matter"),
                indication == null ? null : Indication.valueOf(indication), retrieved, what, what.chinese(),
                rs.getString("actor"), rs.getObject("request_id", UUID.class), rs.getObject("consent_id", UUID.class),
                details(rs.getString("details")));
    }

    private Map<String, String> details(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, DETAILS);
        } catch (IOException e) {
            throw new IllegalStateException("a holder_access row's details are not a JSON object of strings", e);
        }
    }
}
