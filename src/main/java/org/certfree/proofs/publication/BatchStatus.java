package org.certfree.proofs.publication;

/** State of a publication batch. Source: seed 三.(一) "按照“成熟一批、发布一批”的原则，陆续向社会发布". */
public enum BatchStatus {
    /** Being assembled by the justice bureau; entries may be added and removed. */
    DRAFT,
    /** Published: part of the public record, immutable, chained and logged. */
    PUBLISHED;

    /** Stable identifier of the state. */
    public String uri() {
        return "urn:certfree:batch-status:" + name().toLowerCase();
    }
}
