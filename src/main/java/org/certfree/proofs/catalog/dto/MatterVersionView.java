package org.certfree.proofs.catalog.dto;

import java.time.Instant;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.MatterStatus;
import org.certfree.proofs.catalog.Proposal;
import org.certfree.proofs.catalog.Scenario;

/** One version of a proof matter; {@code version} is the optimistic-lock counter, {@code number} the version number. */
public record MatterVersionView(
        String matterCode,
        int number,
        ListKind kind,
        String departmentCode,
        String departmentName,
        Proposal proposal,
        MatterStatus status,
        String name,
        String description,
        List<Scenario> scenarios,
        RetainedFields retained,
        CancelledFields cancelled,
        NotifyCommitFields notifyCommit,
        String removalReason,
        String reviewComment,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        String submittedBy,
        Instant submittedAt,
        String reviewedBy,
        String reviewerDepartment,
        Instant reviewedAt,
        int version) {
}
