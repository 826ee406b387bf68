package org.certfree.proofs.proof.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a proof listing. Matches are counted exactly up to 1000: beyond that {@code totalExact} is false and
 * {@code total} is a lower bound ("1000+"), as in the lists' text search — a department's listing would otherwise
 * count every proof it ever issued for each page it shows.
 */
@Schema(name = "ProofPage")
public record ProofPage(List<ProofView> items, int page, int size,
        @Schema(description = "匹配的证明数；totalExact 为 false 时是下限（1000+）/ matching proofs; a lower bound when totalExact is false")
        long total,
        @Schema(description = "total 是否为精确数 / whether total is exact") boolean totalExact) {
}
