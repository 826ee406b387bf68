package org.certfree.proofs.catalog.dto;

import java.time.Instant;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.MatterStatus;
import org.certfree.proofs.catalog.Scenario;

/** A proof matter with its latest version and the history of its versions. */
public record MatterView(
        String code,
        ListKind kind,
        String departmentCode,
        String departmentName,
        String name,
        List<Scenario> scenarios,
        int latestNumber,
        MatterStatus latestStatus,
        Instant createdAt,
        Instant updatedAt,
        MatterVersionView latest,
        List<VersionSummary> versions) {
}
