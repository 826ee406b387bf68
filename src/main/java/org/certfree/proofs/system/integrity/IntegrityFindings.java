package org.certfree.proofs.system.integrity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one {@link IntegrityCheck} found: how many records it checked and every inconsistency. The
 * record is consistent when {@code problems} is empty.
 */
@Schema(description = "一类记录的核对结果 / What one check of the stored record found")
public record IntegrityFindings(
        @Schema(description = "核对的记录类别 / which record, e.g. proofs, audit-log, access-log") String scope,
        @Schema(description = "核对的记录数 / records checked") long checked,
        @Schema(description = "发现的不一致 / every inconsistency found") List<Problem> problems) {

    public IntegrityFindings {
        problems = List.copyOf(problems);
    }

    /** Whether nothing inconsistent was found. */
    public boolean consistent() {
        return problems.isEmpty();
    }

    /** One inconsistency: which check failed, on which record ({@code ref}: a number, id or sequence), and how. */
    @Schema(description = "一处不一致 / one inconsistency")
    public record Problem(
            @Schema(description = "失败的核对项 / the check that failed") String check,
            @Schema(description = "涉及的记录 / the record concerned") String ref,
            @Schema(description = "说明 / what was found") String detail) {
    }
}
