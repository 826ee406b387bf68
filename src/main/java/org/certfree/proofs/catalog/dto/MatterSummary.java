package org.certfree.proofs.catalog.dto;

import java.time.Instant;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.MatterStatus;
import org.certfree.proofs.catalog.Scenario;

/** A proof matter in a catalogue listing. */
public record MatterSummary(String code, ListKind kind, String departmentCode, String name, List<Scenario> scenarios,
        int latestNumber, MatterStatus latestStatus, Instant updatedAt) {
}
