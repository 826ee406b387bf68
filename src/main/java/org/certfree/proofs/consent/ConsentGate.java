package org.certfree.proofs.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.consent.dto.ConsentView;

/**
 * Answers the proof feature's consent question from the holders' consents and the 用证清单. A consent
 * that does not exist and one granted to another unit read alike, so a unit cannot probe others' consents.
 */
@ApplicationScoped
public class ConsentGate {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ControllableClock.ZONE);

    @Inject
    UsageListService usage;

    @Inject
    Clock clock;

    /**
     * Empty when the consent {@code consentRef} is one the holder (by blind index) gave this unit for this
     * matter, is still active, and the unit is on the 用证清单 for the matter; otherwise why not, in words
     * the requesting window can act on.
     */
    public Optional<String> refusal(String consentRef, String unit, String subjectIdIndex, String matterCode) {
        if (!usage.allowed(unit, matterCode)) {
            return Optional.of(Messages.UNIT_NOT_ON_USAGE_LIST.formatted(unit, matterCode));
        }
        UUID id;
        try {
            id = UUID.fromString(consentRef.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of(Messages.CONSENT_REF_UNKNOWN.formatted(consentRef.trim()));
        }
        Consent c = Consent.findById(id);
        if (c == null || !c.unitCode.equals(unit)) {
            return Optional.of(Messages.CONSENT_REF_UNKNOWN.formatted(id));
        }
        if (!c.subjectIdIndex.equals(subjectIdIndex)) {
            return Optional.of(Messages.CONSENT_OTHER_HOLDER.formatted(id));
        }
        if (!c.matterCode.equals(matterCode)) {
            return Optional.of(Messages.CONSENT_OTHER_MATTER.formatted(id, c.matterCode, matterCode));
        }
        Instant now = clock.instant();
        if (c.revokedAt != null) {
            return Optional.of(Messages.CONSENT_REVOKED.formatted(id, at(c.revokedAt)));
        }
        if (!now.isBefore(c.expiresAt)) {
            return Optional.of(Messages.CONSENT_EXPIRED.formatted(id, at(c.expiresAt)));
        }
        return Optional.empty();
    }

    /** The answer of {@link #decide}: the consent (what its unit may see, for which purpose), or why not. */
    public record Decision(ConsentView consent, String refusal) {
    }

    /**
     * The consent {@code consentRef} when {@link #refusal} has nothing against it, or the refusal — decided
     * once, at one instant: what a unit that requested a proof with it may see of the proof, and for which purpose.
     */
    public Decision decide(String consentRef, String unit, String subjectIdIndex, String matterCode) {
        Optional<String> refused = refusal(consentRef, unit, subjectIdIndex, matterCode);
        if (refused.isPresent()) {
            return new Decision(null, refused.get());
        }
        return new Decision(ConsentView.of(Consent.findById(UUID.fromString(consentRef.trim())), clock.instant()), null);
    }

    private static String at(Instant instant) {
        return MINUTE.format(instant);
    }
}
