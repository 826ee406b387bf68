package org.certfree.proofs.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.commitment.PledgeNumbers;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.proof.IssuedNumbers;
import org.certfree.proofs.publication.TransparencyLog;
import org.certfree.proofs.publication.dto.TreeHeadView;
import org.certfree.proofs.stats.dto.DrawInput;
import org.certfree.proofs.stats.dto.DrawView;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.verification.VerificationIds;

/**
 * 随机抽查 (issue #15, item 7): the justice bureau draws proofs, pledges or verifications of a department and
 * period, in an order fixed by the latest signed tree head of the publication log (see {@link DrawOrder}), so
 * the inspected department cannot choose what is inspected. Later draws of the same kind, department and period
 * keep the first one's seed, so the bureau cannot draw again until it likes the sample either: a larger size
 * extends it. The candidates come from the owning features.
 */
@ApplicationScoped
public class InspectionDrawService {

    public static final String PATH = "/api/v1/inspection-draws/";

    static final int MAX_SIZE = 500;

    @Inject
    StatsAccess access;

    @Inject
    DepartmentService departments;

    @Inject
    TransparencyLog log;

    @Inject
    IssuedNumbers proofs;

    @Inject
    PledgeNumbers pledges;

    @Inject
    VerificationIds verifications;

    @Inject
    StaffActions staffActions;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Transactional
    public DrawView draw(DrawInput in, Caller caller) {
        access.requireSupervisor(caller);
        if (in.size() < 1 || in.size() > MAX_SIZE) {
            throw ApiException.invalid("size", Messages.DRAW_SIZE_RANGE.formatted(1, MAX_SIZE));
        }
        Period period = Period.parse(in.from(), in.to(), clock);
        // only a closed period: while it is open the department could still add items that rank first
        LocalDate today = LocalDate.now(clock.withZone(ControllableClock.ZONE));
        if (!period.to().isBefore(today)) {
            throw ApiException.invalid("to", Messages.DRAW_PERIOD_OPEN.formatted(today.minusDays(1)));
        }
        String dept = in.department().trim();
        if (departments.find(dept).isEmpty()) {
            throw ApiException.notFound(Messages.STATS_UNKNOWN_DEPARTMENT.formatted(dept));
        }
        // one first draw per kind, department and period, also across replicas
        InspectionDraw.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "inspection-draw:" + in.kind() + ":" + dept + ":" + period.from() + ":" + period.to())
                .getSingleResult();
        // the seed of the first draw of this kind, department and period, for every later one: a repeat can
        // enlarge the sample (the order is the same, so it extends the first) but never shuffle it
        InspectionDraw first = InspectionDraw.<InspectionDraw>find(
                "kind = ?1 and department = ?2 and periodFrom = ?3 and periodTo = ?4 order by drawnAt, id",
                in.kind(), dept, period.from(), period.to()).firstResult();
        int seedSize;
        String seedRoot;
        if (first != null) {
            seedSize = first.seedTreeSize;
            seedRoot = first.seedRootHash;
        } else {
            TreeHeadView head;
            try {
                head = log.treeHead(null);
            } catch (ApiException e) {
                throw ApiException.conflict(Messages.DRAW_NO_SEED);
            }
            seedSize = head.treeSize();
            seedRoot = head.rootHash();
        }
        List<String> candidates = switch (in.kind()) {
            case PROOF -> proofs.issued(dept, period.start(), period.end());
            case PLEDGE -> pledges.pledged(dept, period.start(), period.end());
            case VERIFICATION -> verifications.made(dept, period.start(), period.end());
        };
        InspectionDraw d = new InspectionDraw();
        d.id = UUID.randomUUID();
        d.kind = in.kind();
        d.department = dept;
        d.periodFrom = period.from();
        d.periodTo = period.to();
        d.size = in.size();
        d.seedTreeSize = seedSize;
        d.seedRootHash = seedRoot;
        d.candidates = candidates.size();
        d.candidatesSha256 = DrawOrder.candidatesDigest(candidates);
        List<String> items = DrawOrder.draw(seedRoot, candidates, in.size());
        try {
            d.items = json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        d.drawnBy = caller.subject();
        d.drawnAt = clock.instant();
        d.persist();
        staffActions.record(caller, "inspection.drawn", dept, "inspection-draw", d.id, "kind", d.kind,
                "treeSize", d.seedTreeSize, "candidates", d.candidates, "size", d.size);
        return view(d);
    }

    /** A stored draw, to the justice bureau, ADMIN and the inspected department. */
    public DrawView find(UUID id, Caller caller) {
        InspectionDraw d = InspectionDraw.findById(id);
        if (d == null) {
            throw ApiException.notFound(Messages.DRAW_NOT_FOUND.formatted(id));
        }
        if (!access.supervisor(caller) && !caller.department().map(d.department::equals).orElse(false)) {
            throw ApiException.forbidden(Messages.STATS_JUSTICE_ONLY);
        }
        return view(d);
    }

    private DrawView view(InspectionDraw d) {
        List<String> items;
        try {
            items = json.readValue(d.items, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new DrawView(d.id, d.kind.name(), d.department, d.periodFrom, d.periodTo, d.size, d.seedTreeSize,
                d.seedRootHash, DrawOrder.DOMAIN + "{seedRootHash}|{id}", d.candidates, d.candidatesSha256, items, d.drawnBy, d.drawnAt);
    }
}
