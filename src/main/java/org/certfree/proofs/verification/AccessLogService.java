package org.certfree.proofs.verification;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.system.crypto.HolderIndex;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.verification.dto.AccessLogEntry;

/** The holder's "who looked at my proofs": every verification and retrieval of proofs about them, newest first. */
@ApplicationScoped
public class AccessLogService {

    @Inject
    DepartmentService departments;

    @Inject
    HolderIndex holders;

    /** A citizen's access log: every verification and retrieval of proofs about them. */
    public Page<AccessLogEntry> of(Caller caller, PageRequest page) {
        var q = Verification.<Verification>find("subjectIdIndex", Sort.descending("verifiedAt"), holders.of(caller.subject()));
        Map<String, String> names = new HashMap<>();
        List<AccessLogEntry> items = q.page(page.page(), page.size()).list().stream()
                .map(v -> new AccessLogEntry(v.verifiedAt, v.unitCode,
                        names.computeIfAbsent(v.unitCode, c -> departments.find(c).map(DepartmentView::name).orElse(c)),
                        v.proofNumber, v.purpose, v.serviceMatter, v.indication, v.retrieved))
                .toList();
        return new Page<>(items, page.page(), page.size(), q.count());
    }

}
