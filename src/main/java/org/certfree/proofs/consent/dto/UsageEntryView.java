package org.certfree.proofs.consent.dto;

import java.time.Instant;
import java.util.UUID;
import org.certfree.proofs.consent.UsageEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of the 用证清单 as published. */
@Schema(name = "UsageEntryView")
public record UsageEntryView(UUID id, String unit, String serviceMatter, String businessSystem, String proofMatterCode,
        Instant createdAt) {

    public static UsageEntryView of(UsageEntry e) {
        return new UsageEntryView(e.id, e.unitCode, e.serviceMatter, e.businessSystem, e.proofMatterCode, e.createdAt);
    }
}
