package org.certfree.proofs.catalog.dto;

import java.time.Instant;
import org.certfree.proofs.catalog.MatterStatus;
import org.certfree.proofs.catalog.Proposal;

/** A version in a matter's history. */
public record VersionSummary(int number, Proposal proposal, MatterStatus status, String name, Instant createdAt,
        Instant reviewedAt, String reviewComment) {
}
