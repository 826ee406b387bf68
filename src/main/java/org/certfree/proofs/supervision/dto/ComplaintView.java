package org.certfree.proofs.supervision.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.certfree.proofs.supervision.ComplaintGround;
import org.certfree.proofs.supervision.ComplaintStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A complaint. The unit complained about gets it only once closed, with {@code description} and
 * {@code investigator} left out: the complainant is never named to the unit.
 */
@Schema(name = "ComplaintView", description = "违规索要证明投诉 / a complaint about a demanded proof")
public record ComplaintView(
        UUID id,
        String departmentCode,
        String departmentName,
        String matterCode,
        String matterName,
        ComplaintGround ground,
        LocalDate demandedOn,
        String description,
        @Schema(description = "索要之日该事项所在清单（自动附上）/ the list state at the demand date, attached on filing") JsonNode evidence,
        ComplaintStatus status,
        Instant filedAt,
        String investigator,
        @Schema(description = "认定或答复 / the finding or the answer") String outcome,
        Instant closedAt,
        int version) {
}
