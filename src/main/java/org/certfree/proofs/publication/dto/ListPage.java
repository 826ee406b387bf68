package org.certfree.proofs.publication.dto;

import java.time.Instant;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;

/**
 * One page of an effective list as of {@code asOf}; {@code logSize} is how many batches had been
 * published by then (the state is the fold of those batches). With a text search, matches are counted
 * exactly up to 1000: beyond that {@code totalExact} is false and {@code total} is a lower bound ("1000+").
 */
public record ListPage(ListKind kind, String kindUri, String kindLabel, Instant asOf, int logSize,
        List<ListEntryView> items, int page, int size, long total, boolean totalExact) {
}
