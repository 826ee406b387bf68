package org.certfree.proofs.proof;

import java.time.Instant;

/**
 * Status of an electronic proof as its issuing department answers it ("谁制发、谁核验").
 * {@link #uri()} is the stable identifier used in signed receipts and status answers.
 */
public enum ProofStatus {
    /** Issued, not revoked, not superseded and inside its validity period. */
    VALID,
    /** Revoked by the issuing department, with a {@link RevocationReason}. */
    REVOKED,
    /** Its validity period ({@code validUntil}) has passed. Derived from the clock, never stored. */
    EXPIRED,
    /** Replaced by a corrected re-issue; the successor's number is given. */
    SUPERSEDED;

    /** The status at {@code now} of a proof stored as {@code stored}: a VALID proof past {@code validUntil} is EXPIRED. */
    public static ProofStatus at(ProofStatus stored, Instant validUntil, Instant now) {
        return stored == VALID && !now.isBefore(validUntil) ? EXPIRED : stored;
    }

    public String uri() {
        return "urn:certfree:proof-status:" + name().toLowerCase();
    }

    /** 中文名称 for pages and printed proofs. */
    public String chinese() {
        return switch (this) {
            case VALID -> "有效";
            case REVOKED -> "已撤销";
            case EXPIRED -> "已过期";
            case SUPERSEDED -> "已被更正证明替代";
        };
    }
}
