package org.certfree.proofs.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.certfree.proofs.audit.dto.AuditEventView;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/** Reading the audit log: ADMIN and the justice bureau's staff, filtered, newest first; CSV export (itself audited). */
@ApplicationScoped
public class AuditLog {

    /** Most rows one CSV export holds. */
    static final int MAX_EXPORT = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char BOM = '\uFEFF';

    @Inject
    DepartmentService departments;

    @Inject
    StaffActions staffActions;

    /** 403 unless the caller is ADMIN or staff of the justice bureau (an active REVIEWER department). */
    public void requireReader(Caller caller) {
        if (!caller.has(Role.ADMIN)) {
            departments.requireRole(caller.department().orElse(null), DepartmentRole.REVIEWER, Messages.AUDIT_NOT_JUSTICE);
        }
    }

    @Transactional
    public Page<AuditEventView> list(Caller caller, AuditFilter filter, PageRequest page) {
        requireReader(caller);
        PanacheQuery<AuditEvent> q = query(filter);
        long total = q.count();
        return new Page<>(q.page(page.page(), page.size()).list().stream().map(AuditLog::view).toList(), page.page(),
                page.size(), total);
    }

    /** The matching events as CSV (UTF-8 with a BOM, newest first); the export is itself recorded. */
    @Transactional
    public byte[] exportCsv(Caller caller, AuditFilter filter) {
        requireReader(caller);
        PanacheQuery<AuditEvent> q = query(filter);
        long total = q.count();
        if (total > MAX_EXPORT) {
            throw new ApiException(ProblemType.UNPROCESSABLE, Messages.AUDIT_EXPORT_TOO_LARGE.formatted(total, MAX_EXPORT));
        }
        List<AuditEvent> rows = q.list();
        staffActions.record(caller, "audit-log.exported", null, "audit-log", null, "rows", rows.size(), "actor",
                filter.actor(),
                "action", filter.action(), "department", filter.department(), "from", filter.from(), "to", filter.to());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write(BOM);
            CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(Messages.AUDIT_EXPORT_COLUMNS.toArray(String[]::new)).get()
                    .print(writer);
            for (AuditEvent e : rows) {
                csv.printRecord(e.at, e.actor, e.actorDepartment, e.action, e.department, e.targetType, e.targetId, e.outcome,
                        e.details, e.correlationId, e.id);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PanacheQuery<AuditEvent> query(AuditFilter f) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.actor() != null) {
            where.add("actor = :actor");
            params.and("actor", f.actor());
        }
        if (f.action() != null) {
            where.add("action = :action");
            params.and("action", f.action());
        }
        if (f.department() != null) {
            where.add("(department = :department or actorDepartment = :department)");
            params.and("department", f.department());
        }
        if (f.from() != null) {
            where.add("at >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.add("at < :to");
            params.and("to", f.to());
        }
        return AuditEvent.find(String.join(" and ", where), Sort.descending("at", "id"), params);
    }

    private static AuditEventView view(AuditEvent e) {
        Map<String, String> details;
        try {
            details = JSON.readValue(e.details, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException ex) {
            details = Map.of();
        }
        return new AuditEventView(e.id, e.at, e.actor, e.actorDepartment, e.action, e.department, e.targetType, e.targetId,
                e.outcome, details, e.correlationId);
    }
}
