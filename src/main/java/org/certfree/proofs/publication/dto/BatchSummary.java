package org.certfree.proofs.publication.dto;

import java.time.Instant;
import org.certfree.proofs.publication.BatchStatus;

/** A batch in a listing. */
public record BatchSummary(long id, String number, String title, BatchStatus status, String authorityCode,
        Instant publishedAt, Integer logIndex, String manifestHash, int entryCount) {
}
