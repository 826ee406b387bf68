package org.certfree.proofs.verification.dto;

import java.time.Instant;
import org.certfree.proofs.verification.Indication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One access to a citizen's proof: who (unit), when, why, with what result, and whether the content was retrieved. */
@Schema(name = "AccessLogEntry")
public record AccessLogEntry(Instant at, String unit, String unitName, String proofNumber, String purpose,
        String serviceMatter, Indication result, boolean retrieved) {
}
