package org.certfree.proofs.proof.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.certfree.proofs.proof.RevocationReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a bulk revocation did (or, in a preview, would do): counts, and the numbers concerned up to a limit. */
@Schema(name = "BulkRevocationView")
public record BulkRevocationView(
        @Schema(description = "本次批量撤销的标识，记入每条审计记录（预览时无）/ this run's id, in each audit row (none in a preview)")
        UUID id,
        @Schema(description = "是否为预览（未做任何改动）/ a preview (nothing changed)") boolean preview,
        @Schema(description = "开具部门 / issuing department") String department,
        @Schema(description = "选择方式 / selector", enumeration = { "numbers", "matter", "key" }) String selector,
        @Schema(description = "撤销原因 / reason") RevocationReason reason,
        @Schema(description = "撤销时间（预览时为预览时间）/ when revoked (of a preview: when previewed)") Instant at,
        @Schema(description = "提交的不同编号数（仅 numbers）/ distinct numbers listed (numbers only)") Integer listed,
        @Schema(description = "选中的本部门证明数 / proofs of the department selected") int matched,
        @Schema(description = "本次撤销的证明数（预览时为将撤销的数量）/ revoked now (in a preview: would be)") int revoked,
        @Schema(description = "此前已撤销的证明数 / already revoked before") int alreadyRevoked,
        @Schema(description = "已被更正证明替代、无需撤销的证明数 / superseded by a corrected proof, not revoked") int superseded,
        @Schema(description = "异议处理中而跳过的证明数：请通过处理异议撤销 / under dispute, skipped: decide the dispute instead")
        int skippedDisputed,
        @Schema(description = "本部门没有的编号数（不存在，或是告知承诺书）（仅 numbers）/ numbers of no proof of the department (unknown, or a pledge; numbers only)")
        Integer notFound,
        @Schema(description = "预览：将撤销的证明编号，至多 20 个 / preview: numbers that would be revoked, at most 20")
        List<String> sample,
        @Schema(description = "异议处理中而跳过的编号，至多 1000 个 / numbers skipped under dispute, at most 1,000")
        List<String> disputedNumbers,
        @Schema(description = "此前已撤销的编号，至多 1000 个 / numbers already revoked, at most 1,000")
        List<String> alreadyRevokedNumbers,
        @Schema(description = "本部门没有的编号，至多 1000 个 / numbers not found, at most 1,000")
        List<String> notFoundNumbers,
        @Schema(description = "部门状态列表的地址：撤销后已发布新的一版 / the department's status list, republished after the run")
        String statusList) {
}
