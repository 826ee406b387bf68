package org.certfree.proofs.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.catalog.dto.MatterView;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.publication.ListHistory;
import org.certfree.proofs.supervision.dto.ComplaintCloseInput;
import org.certfree.proofs.supervision.dto.ComplaintInput;
import org.certfree.proofs.supervision.dto.ComplaintSummary;
import org.certfree.proofs.supervision.dto.ComplaintView;
import org.certfree.proofs.system.access.AccessKind;
import org.certfree.proofs.system.access.HolderAccess;
import org.certfree.proofs.system.access.HolderAccessLog;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;

/**
 * Complaints that a unit demanded a proof (违规索要证明, issue #15, 3). A citizen files one; the list state of
 * the matter at the demand date is attached as evidence; the justice bureau investigates and closes it FOUNDED
 * (a finding against the unit) or DISMISSED. The unit sees complaints against it only once closed, without the
 * description or anything naming the complainant.
 */
@ApplicationScoped
public class ComplaintService {

    public static final String PATH = "/api/v1/complaints/";
    static final String DESCRIPTION = "demand_complaint.description";
    static final String OUTCOME = "demand_complaint.outcome";

    @Inject
    ListHistory history;

    @Inject
    CatalogService catalog;

    @Inject
    DepartmentService departments;

    @Inject
    JusticeBureau justice;

    @Inject
    PersonalDataProtector protector;

    @Inject
    StaffActions staffActions;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    HolderAccessLog accessLog;

    @Transactional
    public ComplaintView file(ComplaintInput in, Caller caller) {
        String unit = in.departmentCode().trim();
        if (departments.find(unit).isEmpty()) {
            throw ApiException.unprocessable(Messages.COMPLAINT_UNIT_UNKNOWN.formatted(unit));
        }
        if (in.demandedOn().isAfter(LocalDate.now(clock.withZone(ControllableClock.ZONE)))) {
            throw ApiException.invalid("demandedOn", Messages.COMPLAINT_DATE_FUTURE);
        }
        DemandComplaint c = new DemandComplaint();
        String code = in.matterCode() == null || in.matterCode().isBlank() ? null : in.matterCode().trim();
        if (code != null) {
            MatterView m = catalog.find(code)
                    .orElseThrow(() -> ApiException.unprocessable(Messages.COMPLAINT_MATTER_UNKNOWN.formatted(code)));
            c.matterCode = code;
            c.matterName = m.name();
            c.evidence = history.at(code, in.demandedOn()).map(this::text).orElse(null);
        } else if (in.matterName() == null || in.matterName().isBlank()) {
            throw ApiException.invalid("matterCode", Messages.COMPLAINT_MATTER_REQUIRED);
        } else {
            c.matterName = in.matterName().trim();
        }
        c.id = UUID.randomUUID();
        c.departmentCode = unit;
        c.ground = in.ground();
        c.demandedOn = in.demandedOn();
        c.descriptionEnc = protector.encrypt(in.description().trim(), DESCRIPTION);
        c.complainant = caller.actor();
        c.filedAt = clock.instant();
        c.status = ComplaintStatus.ASSIGNED;
        c.persist();
        DemandComplaint.getEntityManager().flush();
        staffActions.record(caller, "complaint.filed", unit, "complaint", c.id, "ground", c.ground, "matter", c.matterCode);
        return view(c, Audience.COMPLAINANT, true);
    }

    /** The justice bureau and ADMIN: all; a citizen: their own; staff: the closed complaints against their department. */
    @Transactional
    public Page<ComplaintView> list(ComplaintStatus status, String department, Caller caller, PageRequest page) {
        Audience audience = audience(caller);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        switch (audience) {
            case BUREAU -> {
                if (department != null) {
                    where.add("departmentCode = :unit");
                    params.put("unit", department);
                }
            }
            case COMPLAINANT -> {
                where.add("complainant = :actor");
                params.put("actor", caller.actor());
            }
            case UNIT -> {
                where.add("departmentCode = :unit and status in :closed");
                params.put("unit", caller.department().orElse("-"));
                params.put("closed", List.of(ComplaintStatus.FOUNDED, ComplaintStatus.DISMISSED));
            }
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = DemandComplaint.<DemandComplaint>find(query, Sort.descending("filedAt").and("id"), params);
        long total = found.count();
        List<ComplaintView> items = found.page(page.page(), page.size()).list().stream().map(c -> view(c, audience, audience == Audience.COMPLAINANT)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    public ComplaintView get(UUID id, Caller caller) {
        DemandComplaint c = require(id);
        Audience audience = audience(caller);
        boolean visible = switch (audience) {
            case BUREAU -> true;
            case COMPLAINANT -> c.complainant.equals(caller.actor());
            case UNIT -> c.status.closed() && caller.actsFor(c.departmentCode);
        };
        if (!visible) {
            throw ApiException.forbidden(Messages.COMPLAINT_NOT_VISIBLE);
        }
        if (audience == Audience.BUREAU && c.complainant.startsWith(Caller.HOLDER_ACTOR_PREFIX)) {
            // the description is the complainant's account: each read by the bureau is in their access log
            accessLog.record(new HolderAccess(clock.instant(), c.complainant.substring(Caller.HOLDER_ACTOR_PREFIX.length()),
                    AccessKind.COMPLAINT_READ, caller.department().orElse(null), caller.actor(), null, null, null, null,
                    Map.of("complaint", c.id.toString())));
        }
        return view(c, audience, audience != Audience.UNIT);
    }

    @Transactional
    public ComplaintView investigate(UUID id, Integer version, Caller caller) {
        justice.requireSupervisor(caller);
        DemandComplaint c = require(id);
        // nobody handles a complaint against their own department: one against the bureau is ADMIN's
        justice.requireHandler(caller, c.departmentCode, Messages.COMPLAINT_OWN_DEPARTMENT);
        JusticeBureau.requireVersion(version, c.lockVersion);
        if (c.status != ComplaintStatus.ASSIGNED) {
            throw ApiException.conflict(Messages.COMPLAINT_WRONG_STATE.formatted(c.status, "开始调查"));
        }
        c.status = ComplaintStatus.INVESTIGATING;
        c.investigator = caller.subject();
        DemandComplaint.getEntityManager().flush();
        staffActions.record(caller, "complaint.investigating", c.departmentCode, "complaint", c.id);
        return view(c, Audience.BUREAU, false);
    }

    @Transactional
    public ComplaintView close(UUID id, ComplaintCloseInput in, Caller caller) {
        justice.requireSupervisor(caller);
        DemandComplaint c = require(id);
        // nobody handles a complaint against their own department: one against the bureau is ADMIN's
        justice.requireHandler(caller, c.departmentCode, Messages.COMPLAINT_OWN_DEPARTMENT);
        JusticeBureau.requireVersion(in.version(), c.lockVersion);
        if (!in.outcome().closed()) {
            throw ApiException.invalid("outcome", Messages.COMPLAINT_OUTCOME_REQUIRED);
        }
        if (c.status.closed()) {
            throw ApiException.conflict(Messages.COMPLAINT_WRONG_STATE.formatted(c.status, "办结"));
        }
        c.status = in.outcome();
        c.outcomeEnc = protector.encrypt(in.text().trim(), OUTCOME);
        if (c.investigator == null) {
            c.investigator = caller.subject();
        }
        c.closedBy = caller.subject();
        c.closedAt = clock.instant();
        DemandComplaint.getEntityManager().flush();
        staffActions.record(caller, "complaint.closed", c.departmentCode, "complaint", c.id, "outcome", c.status);
        return view(c, Audience.BUREAU, false);
    }

    /** Complaints filed from the start of {@code from} to the end of {@code to} (China Standard Time), per unit. */
    @Transactional
    public ComplaintSummary summary(LocalDate from, LocalDate to, Caller caller) {
        justice.requireSupervisor(caller);
        if (from == null || to == null || from.isAfter(to)) {
            throw ApiException.badParameter("from", Messages.COMPLAINT_PERIOD_REQUIRED);
        }
        Instant start = from.atStartOfDay(ControllableClock.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ControllableClock.ZONE).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = DemandComplaint.getEntityManager().createQuery("""
                select c.departmentCode, count(c),
                       sum(case when c.status = :founded then 1 else 0 end),
                       sum(case when c.status = :dismissed then 1 else 0 end)
                from DemandComplaint c where c.filedAt >= :start and c.filedAt < :end
                group by c.departmentCode order by c.departmentCode""")
                .setParameter("founded", ComplaintStatus.FOUNDED).setParameter("dismissed", ComplaintStatus.DISMISSED)
                .setParameter("start", start).setParameter("end", end).getResultList();
        List<ComplaintSummary.Unit> units = rows.stream().map(r -> {
            String unit = (String) r[0];
            long received = ((Number) r[1]).longValue();
            long founded = ((Number) r[2]).longValue();
            long dismissed = ((Number) r[3]).longValue();
            return new ComplaintSummary.Unit(unit, departments.find(unit).map(DepartmentView::name).orElse(unit), received,
                    founded, dismissed, received - founded - dismissed);
        }).toList();
        return new ComplaintSummary(from, to, units);
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence not writable", e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence not readable", e);
        }
    }

    private enum Audience { BUREAU, COMPLAINANT, UNIT }

    private Audience audience(Caller caller) {
        if (justice.supervises(caller)) {
            return Audience.BUREAU;
        }
        return caller.has(Role.CITIZEN) ? Audience.COMPLAINANT : Audience.UNIT;
    }

    private static DemandComplaint require(UUID id) {
        DemandComplaint c = DemandComplaint.findById(id);
        if (c == null) {
            throw ApiException.notFound(Messages.COMPLAINT_NOT_FOUND.formatted(id));
        }
        return c;
    }

    /**
     * The complaint as {@code audience} sees it; {@code withDescription}: with the complainant's account, which
     * the bureau reads one complaint at a time ({@link #get}, logged for the complainant), never in a list.
     */
    private ComplaintView view(DemandComplaint c, Audience audience, boolean withDescription) {
        boolean unit = audience == Audience.UNIT;
        return new ComplaintView(c.id, c.departmentCode, departments.find(c.departmentCode).map(DepartmentView::name).orElse(null),
                c.matterCode, c.matterName, c.ground, c.demandedOn,
                unit || !withDescription ? null : protector.decrypt(c.descriptionEnc, DESCRIPTION), tree(c.evidence), c.status, c.filedAt,
                unit || audience == Audience.COMPLAINANT ? null : c.investigator,
                protector.decrypt(c.outcomeEnc, OUTCOME), c.closedAt, c.lockVersion);
    }
}
