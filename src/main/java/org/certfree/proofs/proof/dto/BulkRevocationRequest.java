package org.certfree.proofs.proof.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.proof.RevocationReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a bulk revocation: exactly one selector (numbers, matter or key), a reason and a note. */
@Schema(name = "BulkRevocationRequest", description = "numbers、matter、key 三者必须且只能填写一个 / exactly one of numbers, matter, key")
public record BulkRevocationRequest(
        @Schema(description = "证明编号清单，至多 100000 个，重复的只算一次 / proof numbers, at most 100,000, duplicates counted once",
                maxItems = 100_000)
        List<String> numbers,
        @Schema(description = "某证明事项在开具日期范围内的证明 / the proofs of a matter issued within a date range")
        @Valid MatterSelector matter,
        @Schema(description = "某签名密钥自某时刻起签名的证明 / the proofs a signing key signed from an instant on")
        @Valid KeySelector key,
        @Schema(description = "撤销原因（不能是 FALSE_PLEDGE）/ reason (not FALSE_PLEDGE)")
        @NotNull(message = Messages.REVOKE_REASON_REQUIRED) RevocationReason reason,
        @Schema(description = "说明，如撤销依据的文件名称和文号；记入每份证明 / note, e.g. the decision revoking them; stored with each proof",
                maxLength = 500)
        @NotBlank(message = Messages.BULK_REVOKE_NOTE_REQUIRED) @Size(max = 500, message = Messages.BULK_REVOKE_NOTE_REQUIRED)
        String note) {

    /** The proofs of matter {@code code} issued from {@code issuedFrom} to {@code issuedTo}, both days included, Beijing time. */
    @Schema(name = "BulkRevocationMatterSelector")
    public record MatterSelector(
            @Schema(description = "证明事项编码 / matter code", examples = "BZGAJ-R001") String code,
            @Schema(description = "开具日期起（含，北京时间）/ issued from (inclusive, Asia/Shanghai)", examples = "2026-01-01")
            LocalDate issuedFrom,
            @Schema(description = "开具日期止（含，北京时间）/ issued to (inclusive, Asia/Shanghai)", examples = "2026-01-31")
            LocalDate issuedTo) {
    }

    /** The proofs one of whose signatures key {@code kid} made at or after {@code from}. */
    @Schema(name = "BulkRevocationKeySelector")
    public record KeySelector(
            @Schema(description = "签名密钥的 RFC 7638 指纹 / the key's RFC 7638 thumbprint") String kid,
            @Schema(description = "起始时刻：撤销该密钥自此时刻起（按签名的 iat，精确到秒）签名的证明 / from this instant on (the signature's iat, whole seconds)")
            Instant from) {
    }
}
