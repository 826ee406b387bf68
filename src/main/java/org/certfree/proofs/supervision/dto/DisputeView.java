package org.certfree.proofs.supervision.dto;

import java.time.Instant;
import java.util.UUID;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.supervision.DisputeClaim;
import org.certfree.proofs.supervision.DisputeStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dispute on a list entry; {@code text} and {@code answer} only for the opener and the justice bureau. */
@Schema(name = "DisputeView", description = "清单异议 / a list dispute")
public record DisputeView(
        UUID id,
        String matterCode,
        ListKind list,
        int matterVersion,
        String batchNumber,
        DisputeClaim claim,
        String text,
        DisputeStatus status,
        Instant openedAt,
        String answer,
        ChangeRef changeRef,
        Instant closedAt,
        int version) {
}
