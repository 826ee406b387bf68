package org.certfree.proofs.consent.dto;

import java.time.Instant;
import java.util.UUID;
import org.certfree.proofs.consent.Consent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as the API shows it; {@code id} is the consent reference a unit quotes. */
@Schema(name = "ConsentView")
public record ConsentView(UUID id, String unit, String matterCode, String purpose, Instant grantedAt, Instant expiresAt,
        Instant revokedAt, boolean active) {

    public static ConsentView of(Consent c, Instant now) {
        return new ConsentView(c.id, c.unitCode, c.matterCode, c.purpose, c.grantedAt, c.expiresAt, c.revokedAt, c.activeAt(now));
    }
}
