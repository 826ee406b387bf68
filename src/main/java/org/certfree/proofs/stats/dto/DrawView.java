package org.certfree.proofs.stats.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A 随机抽查 draw and how to recompute it: order the {@code candidates} items of {@code kind} of {@code department}
 * in the period by SHA-256({@code rule} prefix + {@code seedRootHash} + "|" + id) and take the first {@code size}.
 * {@code seedTreeSize} names the signed tree head ({@code GET /api/v1/transparency/tree-head?treeSize=}).
 */
public record DrawView(UUID id, String kind, String department, LocalDate from, LocalDate to, int size,
        int seedTreeSize, String seedRootHash, String rule, int candidates, List<String> items, String drawnBy,
        Instant drawnAt) {
}
