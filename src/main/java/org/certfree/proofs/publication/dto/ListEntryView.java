package org.certfree.proofs.publication.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.Scenario;

/** A matter on an effective list: where it came from (batch) and its published content. */
public record ListEntryView(
        String code,
        ListKind kind,
        int version,
        String name,
        String departmentCode,
        List<Scenario> scenarios,
        Instant effectiveSince,
        long batchId,
        String batchNumber,
        JsonNode content) {
}
