package org.certfree.proofs.stats.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A 随机抽查 draw and how to recompute it: order the {@code candidates} items of {@code kind} of {@code department}
 * in the period by SHA-256({@code rule} prefix + {@code seedRootHash} + "|" + id) and take the first {@code size}.
 * {@code seedTreeSize} names the signed tree head ({@code GET /api/v1/transparency/tree-head?treeSize=}).
 * {@code candidatesSha256}: hex SHA-256 of the candidates' ids sorted and joined by line feeds, so a later recount
 * of the (closed) period shows whether the draw was made from all of them and only them.
 */
public record DrawView(UUID id, String kind, String department, LocalDate from, LocalDate to, int size,
        int seedTreeSize, String seedRootHash, String rule, int candidates, String candidatesSha256, List<String> items, String drawnBy,
        Instant drawnAt) {
}
