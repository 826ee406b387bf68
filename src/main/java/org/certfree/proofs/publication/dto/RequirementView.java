package org.certfree.proofs.publication.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.publication.EntryAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The point-in-time answer (issue #15, 5): on which list a matter was at the end of a day, since which batch,
 * what later changed it and why, and where it stands now — the evidence of a dispute or a complaint.
 */
@Schema(name = "RequirementView", description = "某日某事项在哪个清单上 / which list a matter was on at a date")
public record RequirementView(
        String matterCode,
        @Schema(description = "查询日期 / the date asked about") LocalDate date,
        @Schema(description = "该日结束时刻（北京时间）/ the end of that day, China Standard Time") Instant asOf,
        @Schema(description = "当时所在清单，不在任何清单上为 null / the list it was on, null for none") ListKind list,
        @Schema(description = "清单名称 / the list's name") String listLabel,
        @Schema(description = "当时是否仍须提交该证明（在保留清单上）/ whether the proof was still required (retained)") boolean required,
        @Schema(description = "当时生效的版本 / the version in force then") Integer version,
        String name,
        @Schema(description = "自哪一批次起在该清单上 / the batch since which it was on that list") BatchRef since,
        @Schema(description = "当时生效版本的发布批次 / the batch that published the version in force") BatchRef versionSince,
        @Schema(description = "当日之前最后一次变动（如已移出）/ the last change on or before the date") Change lastChangeBefore,
        @Schema(description = "之后将其移出或移到其他清单的批次 / the later batch that removed it or moved it to another list") Change removedOrMovedBy,
        @Schema(description = "该日之后的全部变动 / every later change") List<Change> laterChanges,
        @Schema(description = "现状 / where it stands now") Current current) {

    /** A published batch. */
    @Schema(name = "RequirementBatch", description = "已发布的批次 / a published batch")
    public record BatchRef(long id, String number, Instant publishedAt) {
    }

    /** One published entry of the matter: what the batch did and why. */
    @Schema(name = "RequirementChange", description = "批次对该事项的变动及理由 / what a batch did to the matter, and why")
    public record Change(BatchRef batch, EntryAction action, ListKind list, int version, String reason) {
    }

    /** The matter's current state on the lists. */
    @Schema(name = "RequirementCurrent", description = "现状 / the current state")
    public record Current(ListKind list, String listLabel, Integer version, BatchRef since) {
    }
}
