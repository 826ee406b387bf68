package org.certfree.proofs.consent.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.consent.Consent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as the API shows it; {@code id} is the consent reference a unit quotes. */
@Schema(name = "ConsentView")
public record ConsentView(UUID id, String unit, String matterCode, String purpose,
        @Schema(description = "单位可见的披露项（subject.name、subject.id、claims.<名称>）；为空表示全部 / the disclosures the unit may see; absent: all")
        List<String> disclose,
        Instant grantedAt, Instant expiresAt, Instant revokedAt, boolean active) {

    public static ConsentView of(Consent c, Instant now) {
        return new ConsentView(c.id, c.unitCode, c.matterCode, c.purpose, c.disclose == null ? null : List.copyOf(c.disclose),
                c.grantedAt, c.expiresAt, c.revokedAt, c.activeAt(now));
    }
}
