package org.certfree.proofs.consent.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.consent.AssistedFiling;
import org.certfree.proofs.consent.Consent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as the API shows it; {@code id} is the consent reference a unit quotes. */
@Schema(name = "ConsentView")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentView(UUID id, String unit, String matterCode, String purpose,
        @Schema(description = "单位可见的披露项（subject.name、subject.id、claims.<名称>）；为空表示全部 / the disclosures the unit may see; absent: all")
        List<String> disclose,
        Instant grantedAt, Instant expiresAt, Instant revokedAt, boolean active,
        @Schema(description = "代办记录，持证人本人授权时为空 / present when granted in the holder's name (代办)") AssistanceView assistance) {

    public static ConsentView of(Consent c, Instant now) {
        return new ConsentView(c.id, c.unitCode, c.matterCode, c.purpose, c.disclose == null ? null : List.copyOf(c.disclose),
                c.grantedAt, c.expiresAt, c.revokedAt, c.activeAt(now),
                AssistedFiling.Act.view(c.assistedKind, c.assistedBy, c.assistedUnit, c.identityCheck, c.evidenceSha256,
                        c.authorisationId));
    }
}
