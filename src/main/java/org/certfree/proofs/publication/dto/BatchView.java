package org.certfree.proofs.publication.dto;

import java.time.Instant;
import java.util.List;
import org.certfree.proofs.publication.BatchStatus;

/**
 * A publication batch. {@code signatureStatus} is SIGNED for a published batch (the JWS is in
 * {@code signature}; publishing always signs) and null for drafts. {@code version} is the optimistic-lock counter.
 */
public record BatchView(
        long id,
        String number,
        String title,
        BatchStatus status,
        String authorityCode,
        String authorityName,
        String createdBy,
        Instant createdAt,
        String publishedBy,
        Instant publishedAt,
        Integer logIndex,
        String previousHash,
        String manifestHash,
        String signatureStatus,
        String signature,
        int entryCount,
        List<EntryView> entries,
        int version) {
}
