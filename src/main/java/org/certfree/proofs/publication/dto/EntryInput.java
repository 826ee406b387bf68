package org.certfree.proofs.publication.dto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.certfree.proofs.publication.EntryAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Puts an approved version into a draft batch. Without {@code matterVersion} the matter's latest
 * approved version is taken; without {@code action} it is derived (REMOVE for an approved removal
 * request, AMEND when the matter is on its list, else ADD) — when given it must agree.
 */
@Schema(name = "EntryInput", description = "批次条目 / batch entry")
public record EntryInput(
        @Schema(description = "事项编码 / matter code")
        @NotBlank(message = "须指定事项编码 matterCode") @Size(max = 48, message = "事项编码最长 48 位")
        String matterCode,
        @Schema(description = "审核通过的版本号（可空，取最新通过的版本）/ approved version number")
        @Min(value = 1, message = "版本号从 1 开始")
        Integer matterVersion,
        @Schema(description = "ADD 新增 / AMEND 修改 / REMOVE 移出（可空，自动判断）")
        EntryAction action) {
}
