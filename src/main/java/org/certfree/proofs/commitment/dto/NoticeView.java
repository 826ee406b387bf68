package org.certfree.proofs.commitment.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notice to a using unit about a pledge made to it. */
@Schema(name = "PledgeNoticeView", description = "告知承诺通知 / a notice to a using unit")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeView(UUID id, String unitCode, String pledgeNumber,
        @Schema(description = "FOUND_FALSE / OBJECTION_UPHELD / OBJECTION_DISMISSED") String kind,
        String message, Instant createdAt, Instant readAt, String readBy) {
}
